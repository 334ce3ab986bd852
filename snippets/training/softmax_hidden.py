# What the softmax hidden layer does: each sample's 32 outputs are
# positive and sum to 1.
import keras
import numpy as np
from keras import layers

keras.utils.set_random_seed(0)

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=np.float32)
model = keras.Sequential(
    [
        keras.Input(shape=(2,)),
        layers.Dense(32),
        layers.Activation("softmax"),
        layers.Dense(1),
        layers.Activation("sigmoid"),
    ]
)

# A model that stops after the softmax layer shows its 32 outputs.
hidden = keras.Model(model.inputs, model.layers[1].output)
activations = hidden.predict(X, verbose=0)

print("hidden outputs per sample:", activations.shape)
print("smallest:", activations.min(axis=1).round(4))
print("largest: ", activations.max(axis=1).round(4))
print("sums:    ", activations.sum(axis=1).round(4))
