# Softmax on a 3-D output acts on the last axis, as Dense does: each
# row of 32 values sums to 1, not each sample's 10 rows together.
import keras
import numpy as np
from keras import layers

keras.utils.set_random_seed(0)

model = keras.Sequential(
    [
        keras.Input(shape=(10, 2)),
        layers.Dense(32),
        layers.Activation("softmax"),
    ]
)
X = np.random.default_rng(0).normal(size=(4, 10, 2)).astype(np.float32)
out = model.predict(X, verbose=0)
print("X", X.shape, "-> output", out.shape)
print("sample 0, each row's sum:", out[0].sum(axis=-1).round(4))
print(f"sample 0, all {out[0].size} values: {out[0].sum():.4f}")
