# The 32 neurons see the same 2 inputs. They learn different things
# only because they start from different random weights. Start every
# weight of both layers at 0.5 and the 32 neurons stay one neuron.
import keras
import numpy as np
from keras import layers

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype="float32")
y = np.array([0, 1, 1, 0])  # XOR

starts = {
    "random (Glorot)": "glorot_uniform",  # Keras's default
    "all 0.5": keras.initializers.Constant(0.5),
}
print("start            distinct columns  predictions")
for name, start in starts.items():
    keras.utils.set_random_seed(0)
    hidden = layers.Dense(
        32, activation="tanh", kernel_initializer=start
    )
    output = layers.Dense(
        1, activation="sigmoid", kernel_initializer=start
    )
    model = keras.Sequential([keras.Input(shape=(2,)), hidden, output])
    model.compile(
        optimizer=keras.optimizers.Adam(0.1), loss="binary_crossentropy"
    )
    model.fit(X, y, epochs=200, verbose=0)
    kernel = hidden.kernel.numpy()  # (2, 32): one column per neuron
    distinct = len(np.unique(kernel.round(4), axis=1).T)
    shown = " ".join(f"{v:.3f}" for v in np.asarray(model(X)).ravel())
    print(f"{name:17}{distinct:16}  {shown}")
