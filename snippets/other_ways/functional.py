# The question's network in the functional API: each layer is called
# on the output of the one before, and keras.Model ties input to output.
import keras
from keras import layers

inputs = keras.Input(shape=(2,))
hidden = layers.Dense(32)(inputs)
hidden = layers.Activation("softmax")(hidden)
output = layers.Dense(1)(hidden)
output = layers.Activation("sigmoid")(output)
model = keras.Model(inputs, output)

model.summary()
