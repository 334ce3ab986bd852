# Dense(32, activation="softmax") is Dense(32), then an
# Activation("softmax") layer: same weights, same numbers.
import keras
import numpy as np
from keras import layers

keras.utils.set_random_seed(0)
folded = keras.Sequential(
    [
        keras.Input(shape=(2,)),
        layers.Dense(32, activation="softmax"),
        layers.Dense(1, activation="sigmoid"),
    ]
)
separate = keras.Sequential(
    [
        keras.Input(shape=(2,)),
        layers.Dense(32),
        layers.Activation("softmax"),
        layers.Dense(1),
        layers.Activation("sigmoid"),
    ]
)
separate.set_weights(folded.get_weights())  # the same 129 numbers
folded.summary()

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype="float32")
a, b = folded.predict(X, verbose=0), separate.predict(X, verbose=0)
print("predictions:", " ".join(f"{p:.4f}" for p in a.ravel()))
print("identical:", np.array_equal(a, b))
print("parameters:", folded.count_params(), separate.count_params())
print("default activation:", layers.Dense(32).activation.__name__)
