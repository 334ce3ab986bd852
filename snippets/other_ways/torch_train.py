# Train the question's network in PyTorch as training/train.py does
# in Keras: Adam with a learning rate of 0.1, binary cross-entropy,
# all 4 rows in one batch, 30 epochs.
import math

import torch
from torch import nn

torch.manual_seed(0)  # the same start weights and log every run

X = torch.tensor([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=torch.float32)
y = torch.tensor([[0], [0], [0], [1]], dtype=torch.float32)

model = nn.Sequential(
    nn.Linear(2, 32),
    nn.Softmax(dim=1),
    nn.Linear(32, 1),
    nn.Sigmoid(),
)
first = model[0]
bound = 1 / math.sqrt(first.in_features)
print(f"start: uniform within ±1/√{first.in_features} = ±{bound:.4f}")
for name, v in first.named_parameters():
    print(f"  0.{name:<6} from {v.min():.4f} to {v.max():.4f}")
print()

optimizer = torch.optim.Adam(model.parameters(), lr=0.1)
loss_fn = nn.BCELoss()
for epoch in range(1, 31):
    optimizer.zero_grad()
    loss = loss_fn(model(X), y)
    loss.backward()
    optimizer.step()
    print(f"epoch {epoch:>2}/30  loss {loss.item():.4f}")

print()
with torch.no_grad():
    predictions = model(X)
for x, target, p in zip(X, y, predictions, strict=True):
    print(
        f"input {x.tolist()}  target {target.item():.0f}  "
        f"prediction {p.item():.4f}"
    )
