# The answers to the counting page's exercises, from Keras itself.
import keras
from keras import layers

no_bias = keras.Sequential(
    [keras.Input(shape=(3,)), layers.Dense(32, use_bias=False)]
)
print("Dense(32, use_bias=False) on 3 inputs:", no_bias.count_params())

half = keras.Sequential(
    [
        keras.Input(shape=(2,)),
        layers.Dense(32, dtype="float16"),
        layers.Activation("softmax", dtype="float16"),
        layers.Dense(1, dtype="float16"),
        layers.Activation("sigmoid", dtype="float16"),
    ]
)
lines = []
half.summary(print_fn=lambda text, **_: lines.append(text))
total = [
    line for line in "\n".join(lines).splitlines() if "Total" in line
]
print("the question's network in float16:", total[0].strip())
