# How wide should the hidden layer be? Train it on XOR at six widths
# (tanh, seeded, 40 epochs each), print a table and plot it. The last
# loss is the one fit logged for the last epoch.
import keras
import matplotlib.pyplot as plt
import numpy as np
from keras import layers

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype="float32")
y = np.array([0, 1, 1, 0])  # XOR

widths, losses = [1, 2, 4, 8, 32, 128], []
print("units  params   last loss  right")
for units in widths:
    keras.utils.set_random_seed(0)
    model = keras.Sequential([keras.Input(shape=(2,))])
    model.add(layers.Dense(units, activation="tanh"))
    model.add(layers.Dense(1, activation="sigmoid"))
    model.compile(
        optimizer=keras.optimizers.Adam(0.1), loss="binary_crossentropy"
    )
    history = model.fit(X, y, epochs=40, verbose=0).history
    losses.append(round(history["loss"][-1], 4))  # as printed
    p = np.asarray(model(X)).ravel()  # predict would retrace each model
    right = int(((p > 0.5) == y).sum())  # of the 4 samples
    print(
        f"{units:5}{model.count_params():8}{losses[-1]:12.4f}{right:7}"
    )

# units_sweep.svg, the same on every machine (as training/train.py)
plt.rcParams.update({"svg.hashsalt": "units", "svg.fonttype": "none"})
fig, ax = plt.subplots(figsize=(6.4, 3.2))
fig.subplots_adjust(left=0.12, right=0.97, bottom=0.15, top=0.96)
ax.semilogx(widths, losses, marker="o", base=2)
ax.set_xticks(widths, widths)
ax.set(xlabel="units in the hidden layer", ylabel="last loss on XOR")
fig.savefig("units_sweep.svg", metadata={"Date": None})
