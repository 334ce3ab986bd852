# Where keras.layers.core can still be imported today, and where not.
import importlib

for module in (
    "keras.layers.core",  # the question's import, Keras 3
    "tf_keras.layers.core",  # the Keras 2 API (tf-keras)
    "keras.src.layers.core",  # Keras 3's private source
    "tf_keras.src.layers.core",  # tf-keras's private source
):
    try:
        importlib.import_module(module)
        print(f"{module:<26} imports")
    except ModuleNotFoundError as error:
        print(f"{module:<26} {type(error).__name__}")
