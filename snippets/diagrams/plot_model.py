# Keras draws a model itself: keras.utils.plot_model writes a figure
# with pydot and Graphviz's dot (pip install pydot; Graphviz from your
# system's packages).
import contextlib

import keras
from keras import layers

model = keras.Sequential(
    [
        keras.Input(shape=(2,)),
        layers.Dense(32),
        layers.Activation("softmax"),
        layers.Dense(1),
        layers.Activation("sigmoid"),
    ]
)
# The file is written first. Where IPython is installed, plot_model
# then tries to return the figure for a notebook, which IPython can do
# for a PNG (the default, to_file="model.png") but not for an SVG.
with contextlib.suppress(ValueError):
    keras.utils.plot_model(
        model, to_file="plot_model.svg", show_shapes=True, dpi=72
    )

# Graphviz names each box after the layer's id() in this process,
# which changes from run to run: name them after the layers instead,
# so that the file is the same every time.
with open("plot_model.svg", encoding="utf-8") as file:
    svg = file.read()
for layer in model.layers:
    svg = svg.replace(str(id(layer)), layer.name)
with open("plot_model.svg", "w", encoding="utf-8") as file:
    file.write(svg)
print("wrote plot_model.svg:", len(model.layers), "layers")
