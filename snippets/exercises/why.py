# The answers to the why page's exercises, from Keras itself.
import keras
import numpy as np
from keras import layers

wider = keras.Sequential(
    [
        keras.Input(shape=(2,)),
        layers.Dense(64),
        layers.Activation("softmax"),
        layers.Dense(1),
        layers.Activation("sigmoid"),
    ]
)
print("64 hidden units:", wider.count_params(), "parameters")

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=np.float32)
y = np.array([0, 1, 1, 1])  # OR
for epochs in (30, 200):
    keras.utils.set_random_seed(0)
    neuron = keras.Sequential(
        [keras.Input(shape=(2,)), layers.Dense(1, activation="sigmoid")]
    )
    neuron.compile(
        optimizer=keras.optimizers.Adam(0.1), loss="binary_crossentropy"
    )
    neuron.fit(X, y, epochs=epochs, verbose=0)
    p = neuron.predict(X, verbose=0).ravel()
    right = int(((p > 0.5) == y).sum())
    print(f"one neuron, OR, {epochs} epochs: {p.round(3)} {right} of 4")
