# Why evaluate() after fit gives another loss than the log's last line:
# fit logs each epoch's loss as it takes that epoch's step, with the
# weights from before the step. Trained as on this page, in two parts.
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
model.fit(X, y, epochs=29, verbose=0)
before = model.evaluate(X, y, verbose=0)  # the weights of step 30
logged = model.fit(X, y, epochs=1, verbose=0).history["loss"][-1]
after = model.evaluate(X, y, verbose=0)  # after step 30's update

print(f"evaluate() before epoch 30:  {before:.4f}")
print(f"logged for epoch 30:         {logged:.4f}")
print(f"evaluate() after epoch 30:   {after:.4f}")
