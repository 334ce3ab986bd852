# The question's network in PyTorch: nn.Linear(2, 32) is Keras's
# Dense(32, input_dim=2), with the input size written first.
import torch
from torch import nn

X = torch.tensor([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=torch.float32)

model = nn.Sequential(
    nn.Linear(2, 32),
    nn.Softmax(dim=1),
    nn.Linear(32, 1),
    nn.Sigmoid(),
)
print("PyTorch", torch.__version__)
print(model)
print()
for name, parameter in model.named_parameters():
    shape = str(parameter.shape)
    print(f"{name:<8} {shape:<19} {parameter.numel():>2}")
print("parameters:", sum(p.numel() for p in model.parameters()))
print("output for X:", model(X).shape)
