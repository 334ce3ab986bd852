# The loss of a sigmoid output, computed by Keras on two backends.
# One row whose z is 40 and whose target is 0: the exact binary
# cross-entropy is log(1 + e^40), 40.0 in float32.
import os

os.environ["KERAS_BACKEND"] = "tensorflow"  # first TensorFlow, then JAX

import keras  # noqa: E402  after the backend is chosen
import numpy as np

x = np.array([[40.0]], dtype=np.float32)
y = np.array([[0.0]], dtype=np.float32)


def loss_of_z_40():
    # z = 1 * x + 0 = 40, then the sigmoid.
    model = keras.Sequential(
        [
            keras.Input(shape=(1,)),
            keras.layers.Dense(1, kernel_initializer="ones"),
            keras.layers.Activation("sigmoid"),
        ]
    )
    model.compile(loss="binary_crossentropy")
    prediction = model.predict(x, verbose=0)[0, 0]
    loss = model.evaluate(x, y, verbose=0)
    print(f"{keras.config.backend()}: prediction {prediction}")
    print(f"  loss {loss:.4f}")


loss_of_z_40()
keras.config.set_backend("jax")  # Keras reloads itself on JAX
import keras  # noqa: E402  the reloaded module

loss_of_z_40()
