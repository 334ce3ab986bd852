# The 32 values the hidden layer gives one sample: a model that ends at
# that layer's output, sharing the trained model's weights.
import keras
import numpy as np
from keras import layers

keras.utils.set_random_seed(0)

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=np.float32)
y = np.array([[0], [0], [0], [1]], dtype=np.float32)

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
model.fit(X, y, epochs=30, verbose=0)

hidden = keras.Model(model.inputs, model.layers[1].output)
values = hidden.predict(X[3:4], verbose=0)  # the sample [1, 1]
print("hidden values of [1, 1]:", values.shape)
print(np.array2string(values[0], precision=4, max_line_width=72))
print(f"sum: {values.sum():.4f}")
