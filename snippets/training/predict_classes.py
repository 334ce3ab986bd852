# predict_classes is gone from Keras, and from tf-keras's Keras 2 API:
# threshold the probabilities that predict returns. The question's
# network, trained as on this page.
import keras
import numpy as np
import tf_keras
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

print("Keras 3 has predict_classes:", hasattr(model, "predict_classes"))
print(
    "tf-keras has predict_classes:",
    hasattr(tf_keras.Sequential, "predict_classes"),
)
probabilities = model.predict(X, verbose=0)
classes = (probabilities > 0.5).astype("int32")
for x, p, c in zip(X, probabilities, classes, strict=True):
    print(f"input {x}  probability {p[0]:.4f}  class {c[0]}")
