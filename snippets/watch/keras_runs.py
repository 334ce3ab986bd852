# What Keras does with the question's network, for the page to replay
# and to check its own JavaScript against: the weights each model
# starts from after keras.utils.set_random_seed(0), for 1 to 64 hidden
# units, and three trainings from there. All of it goes to
# keras_runs.json; this prints a summary.
import json

import keras
import numpy as np
from keras import layers

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=np.float32)
DATASETS = {
    "and": [0, 0, 0, 1],
    "or": [0, 1, 1, 1],
    "xor": [0, 1, 1, 0],
}
WEIGHTS = ["kernel", "bias", "kernel_2", "bias_2"]  # model.weights


def seeded_model(units, activation):
    """The question's network as train.py builds it, from the seed."""
    keras.utils.set_random_seed(0)
    model = keras.Sequential(
        [
            keras.Input(shape=(2,)),
            layers.Dense(units),
            layers.Activation(activation),
            layers.Dense(1),
            layers.Activation("sigmoid"),
        ]
    )
    model.compile(
        optimizer=keras.optimizers.Adam(learning_rate=0.1),
        loss="binary_crossentropy",
    )
    return model


class Rounded(float):
    """A trained value, written with 6 decimals: float noise after
    training differs between machines in the 7th digit."""


def start_values(array):
    """float32 values as the shortest decimals that give them back."""
    if np.ndim(array):
        return [start_values(a) for a in array]
    return float(str(np.float32(array)))


def rounded(array):
    if np.ndim(array):
        return [rounded(a) for a in array]
    return Rounded(round(float(array), 6) + 0.0)  # + 0.0: no -0.0


def weights(model, values):
    return dict(
        zip(WEIGHTS, map(values, model.get_weights()), strict=True)
    )


def to_json(value, indent=""):
    """JSON, a list of numbers on one line, Rounded as 0.123400."""
    inner = indent + "  "
    if isinstance(value, dict):
        rows = [
            f"{inner}{json.dumps(k)}: {to_json(v, inner)}"
            for k, v in value.items()
        ]
        return "{\n" + ",\n".join(rows) + f"\n{indent}}}"
    if isinstance(value, list) and isinstance(value[0], dict):
        rows = [inner + to_json(v, inner) for v in value]
        return "[\n" + ",\n".join(rows) + f"\n{indent}]"
    if isinstance(value, list):
        return "[" + ", ".join(to_json(v) for v in value) + "]"
    if isinstance(value, Rounded):
        return f"{value:.6f}"
    return json.dumps(value)


starts, same = {}, True
for units in [1, 2, 4, 8, 16, 32, 64]:
    model = seeded_model(units, "softmax")
    relu = seeded_model(units, "relu").get_weights()
    same &= all(map(np.array_equal, model.get_weights(), relu))
    starts[str(units)] = weights(model, start_values)
print(f"start weights for {', '.join(starts)} hidden units")
print(f"the same with relu as with softmax: {same}")

CONFIGS = [  # (data, units, activation, epochs); train.py's first
    ("and", 32, "softmax", 30),
    ("xor", 32, "relu", 50),
    ("xor", 32, "softmax", 50),
]
print()
print("Adam(learning_rate=0.1), binary cross-entropy, the full batch;")
print("each run from its seeded start")
print(
    f"{'data':<6}{'units':>5}  {'hidden':<8}{'epochs':>6}"
    f"{'loss: first':>13}{'last':>7}  predictions"
)
runs = []
for data, units, activation, epochs in CONFIGS:
    model = seeded_model(units, activation)
    y = np.array(DATASETS[data], dtype=np.float32).reshape(4, 1)
    history = model.fit(X, y, epochs=epochs, batch_size=4, verbose=0)
    losses = history.history["loss"]
    predictions = np.asarray(model(X)).ravel()
    runs.append(
        {
            "data": data,
            "units": units,
            "activation": activation,
            "learning_rate": 0.1,
            "epochs": epochs,
            "losses": rounded(losses),
            "predictions": rounded(predictions),
            "trained": weights(model, rounded),
        }
    )
    print(
        f"{data:<6}{units:>5}  {activation:<8}{epochs:>6}"
        f"{losses[0]:>13.4f}{losses[-1]:>7.4f}  "
        + " ".join(f"{p:.4f}" for p in predictions)
    )

found = {
    "datasets": DATASETS,
    "inputs": X.astype(int).tolist(),
    "starts": starts,
    "runs": runs,
}
with open("keras_runs.json", "w", encoding="utf-8") as file:
    file.write(to_json(found) + "\n")
