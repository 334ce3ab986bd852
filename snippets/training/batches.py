# fit and predict cut X into batches of batch_size rows, 32 unless you
# say otherwise. Each batch goes through the layer as one matrix
# product; the rows of X never all go through at once.
import keras
import numpy as np
from keras import layers

keras.utils.set_random_seed(0)
X = np.random.default_rng(0).integers(0, 2, size=(1000, 2))
X = X.astype(np.float32)
y = X[:, :1] * X[:, 1:]  # AND, shape (1000, 1)


class Batches(keras.callbacks.Callback):
    """Records the shape of what the model gives for each batch."""

    def __init__(self):
        super().__init__()
        self.shapes, self.steps = [], 0

    def on_predict_batch_end(self, batch, logs=None):
        self.shapes.append(tuple(np.shape(logs["outputs"])))

    def on_train_batch_end(self, batch, logs=None):
        self.steps += 1


def predict_in_batches(units, batch_size=32):  # Keras's default
    hidden = keras.Sequential(
        [keras.Input(shape=(2,)), layers.Dense(units)]
    )
    seen = Batches()
    out = hidden.predict(
        X, batch_size=batch_size, verbose=0, callbacks=[seen]
    )
    first, last = seen.shapes[0], seen.shapes[-1]
    print(f"Dense({units}), batch_size={batch_size}:")
    print(f"  {len(seen.shapes)} batches of {first}, the last {last}")
    print(f"  predict returns them together: {out.shape}")


predict_in_batches(32)
predict_in_batches(32, batch_size=100)
predict_in_batches(8)  # 8 units: batches of 32 rows give (32, 8)

model = keras.Sequential(
    [keras.Input(shape=(2,)), layers.Dense(32), layers.Dense(1)]
)
model.compile(loss="mse")
seen = Batches()
model.fit(X, y, epochs=1, verbose=0, callbacks=[seen])
print(f"fit, 1 epoch of {len(X)} rows: {seen.steps} steps")
