# Every weight array of the question's model (Keras's layer.weights):
# which layer owns it, and its shape.
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
    print(f"{layer.name}: {len(layer.weights)} weight arrays")
    for weight in layer.weights:
        print(f"    {weight.name:<6} shape {weight.shape}")
