# More neurons than inputs is fine: every neuron sees all the inputs
# and weighs them its own way.
import numpy as np
from keras import layers

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=np.float32)

for units in (1, 2, 32, 512):
    layer = layers.Dense(units)
    output = layer(X)
    print(
        f"Dense({units}): kernel {layer.kernel.shape},"
        f" output {tuple(output.shape)},"
        f" {layer.count_params()} parameters"
    )
