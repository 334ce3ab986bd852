# The same network with softmax, relu or tanh in the hidden layer:
# same seed, same data, same 30 epochs of training. The last loss is
# the one fit logged for the last epoch.
import keras
import numpy as np
from keras import layers

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=np.float32)
y = np.array([[0], [0], [0], [1]], dtype=np.float32)

print(f"{'hidden':<8}{'params':>7}{'last loss':>12}  predictions")
for activation in ("softmax", "relu", "tanh"):
    keras.utils.set_random_seed(0)
    model = keras.Sequential(
        [
            keras.Input(shape=(2,)),
            layers.Dense(32),
            layers.Activation(activation),
            layers.Dense(1),
            layers.Activation("sigmoid"),
        ]
    )
    model.compile(
        optimizer=keras.optimizers.Adam(learning_rate=0.1),
        loss="binary_crossentropy",
    )
    history = model.fit(X, y, epochs=30, verbose=0)
    predictions = model.predict(X, verbose=0).ravel()
    print(
        f"{activation:<8}{model.count_params():>7}"
        f"{history.history['loss'][-1]:>12.4f}  "
        + " ".join(f"{p:.3f}" for p in predictions)
    )
