# The rows of X are samples: 4 rows or 1000, the network is the same.
import keras
import numpy as np
from keras import layers

keras.utils.set_random_seed(0)  # the weights; the shapes need none
model = keras.Sequential(
    [
        keras.Input(shape=(2,)),
        layers.Dense(32),
        layers.Activation("softmax"),
        layers.Dense(1),
        layers.Activation("sigmoid"),
    ]
)

rng = np.random.default_rng(0)
X_4 = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=np.float32)
X_1000 = rng.integers(0, 2, size=(1000, 2)).astype(np.float32)

for X in (X_4, X_1000):
    predictions = model.predict(X, verbose=0)
    print(
        f"X {X.shape} -> predictions {predictions.shape}, "
        f"parameters: {model.count_params()}"
    )
