# The question's model, changed only where Keras 3 needs it (the
# import), then asked to describe itself.
import numpy as np
from keras.layers import Activation, Dense
from keras.models import Sequential

# 4 samples (rows), 2 features (columns) each
X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=np.float32)
y = np.array([[0], [0], [0], [1]], dtype=np.float32)

model = Sequential()
# --8<-- [start:dense]
model.add(Dense(32, input_dim=X.shape[1]))
# --8<-- [end:dense]
model.add(Activation("softmax"))
model.add(Dense(1))
model.add(Activation("sigmoid"))

model.summary()
