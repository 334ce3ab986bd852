# One neuron (no hidden layer), then the question's Dense(32) hidden
# layer with a linear and with a softmax activation, each trained on
# AND and on XOR (seeded, 30 epochs). The last loss is the one fit
# logged for the last epoch.
import keras
import numpy as np
from keras import layers

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype="float32")
targets = {"AND": [0, 0, 0, 1], "XOR": [0, 1, 1, 0]}

for name, y in targets.items():
    print(f"{name}  hidden layer  params   last loss  predictions")
    for hidden in [None, "linear", "softmax"]:
        keras.utils.set_random_seed(0)
        model = keras.Sequential([keras.Input(shape=(2,))])
        if hidden:  # Dense(32), then its activation
            model.add(layers.Dense(32))
            model.add(layers.Activation(hidden))
        model.add(layers.Dense(1, activation="sigmoid"))
        model.compile(
            optimizer=keras.optimizers.Adam(0.1),
            loss="binary_crossentropy",
        )
        history = model.fit(X, np.array(y), epochs=30, verbose=0)
        loss = history.history["loss"][-1]
        p = np.asarray(model(X)).ravel()
        row = (
            f"{hidden or 'none':12}{model.count_params():8}{loss:12.4f}"
        )
        print(f"     {row}  " + " ".join(f"{v:.3f}" for v in p))
