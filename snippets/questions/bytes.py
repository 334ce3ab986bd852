# The bytes in the summary: each parameter is a number stored in the
# dtype of its layer's variables; float32 takes 4 bytes, float16 2.
# Under mixed precision a layer computes in float16 but keeps its
# variables in float32.
import math

import keras
import numpy as np
from keras import layers


def total_line(model):
    printed = []
    model.summary(print_fn=printed.append)
    lines = "".join(printed).splitlines()
    return next(line for line in lines if "Total params" in line)


def show(label, model):
    (dtype,) = {w.dtype for w in model.weights}  # one dtype for all
    size = np.dtype(dtype).itemsize
    params = sum(math.prod(w.shape) for w in model.weights)
    print(f"{label}, {dtype}:")
    print(f"    {params:,} parameters × {size} B = {params * size:,} B")
    print(f"    summary says:{total_line(model)}")


show(
    "The question's model",
    keras.Sequential(
        [
            keras.Input(shape=(2,)),
            layers.Dense(32),
            layers.Activation("softmax"),
            layers.Dense(1),
            layers.Activation("sigmoid"),
        ]
    ),
)
dtypes = ("float32", "float16", "bfloat16", "float64", "mixed_float16")
for dtype in dtypes:
    show(
        f"Dense(32, dtype={dtype!r}) on 2 features",
        keras.Sequential(
            [keras.Input(shape=(2,)), layers.Dense(32, dtype=dtype)]
        ),
    )
show(
    "Dense(64) on 3 features",  # exactly 1024 bytes: the first KB
    keras.Sequential([keras.Input(shape=(3,)), layers.Dense(64)]),
)
show(
    "Dense(256) on 784 features (a 28×28 image)",
    keras.Sequential([keras.Input(shape=(784,)), layers.Dense(256)]),
)
