# Two kinds of Dense whose count differs from 2·32 + 32: quantized to
# int8 (each kernel int8, plus a float32 scale per unit), and with a
# LoRA adapter of rank 4 (the kernel frozen, two small trainable
# matrices beside it).
import warnings

import keras
from keras import layers

# quantize() warns for each layer that has no weights to quantize
warnings.filterwarnings("ignore", message="Layer .* does not have")


def question_model(name, **first_dense):
    keras.utils.set_random_seed(0)
    return keras.Sequential(
        [
            keras.Input(shape=(2,)),
            layers.Dense(32, **first_dense),
            layers.Activation("softmax"),
            layers.Dense(1),
            layers.Activation("sigmoid"),
        ],
        name=name,
    )


quantized = question_model("int8")
quantized.quantize("int8")
quantized.summary()
for variable in quantized.layers[0].weights:
    print(
        f"{variable.path:<28} {str(variable.shape):<8} {variable.dtype}"
    )

print()
lora = question_model("lora", lora_rank=4)
lora.summary()
for variable in lora.layers[0].weights:
    trainable = "trainable" if variable.trainable else "frozen"
    print(f"{variable.path:<28} {str(variable.shape):<8} {trainable}")
