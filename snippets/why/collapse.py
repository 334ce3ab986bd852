# With no activation at all, Dense(32) then Dense(1) is one linear
# map: train it on AND, then fold its 129 numbers into 3.
import keras
import numpy as np
from keras import layers

keras.utils.set_random_seed(0)
X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype="float32")
y = np.array([0, 0, 0, 1])  # AND

model = keras.Sequential(
    [keras.Input(shape=(2,)), layers.Dense(32), layers.Dense(1)]
)
model.compile(  # the loss applies the sigmoid: the model gives scores
    optimizer=keras.optimizers.Adam(0.1),
    loss=keras.losses.BinaryCrossentropy(from_logits=True),
)
model.fit(X, y, epochs=30, verbose=0)

k1, b1, k2, b2 = model.get_weights()
kernel, bias = k1 @ k2, b1 @ k2 + b2  # shapes (2, 1) and (1,)
one = keras.Sequential([keras.Input(shape=(2,)), layers.Dense(1)])
one.set_weights([kernel, bias])
print("parameters:", model.count_params(), "->", one.count_params())
print("kernel:", kernel.ravel().round(4), "bias:", bias.round(4))
scores = [model.predict(X, verbose=0), one.predict(X, verbose=0)]
print("scores with 129 and with 3:\n", np.hstack(scores).round(4))
