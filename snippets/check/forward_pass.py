# Each Dense layer is a matrix product plus a bias, then an
# activation: numpy alone gives what model.predict gives.
import keras
import numpy as np
from keras import layers

keras.utils.set_random_seed(0)  # the same starting weights every run

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
kernel_1, bias_1, kernel_2, bias_2 = model.get_weights()


def softmax(z):
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


# (4, 2) @ (2, 32) + (32,) -> (4, 32)
hidden = softmax(X @ kernel_1 + bias_1)
# (4, 32) @ (32, 1) + (1,) -> (4, 1)
by_hand = sigmoid(hidden @ kernel_2 + bias_2)
by_keras = model.predict(X, verbose=0)

print("hidden layer:", hidden.shape, " output:", by_hand.shape)
print("numpy:", np.array2string(by_hand.ravel(), precision=6))
print("keras:", np.array2string(by_keras.ravel(), precision=6))
print("equal to 6 decimals:", np.allclose(by_hand, by_keras, atol=1e-6))
