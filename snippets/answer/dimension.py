# "Dimension" means two things. input_dim=2 is the length of each
# sample's row (its features); X.ndim is the number of axes.
import numpy as np

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=np.float32)
wide = np.ones((4, 3), dtype=np.float32)  # 3 features
rows = np.ones((4, 10, 2), dtype=np.float32)  # 10 rows of 2 each
for name, a in [("X", X), ("wide", wide), ("rows", rows)]:
    print(f"{name}: shape {a.shape}, axes (ndim) {a.ndim}, ", end="")
    print(f"features (shape[-1]) {a.shape[-1]}")
