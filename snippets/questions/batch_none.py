# None in the Output Shape is the batch axis: how many samples come
# in at once, left open. Input(batch_size=4) writes 4 there instead.
import keras
import numpy as np
from keras import layers

for batch_size in (None, 4):
    print(f"keras.Input(shape=(2,), batch_size={batch_size})")
    model = keras.Sequential(
        [
            keras.Input(shape=(2,), batch_size=batch_size),
            layers.Dense(32),
        ]
    )
    model.summary()
    for rows in (4, 5):
        X = np.zeros((rows, 2), dtype=np.float32)
        predictions = model.predict(X, verbose=0)
        print(f"predict on {rows} rows -> {predictions.shape}")
    print()
