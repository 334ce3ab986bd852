# Train the question's network on its own data (the AND truth table),
# print the log and the predictions, and plot the loss.
import keras
import matplotlib.pyplot as plt
import numpy as np
from keras import layers

keras.utils.set_random_seed(0)  # the same weights and log every run

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=np.float32)
y = np.array([[0], [0], [0], [1]], dtype=np.float32)  # x1 AND x2

model = keras.Sequential(
    [
        keras.Input(shape=(2,)),
        layers.Dense(32),
        layers.Activation("softmax"),
        layers.Dense(1),
        layers.Activation("sigmoid"),
    ]
)
model.compile(
    optimizer=keras.optimizers.Adam(learning_rate=0.1),
    loss="binary_crossentropy",
    metrics=["accuracy"],
)
# --8<-- [start:fit]
history = model.fit(X, y, epochs=30, verbose=2)
# --8<-- [end:fit]

print()
predictions = model.predict(X, verbose=0)
for x, target, p in zip(X, y, predictions, strict=True):
    print(f"input {x}  target {target[0]:.0f}  prediction {p[0]:.4f}")

print()
for weight in model.weights:
    print(f"learned {weight.path:<26} shape {weight.shape}")

# The loss curve, for a desktop (loss_curve.svg) and a phone
# (loss_curve.phone.svg), in English and in Chinese (loss_curve.zh.svg,
# loss_curve.phone.zh.svg): the losses as the log prints them (4
# decimals), on fixed margins, so the files are the same on every
# machine.
plt.rcParams["svg.hashsalt"] = "loss-curve"
plt.rcParams["svg.fonttype"] = "none"  # text as text, not paths
losses = [round(loss, 4) for loss in history.history["loss"]]
LABELS = {  # axis titles, and a font first for the Chinese letters
    "": ("epoch", "loss (binary cross-entropy)", []),
    ".zh": ("轮次", "损失（二元交叉熵）", ["Noto Sans CJK SC"]),
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
            ax.plot(
                range(1, len(losses) + 1),
                losses,
                marker="o",
                markersize=3,
            )
            ax.set_xlabel(xlabel)
            ax.set_ylabel(ylabel)
            ax.grid(alpha=0.3)
            fig.savefig(
                f"loss_curve{screen}{lang}.svg", metadata={"Date": None}
            )
            plt.close(fig)
