# Five ways to tell the first Dense layer its input, on Keras 3.
import textwrap
import warnings

import keras
from keras import layers

FORMS = {
    "Dense(32, input_dim=2)": lambda: [layers.Dense(32, input_dim=2)],
    "Dense(32, input_shape=(2,))": lambda: [
        layers.Dense(32, input_shape=(2,))
    ],
    "keras.Input(shape=(2,)), then Dense(32)": lambda: [
        keras.Input(shape=(2,)),
        layers.Dense(32),
    ],
    "keras.Input(shape=2), then Dense(32)": lambda: [
        keras.Input(shape=2),
        layers.Dense(32),
    ],
    "Dense(32, batch_input_shape=(None, 2))": lambda: [
        layers.Dense(32, batch_input_shape=(None, 2))
    ],
}


def say(text):
    print(textwrap.indent(textwrap.fill(text, 68), "    "))


for label, first_layers in FORMS.items():
    print(label)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            model = keras.Sequential(first_layers())
            result = (
                f"works: input {model.inputs[0].shape}, "
                f"{model.count_params()} parameters"
            )
        except ValueError as error:
            result = f"ValueError: {error}"
    for warning in caught:
        say(f"{warning.category.__name__}: {warning.message}")
    say(result)
    print()
