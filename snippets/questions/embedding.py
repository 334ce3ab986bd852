# In Embedding, input_dim is the size of the vocabulary (how many
# different ids there are), not the number of features of a sample.
import keras
import numpy as np
from keras import layers

keras.utils.set_random_seed(0)
ids = np.random.default_rng(0).integers(0, 100, size=(4, 10))
embedding = layers.Embedding(input_dim=100, output_dim=8)
out = embedding(ids)
print("ids", ids.shape, "from", ids.min(), "to", ids.max())
print("table", tuple(embedding.embeddings.shape), end=" ")
print(f"({embedding.count_params()} parameters)")
print("output", tuple(out.shape))
