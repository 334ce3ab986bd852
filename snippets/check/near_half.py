# Why an untrained network predicts about 0.5 for every input: the
# biases start at 0, and softmax makes each sample's 32 hidden
# outputs sum to 1, so the output neuron sees a weighted average of
# the 32 numbers of its kernel, with nearly equal shares.
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

# Why so close together: the untrained softmax shares are all close to
# 1/32, so the average is close to the plain mean of the kernel.
h = X @ kernel_1  # the biases are 0
shares = np.exp(h) / np.exp(h).sum(axis=1, keepdims=True)
print(f"softmax shares from {shares.min():.4f} to {shares.max():.4f}")
mean = kernel_2.mean()
print(f"output kernel's mean {mean:.4f}, sigmoid {sigmoid(mean):.4f}")
first = model.predict(X[:1], verbose=0)[0, 0]
print(f"prediction for [0, 0]: {first:.4f}")

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
