# Count the parameters by hand, then ask Keras for its count.
import math

import keras
from keras import layers

model = keras.Sequential(
    [
        keras.Input(shape=(2,)),  # 2 features per sample
        layers.Dense(32),
        layers.Activation("softmax"),
        layers.Dense(1),
        layers.Activation("sigmoid"),
    ]
)

total = 0
for layer in model.layers:
    # kernel (2, 32) counts 2·32 numbers, bias (32,) counts 32
    sizes = ["·".join(map(str, w.shape)) for w in layer.weights]
    by_hand = sum(math.prod(w.shape) for w in layer.weights)
    total += by_hand
    formula = " + ".join(sizes) or "no weights"
    print(
        f"{layer.name:<13}{formula:>10} = {by_hand:>3}"
        f"   Keras says {layer.count_params()}"
    )
print(
    f"{'total':<13}{'':>10} = {total:>3}"
    f"   Keras says {model.count_params()}"
)
