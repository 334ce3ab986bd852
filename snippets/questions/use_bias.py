# use_bias=False: the layer keeps its kernel and drops its bias. Right
# before BatchNormalization the bias would change nothing anyway.
import keras
import numpy as np
from keras import layers

keras.utils.set_random_seed(0)

for use_bias in (True, False):
    layer = layers.Dense(32, use_bias=use_bias)
    layer.build((None, 2))
    weights = ", ".join(f"{w.name} {w.shape}" for w in layer.weights)
    print(f"Dense(32, use_bias={use_bias}): {weights}")
    print(f"    {layer.count_params()} parameters")

# Two Dense layers with the same kernel, one of them with a (random,
# non-zero) bias, each followed by BatchNormalization in training mode.
X = np.random.default_rng(0).normal(size=(8, 2)).astype(np.float32)
with_bias = layers.Dense(32, bias_initializer="random_normal")
without_bias = layers.Dense(32, use_bias=False)
with_bias.build((None, 2))
without_bias.build((None, 2))
without_bias.set_weights([with_bias.get_weights()[0]])
norm = layers.BatchNormalization()
a = keras.ops.convert_to_numpy(norm(with_bias(X), training=True))
b = keras.ops.convert_to_numpy(norm(without_bias(X), training=True))
bias = with_bias.get_weights()[1]
print()
print(
    "the bias, first 3 of 32:", np.array2string(bias[:3], precision=4)
)
print("outputs after BatchNormalization, with and without that bias:")
print("    equal to 5 decimals:", np.allclose(a, b, atol=1e-5))
