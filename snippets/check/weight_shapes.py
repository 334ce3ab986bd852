# Every weight of the question's model: which layer owns it, its shape.
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

for layer in model.layers:
    print(f"{layer.name}: {len(layer.weights)} weights")
    for weight in layer.weights:
        print(f"    {weight.name:<6} shape {weight.shape}")
