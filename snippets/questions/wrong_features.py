# A model built for 2 features, given samples with 3.
import textwrap

import keras
import numpy as np
from keras import layers

model = keras.Sequential(
    [
        keras.Input(shape=(2,)),
        layers.Dense(32),
        layers.Activation("softmax"),
        layers.Dense(1),
        layers.Activation("sigmoid"),
    ]
)

# 4 samples with 3 features each: one column too many
X = np.array(
    [[0, 0, 1], [0, 1, 1], [1, 0, 1], [1, 1, 1]], dtype=np.float32
)
try:
    model.predict(X, verbose=0)
except ValueError as error:
    # The last line of the traceback, long lines wrapped
    message = f"{type(error).__name__}: {error}"
    for line in message.splitlines():
        print(textwrap.fill(line, 72))
