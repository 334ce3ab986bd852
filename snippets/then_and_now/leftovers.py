# Three leftovers of Keras 1 and 2 that today's Keras refuses, each with
# what replaces it.
import keras
from keras import layers

attempts = {
    "Dense(output_dim=32)": lambda: layers.Dense(output_dim=32),
    "Dense(32.0)": lambda: layers.Dense(32.0),
    "Dense(32, batch_input_shape=(4, 2))": (
        lambda: keras.Sequential(
            [layers.Dense(32, batch_input_shape=(4, 2))]
        )
    ),
}
for code, attempt in attempts.items():
    try:
        attempt()
        print(f"{code}: accepted")
    except (TypeError, ValueError) as error:
        message = str(error).splitlines()[0]
        print(f"{code}:\n  {type(error).__name__}: {message}")

model = keras.Sequential(
    [keras.Input(batch_shape=(4, 2)), layers.Dense(32)]
)
print("keras.Input(batch_shape=(4, 2)) ->", model.output_shape)
