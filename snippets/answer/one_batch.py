# The 4 rows of X go through Dense(32) at once: one matrix product
# for the whole batch, then the bias added to every row.
import keras
import numpy as np

keras.utils.set_random_seed(0)

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=np.float32)
layer = keras.layers.Dense(32)
out = keras.ops.convert_to_numpy(layer(X))  # builds it, then calls it
kernel, bias = layer.get_weights()

print(f"{X.shape} @ {kernel.shape} + {bias.shape} -> {out.shape}")
same = np.allclose(out, X @ kernel + bias)
print("the same as X @ kernel + bias:", same)
