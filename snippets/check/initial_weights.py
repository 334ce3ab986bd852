# Where the starting weights come from: Dense draws its kernel from
# Glorot uniform, within +-sqrt(6 / (fan_in + fan_out)), and starts its
# bias at zero.
import math

import keras
from keras import layers

keras.utils.set_random_seed(0)
model = keras.Sequential(
    [
        keras.Input(shape=(2,)),
        layers.Dense(32),
        layers.Activation("softmax"),
        layers.Dense(1),
        layers.Activation("sigmoid"),
    ]
)

for layer in model.layers:
    if not layer.weights:
        continue
    fan_in, fan_out = layer.kernel.shape
    limit = math.sqrt(6 / (fan_in + fan_out))
    kernel = layer.kernel.numpy()
    print(
        f"{layer.name}: {type(layer.kernel_initializer).__name__}, "
        f"{type(layer.bias_initializer).__name__} bias"
    )
    print(
        f"  limit sqrt(6 / ({fan_in} + {fan_out})) = {limit:.4f}, "
        f"kernel from {kernel.min():.4f} to {kernel.max():.4f}"
    )
    print(f"  bias all zero: {not layer.bias.numpy().any()}")
