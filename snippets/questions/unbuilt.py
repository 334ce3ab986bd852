# A model that has not seen its input yet has no weights to count.
import keras
from keras import layers

model = keras.Sequential(
    [
        layers.Dense(32),
        layers.Activation("softmax"),
        layers.Dense(1),
        layers.Activation("sigmoid"),
    ]
)
model.summary()
print()

model.build((None, 2))  # or call it on data: model.predict(X)
model.summary()
