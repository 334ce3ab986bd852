# Trainable or not: which numbers the optimizer may change. Freezing a
# layer moves its weights to "Non-trainable params"; BatchNormalization
# owns both kinds.
import keras
from keras import layers


def totals(model):
    printed = []
    model.summary(print_fn=printed.append)
    for line in "".join(printed).splitlines():
        if "params:" in line:
            print("   " + line)


model = keras.Sequential([keras.Input(shape=(2,)), layers.Dense(32)])
print("Dense(32) on 2 features:")
totals(model)
model.layers[0].trainable = False
print("the same layer after layer.trainable = False:")
totals(model)
print()

model = keras.Sequential(
    [
        keras.Input(shape=(2,)),
        layers.Dense(32),
        layers.BatchNormalization(),
    ]
)
model.summary()
for weight in model.layers[1].weights:
    print(
        f"{weight.name:<16} shape {str(weight.shape):<6}"
        f" trainable={weight.trainable}"
    )
