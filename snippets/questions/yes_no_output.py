# A yes/no answer from the 32 hidden values: one sigmoid unit, or two
# softmax units, one per class. Each needs its own loss and labels.
import keras
import numpy as np
from keras import layers

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=np.float32)
y = np.array([0, 0, 0, 1])  # AND, one label per sample

outputs = {
    "Dense(1) + sigmoid": (1, "sigmoid", "binary_crossentropy"),
    "Dense(2) + softmax": (
        2,
        "softmax",
        "sparse_categorical_crossentropy",
    ),
}
for name, (units, activation, loss) in outputs.items():
    keras.utils.set_random_seed(0)
    model = keras.Sequential(
        [
            keras.Input(shape=(2,)),
            layers.Dense(32),
            layers.Activation("softmax"),
            layers.Dense(units, activation=activation),
        ]
    )
    model.compile(optimizer=keras.optimizers.Adam(0.1), loss=loss)
    model.fit(X, y, epochs=30, verbose=0)
    p = model.predict(X, verbose=0)
    yes = p[:, 0] > 0.5 if units == 1 else p.argmax(axis=1) == 1
    total, output = (
        model.count_params(),
        model.layers[-1].count_params(),
    )
    print(f"{name}: {output} output params, {total} in all")
    print(f"  loss: {loss}")
    print(f"  predictions {p.shape}, yes: {yes.astype(int)}")
