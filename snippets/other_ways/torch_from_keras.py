# One Keras Dense(32) layer's weights copied into PyTorch's
# nn.Linear(2, 32). Keras computes x @ kernel + bias with a kernel of
# (in, out); PyTorch computes x @ weight.T + bias with a weight of
# (out, in): the same numbers, transposed.
import textwrap

import keras
import numpy as np
import torch
from torch import nn

keras.utils.set_random_seed(0)
X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=np.float32)

dense = keras.layers.Dense(32)
keras_out = keras.ops.convert_to_numpy(dense(X))
kernel, bias = dense.get_weights()
print("Keras kernel:", kernel.shape, " bias:", bias.shape)

linear = nn.Linear(2, 32)
print("PyTorch weight:", linear.weight.shape, end="  ")
print("bias:", linear.bias.shape)
with torch.no_grad():
    try:
        linear.weight.copy_(torch.from_numpy(kernel))  # not transposed
    except RuntimeError as error:
        wrapped = textwrap.wrap(str(error), 60)
        print("copied as is:", *wrapped, sep="\n  ")
    linear.weight.copy_(torch.from_numpy(kernel.T))
    linear.bias.copy_(torch.from_numpy(bias))
    torch_out = linear(torch.from_numpy(X)).numpy()

print()
print("row [1, 1], first 4 of 32 outputs:")
print("  Keras  ", " ".join(f"{v:7.4f}" for v in keras_out[3, :4]))
print("  PyTorch", " ".join(f"{v:7.4f}" for v in torch_out[3, :4]))
difference = np.abs(keras_out - torch_out).max()
print("largest difference of all 4 x 32 below 1e-6:", difference < 1e-6)
