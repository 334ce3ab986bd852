# y is written [[0], [0], [0], [1]]: shape (4, 1), one row per sample
# and one column per output, the shape of what Dense(1) gives.
import keras
import numpy as np
from keras import layers

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=np.float32)
y = np.array([[0], [0], [0], [1]], dtype=np.float32)

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
print("X", X.shape, " y", y.shape)
print("the model gives", model.predict(X, verbose=0).shape)
# A flat y of shape (4,) gives the same loss: Keras reshapes it to
# the predictions' shape before comparing.
for labels in (y, y.ravel()):
    model.compile(loss="binary_crossentropy")  # a fresh evaluate
    loss = model.evaluate(X, labels, verbose=0)
    print(f"y of shape {labels.shape}: loss {loss:.4f}")
