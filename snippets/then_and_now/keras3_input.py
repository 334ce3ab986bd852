# The idiomatic Keras 3 form: declare the input with keras.Input.
import keras
from keras import layers

model = keras.Sequential(
    [
        keras.Input(shape=(2,)),  # 2 features per sample, no warning
        layers.Dense(32),
        layers.Activation("softmax"),
        layers.Dense(1),
        layers.Activation("sigmoid"),
    ]
)
model.summary()
