# The question's model on the Keras 2 API, as the tf-keras package
# keeps it: the same layers, the old-style summary.
import numpy as np
from tf_keras.layers import Activation, Dense
from tf_keras.models import Sequential

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=np.float32)

model = Sequential()
model.add(Dense(32, input_dim=X.shape[1]))
model.add(Activation("softmax"))
model.add(Dense(1))
model.add(Activation("sigmoid"))

model.summary()
