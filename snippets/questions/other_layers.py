# The summary's other rows: layers that count nothing (Flatten, Dropout)
# and layers that count otherwise (Embedding, Conv2D, LSTM), next to a
# Dense. Each count by hand, then Keras's.
import keras
from keras import layers

text = keras.Sequential(
    [
        keras.Input(shape=(10,), dtype="int32"),  # 10 word ids
        layers.Embedding(input_dim=100, output_dim=8),
        layers.LSTM(16),
        layers.Dense(1, activation="sigmoid"),
    ],
    name="text",
)
image = keras.Sequential(
    [
        keras.Input(shape=(28, 28, 1)),  # a 28x28 grey image
        layers.Conv2D(8, kernel_size=3),
        layers.Flatten(),
        layers.Dropout(0.5),
        layers.Dense(10, activation="softmax"),
    ],
    name="image",
)
by_hand = {
    "embedding": ("100·8", 100 * 8),
    "lstm": ("4·(8 + 16 + 1)·16", 4 * (8 + 16 + 1) * 16),
    "dense": ("16·1 + 1", 16 * 1 + 1),
    "conv2d": ("3·3·1·8 + 8", 3 * 3 * 1 * 8 + 8),
    "flatten": ("nothing", 0),
    "dropout": ("nothing", 0),
    "dense_1": ("26·26·8·10 + 10", 26 * 26 * 8 * 10 + 10),
}
for model in (text, image):
    model.summary()
    for layer in model.layers:
        formula, count = by_hand[layer.name]
        same = count == layer.count_params()
        print(
            f"{layer.name:<9} {formula:<17} = {count:>5}  Keras: {same}"
        )
