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

# The loss curve, written as loss_curve.svg in the working folder:
# the losses as the log prints them (4 decimals), on fixed margins,
# so the file is the same on every machine.
plt.rcParams["svg.hashsalt"] = "loss-curve"
plt.rcParams["svg.fonttype"] = "none"  # text as text, not paths
losses = [round(loss, 4) for loss in history.history["loss"]]
fig, ax = plt.subplots(figsize=(6.4, 3.2))
fig.subplots_adjust(left=0.12, right=0.97, bottom=0.15, top=0.96)
ax.plot(range(1, len(losses) + 1), losses, marker="o", markersize=3)
ax.set_xlabel("epoch")
ax.set_ylabel("loss (binary cross-entropy)")
ax.grid(alpha=0.3)
fig.savefig("loss_curve.svg", metadata={"Date": None})
