# Why an untrained network predicts about 0.5 for every input: the
# biases start at 0, and softmax makes each sample's 32 hidden
# outputs sum to 1, so the output neuron sees a weighted average of
# the 32 numbers of its kernel.
import keras
import numpy as np
from keras import layers

keras.utils.set_random_seed(0)  # as in forward_pass.py

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


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


print("all biases zero:", not bias_1.any() and not bias_2.any())
low, high = kernel_2.min(), kernel_2.max()
print(f"output kernel from {low:.3f} to {high:.3f}")
print(
    f"so every prediction lies in [{sigmoid(low):.3f}, "
    f"{sigmoid(high):.3f}]"
)
print("predictions:", model.predict(X, verbose=0).ravel().round(3))

# The same weights without the softmax: random weights alone do not
# keep the predictions near 0.5.
linear = keras.Sequential(
    [
        keras.Input(shape=(2,)),
        layers.Dense(32),
        layers.Dense(1),
        layers.Activation("sigmoid"),
    ]
)
linear.set_weights(model.get_weights())
print("without softmax:", linear.predict(X, verbose=0).ravel().round(3))
