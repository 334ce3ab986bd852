# Only the first layer needs to be told its input size: later layers
# take theirs from the layer before. An input_dim on the second Dense
# is ignored (Keras only warns about it, as about the first).
import keras
from keras import layers

model = keras.Sequential()
model.add(layers.Dense(32, input_dim=2))
model.add(layers.Activation("softmax"))
model.add(layers.Dense(1, input_dim=999))  # 999 is ignored
model.add(layers.Activation("sigmoid"))

for layer in model.layers:
    if layer.weights:
        print(f"{layer.name}: kernel {tuple(layer.kernel.shape)}")
print("parameters:", model.count_params())
