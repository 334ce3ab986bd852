# The question's network on Keras 3's JAX backend. Keras reads the
# backend when it is first imported: set it before that.
import os

os.environ["KERAS_BACKEND"] = "jax"

import keras  # noqa: E402
from keras import layers  # noqa: E402

print("backend:", keras.backend.backend())
model = keras.Sequential(
    [
        keras.Input(shape=(2,)),
        layers.Dense(32),
        layers.Activation("softmax"),
        layers.Dense(1),
        layers.Activation("sigmoid"),
    ]
)
model.summary()
kernel = model.layers[0].kernel
print("kernel:", kernel.shape, type(kernel.value))
