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

# units_sweep.svg (a desktop's width), units_sweep.phone.svg (a
# phone's), and their Chinese twins units_sweep.zh.svg and
# units_sweep.phone.zh.svg, the same on every machine (as
# training/train.py)
plt.rcParams.update({"svg.hashsalt": "units", "svg.fonttype": "none"})
LABELS = {  # axis titles, and a font first for the Chinese letters
    "": ("units in the hidden layer", "last loss on XOR", []),
    ".zh": (
        "隐藏层的神经元个数",
        "异或问题上的最后损失",
        ["Noto Sans CJK SC"],
    ),
}
SCREENS = {"": (6.4, 3.2, 0.12, 0.15), ".phone": (4, 3, 0.17, 0.16)}
for lang, (xlabel, ylabel, fonts) in LABELS.items():
    for screen, (width, height, left, bottom) in SCREENS.items():
        family = fonts + plt.rcParams["font.sans-serif"]
        with plt.rc_context({"font.sans-serif": family}):
            fig, ax = plt.subplots(figsize=(width, height))
            fig.subplots_adjust(
                left=left, right=0.97, bottom=bottom, top=0.96
            )
            ax.semilogx(widths, losses, marker="o", base=2)
            ax.set_xticks(widths, widths)
            ax.set(xlabel=xlabel, ylabel=ylabel)
            fig.savefig(
                f"units_sweep{screen}{lang}.svg",
                metadata={"Date": None},
            )
            plt.close(fig)
