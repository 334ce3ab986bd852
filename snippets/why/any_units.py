# Must units be a power of 2? Keras takes any positive whole number.
# The question's network on AND with 30, 32 and 33 hidden units.
import keras
import numpy as np
from keras import layers

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype="float32")
y = np.array([0, 0, 0, 1])  # AND

print("units  params   last loss  right")
for units in [30, 32, 33]:
    keras.utils.set_random_seed(0)
    model = keras.Sequential(
        [
            keras.Input(shape=(2,)),
            layers.Dense(units),
            layers.Activation("softmax"),
            layers.Dense(1, activation="sigmoid"),
        ]
    )
    model.compile(
        optimizer=keras.optimizers.Adam(0.1), loss="binary_crossentropy"
    )
    loss = model.fit(X, y, epochs=30, verbose=0).history["loss"][-1]
    p = np.asarray(model(X)).ravel()
    right = int(((p > 0.5) == y).sum())  # of the 4 samples
    print(f"{units:5}{model.count_params():8}{loss:12.4f}{right:7}")
