# The kernel as a matrix: one row per input, one column per neuron.
# Neuron j computes X @ kernel[:, j] + bias[j].
import keras
import numpy as np
from keras import layers

keras.utils.set_random_seed(0)

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=np.float32)
layer = layers.Dense(32)
output = keras.ops.convert_to_numpy(layer(X))
kernel, bias = layer.get_weights()
print(
    "kernel", kernel.shape, " bias", bias.shape, " output", output.shape
)

print("neuron 0: weights", kernel[:, 0], " bias", bias[0])
neurons = [X @ kernel[:, j] + bias[j] for j in range(32)]
same = all(np.allclose(neurons[j], output[:, j]) for j in range(32))
print(
    "every neuron, one column at a time, gives the layer's output:",
    same,
)
print()

# The count for any Dense layer: inputs·units + units.
for inputs, units in [(2, 32), (32, 1), (784, 256), (3, 5)]:
    layer = layers.Dense(units)
    layer.build((None, inputs))
    formula = f"{inputs}·{units} + {units} = {inputs * units + units}"
    print(f"{formula:>22}   Keras says {layer.count_params()}")
