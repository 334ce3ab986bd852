# Sigmoid acts on each value on its own; softmax acts on all 32
# outputs of a sample together, and they come out summing to 1.
import keras
import numpy as np

keras.utils.set_random_seed(0)

x = np.array([[1, 1]], dtype=np.float32)  # one sample
z = keras.ops.convert_to_numpy(keras.layers.Dense(32)(x))
z_changed = z.copy()
z_changed[0, 0] += 1.0  # only the first of the 32 values changes

for name in ("softmax", "sigmoid"):
    activation = keras.layers.Activation(name)
    before = keras.ops.convert_to_numpy(activation(z))
    after = keras.ops.convert_to_numpy(activation(z_changed))
    print(
        f"{name:<8} 32 outputs from {before.min():.3f} to "
        f"{before.max():.3f}, sum {before.sum():.4f}"
    )
    changed = (after != before).sum()
    print(f"{'':<8} change one input: {changed} of 32 change")
