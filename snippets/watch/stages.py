# Each row of the question's data through the network, one layer at a
# time: keras.Model(model.inputs, layer.output) stops after that layer.
# At the seeded start and after train.py's 30 epochs; every row's
# stages go to stages.json, the row [1, 1] is printed in full.
import json

import keras
import numpy as np
from keras import layers

keras.utils.set_random_seed(0)  # train.py's seed: its start weights

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
)
STAGES = ["dense", "softmax", "dense_2", "sigmoid"]  # one per layer


def stages(model):
    """Every layer's output for the 4 rows, by stage name."""
    found = {}
    for name, layer in zip(STAGES, model.layers, strict=True):
        upto = keras.Model(model.inputs, layer.output)
        found[name] = np.asarray(upto([X]))  # a list, as model.inputs
    return found


def print_values(values):
    """Values 8 a line, at 4 decimals."""
    for i in range(0, len(values), 8):
        print(" ".join(f"{v:8.4f}" for v in values[i : i + 8]))


def show(found, row=3):
    """One row's stages in full, then every row's in short."""
    print(f"row {X[row].astype(int).tolist()}, x·kernel + bias:")
    print_values(found["dense"][row])
    softmax = found["softmax"][row]
    print(f"softmax of those (sum {softmax.sum():.4f}):")
    print_values(softmax)
    z, p = found["dense_2"][row, 0], found["sigmoid"][row, 0]
    print(f"softmax·kernel_2 + bias_2: {z:.4f}   sigmoid: {p:.4f}")
    print()
    print("every row: the smallest .. the largest of its 32 values,")
    print("z = softmax·kernel_2 + bias_2, p = sigmoid(z)")
    print(
        f"{'row':<9}{'x·kernel + bias':<19}{'softmax':<18}"
        f"{'sum':<6}{'z':>8}{'p':>8}"
    )
    inputs = X.astype(int).tolist()
    for x, h, a, z, p in zip(inputs, *found.values(), strict=True):
        print(
            f"{str(x):<9}{h.min():7.4f} ..{h.max():7.4f}"
            f"  {a.min():.4f} .. {a.max():.4f}"
            f"  {a.sum():.4f}{z[0]:8.4f}{p[0]:8.4f}"
        )


def to_json(value):
    """JSON on one line; values with 6 decimals, as machines differ
    in the 7th digit after training."""
    if isinstance(value, dict):
        items = (
            f"{json.dumps(k)}: {to_json(v)}" for k, v in value.items()
        )
        return "{" + ", ".join(items) + "}"
    if isinstance(value, list | np.ndarray):
        return "[" + ", ".join(to_json(v) for v in value) + "]"
    if isinstance(value, int):
        return str(value)
    return f"{round(float(value), 6) + 0.0:.6f}"  # + 0.0: no -0.0


def json_rows(found):
    """One line of JSON for each row: its input and its stages."""
    return [
        to_json({"input": x} | {n: v[i] for n, v in found.items()})
        for i, x in enumerate(X.astype(int).tolist())
    ]


start = stages(model)
print("At the start (seeded weights):")
show(start)
model.fit(X, y, epochs=30, batch_size=4, verbose=0)  # train.py's
trained = stages(model)
print()
print("After 30 epochs:")
show(trained)

parts = []
for key, found in [("start", start), ("trained", trained)]:
    lines = ",\n".join(f"    {row}" for row in json_rows(found))
    parts.append(f'  "{key}": [\n{lines}\n  ]')
with open("stages.json", "w", encoding="utf-8") as file:
    file.write("{\n" + ",\n".join(parts) + "\n}\n")
