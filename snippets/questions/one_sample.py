# Predicting for one sample: predict wants a batch of samples, so one
# sample of 2 features is a (1, 2) array, not a (2,) vector.
import textwrap

import keras
import numpy as np
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

x = np.array([1.0, 1.0])
try:
    model.predict(x, verbose=0)
except ValueError as error:
    message = f"{type(error).__name__}: {error}"
    for line in message.splitlines():
        print(textwrap.fill(line, 72))

print()
fixes = {"x.reshape(1, -1)": x.reshape(1, -1), "x[None]": x[None]}
for name, batch in fixes.items():
    p = model.predict(batch, verbose=0)
    print(f"{name:<17} shape {batch.shape} -> {p.shape} {p[0, 0]:.4f}")
