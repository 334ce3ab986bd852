# The answers to the question page's exercises, from Keras itself.
import keras
import numpy as np
from keras import layers


def first_layer(features):
    """The question's first layer, on samples of this many features."""
    return keras.Sequential(
        [keras.Input(shape=(features,)), layers.Dense(32)]
    )


print(
    "X with 10 columns: Dense(32) has", first_layer(10).count_params()
)
model = first_layer(2)
for rows in (4, 1000):
    out = model.predict(np.zeros((rows, 2)), verbose=0)
    count = model.count_params()
    print(f"X with {rows} rows: output {out.shape}, parameters {count}")
