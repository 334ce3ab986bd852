# The answers to the answer page's exercises, from Keras itself.
import keras
from keras import layers

wide = keras.Sequential([keras.Input(shape=(100,)), layers.Dense(64)])
print("Dense(64) on 100 inputs:", wide.count_params())

narrow = keras.Sequential(
    [
        keras.Input(shape=(2,)),
        layers.Dense(16),
        layers.Activation("softmax"),
        layers.Dense(1),
        layers.Activation("sigmoid"),
    ]
)
counts = [layer.count_params() for layer in narrow.layers]
print(
    "the question's network with Dense(16):",
    counts,
    narrow.count_params(),
)
