# The question's model after training as above: its summary now also
# counts the optimizer's own variables.
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
model.summary()

print("count_params():", model.count_params())
size = 0
for variable in model.optimizer.variables:
    values = int(np.prod(variable.shape))
    itemsize = np.dtype(variable.dtype).itemsize
    size += values * itemsize
    shape = str(variable.shape)
    print(f"{variable.path:<40} {shape:<8} {variable.dtype}")
print(f"optimizer variables: {size} bytes = {size / 1024:.2f} KB")
