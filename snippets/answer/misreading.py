# "32 means that each training instance has 32 input variables"?
# Give Dense(32) other inputs and other numbers of samples: the 32
# stays the number of outputs of each row.
import numpy as np
from keras import layers

for rows, features in [(4, 2), (1000, 2), (4, 3)]:
    layer = layers.Dense(32)
    X = np.ones((rows, features), dtype=np.float32)
    out = layer(X)
    print(
        f"X {X.shape}: {features} inputs per row, "
        f"kernel {tuple(layer.kernel.shape)}, output {tuple(out.shape)}"
    )
