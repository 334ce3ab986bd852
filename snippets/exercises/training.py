# The answers to the training page's exercises: the question's network
# trained as on the page, with one thing changed each time.
import keras
import numpy as np
from keras import layers

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=np.float32)
y = np.array([[0], [0], [0], [1]], dtype=np.float32)


def trained(optimizer):
    keras.utils.set_random_seed(0)
    model = keras.Sequential(
        [
            keras.Input(shape=(2,)),
            layers.Dense(32),
            layers.Activation("softmax"),
            layers.Dense(1),
            layers.Activation("sigmoid"),
        ]
    )
    model.compile(optimizer=optimizer, loss="binary_crossentropy")
    model.fit(X, y, epochs=30, verbose=0)
    return model


sgd = trained(keras.optimizers.SGD(learning_rate=0.1))
kept = sum(int(np.prod(v.shape)) for v in sgd.optimizer.variables)
print(
    "SGD keeps",
    kept,
    "numbers:",
    [v.name for v in sgd.optimizer.variables],
)

slow = trained(keras.optimizers.Adam(learning_rate=0.001))
p = slow.predict(X, verbose=0).ravel()
print("Adam at 0.001 after 30 epochs:", np.round(p, 4))
print(
    "right:", int(((p > 0.5) == y.ravel().astype(bool)).sum()), "of 4"
)
