# Dense on 3-D input: it acts on the last axis only. Each of the 10
# rows of 2 numbers goes through the same (2, 32) kernel.
import keras
import numpy as np
from keras import layers

keras.utils.set_random_seed(0)

model = keras.Sequential([keras.Input(shape=(10, 2)), layers.Dense(32)])
model.summary()

kernel, bias = model.layers[0].get_weights()
print("kernel", kernel.shape, " bias", bias.shape)

X = np.random.default_rng(0).normal(size=(4, 10, 2)).astype(np.float32)
by_keras = model.predict(X, verbose=0)
# Row by row: each (4, 2) slice times the kernel gives a (4, 32) slice.
by_rows = np.stack(
    [X[:, t, :] @ kernel + bias for t in range(10)], axis=1
)
print("X", X.shape, "-> output", by_keras.shape)
print(
    "same as each row on its own:",
    np.allclose(by_keras, by_rows, atol=1e-6),
)
