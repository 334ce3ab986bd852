# One training step of the question's network by hand, in numpy: the
# forward pass, the loss, the chain rule back to every weight, then
# Adam's update. It starts from the weights Keras starts from, and
# ends by comparing its weights with Keras's after one epoch of fit
# (one step: the 4 rows are one batch).
#
# What Keras 3 does here (files under keras/src/):
# - activations/activations.py: sigmoid() keeps its input, the logit
#   z, on its output (_keras_logits), and binary_crossentropy in
#   backend/tensorflow/nn.py computes the loss from z instead of from
#   p, with tf.nn.sigmoid_cross_entropy_with_logits:
#   max(z, 0) - z * y + log(1 + exp(-|z|)).
# - losses/losses.py takes its mean over each row's one value, and
#   losses/loss.py ("sum_over_batch_size") divides the sum by 4.
# - optimizers/adam.py, update_step, at step t (1 for the first):
#   alpha = lr * sqrt(1 - beta_2**t) / (1 - beta_1**t)
#   m += (g - m) * (1 - beta_1)
#   v += (g * g - v) * (1 - beta_2)
#   w -= m * alpha / (sqrt(v) + epsilon)
#   The bias correction is folded into alpha, and epsilon is added to
#   sqrt(v), not to a corrected sqrt(v_hat).
# Everything is float32, as in Keras (numpy keeps a float32 array
# float32 when a Python number is added to it, as TensorFlow does).
import keras
import numpy as np
from keras import layers

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=np.float32)
y = np.array([[0], [0], [0], [1]], dtype=np.float32)  # x1 AND x2
WEIGHTS = ["kernel", "bias", "kernel_2", "bias_2"]  # model.weights
BETA_1, BETA_2, EPSILON = 0.9, 0.999, 1e-7  # Adam's defaults


def softmax(h):
    e = np.exp(h - h.max(axis=1, keepdims=True))  # as tf.nn.softmax
    return e / e.sum(axis=1, keepdims=True)


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def forward(w, X):
    """Every layer's output, for all the rows at once."""
    h = X @ w["kernel"] + w["bias"]  # Dense(32)
    a = softmax(h)  # Activation("softmax")
    z = a @ w["kernel_2"] + w["bias_2"]  # Dense(1)
    p = sigmoid(z)  # Activation("sigmoid"): the prediction
    return h, a, z, p


def loss(z, y):
    """Binary cross-entropy from the logits z, the mean of the rows."""
    each = np.maximum(z, 0) - z * y + np.log1p(np.exp(-np.abs(z)))
    return each.mean()


def gradients(w, X, y):
    """The loss's derivative in every weight: the chain rule, from the
    loss back to the first layer."""
    h, a, z, p = forward(w, X)
    # The loss in z (the sigmoid and the cross-entropy together): its
    # derivative is p - y for each row, divided by the 4 of the mean.
    dz = (p - y) / len(X)
    # z = a @ kernel_2 + bias_2
    g = {"kernel_2": a.T @ dz, "bias_2": dz.sum(axis=0)}
    da = dz @ w["kernel_2"].T
    # a = softmax(h): every a_i moves with every h_j, so
    # dh_j = a_j * (da_j - sum over i of da_i * a_i)
    dh = a * (da - (da * a).sum(axis=1, keepdims=True))
    # h = X @ kernel + bias
    g["kernel"] = X.T @ dh
    g["bias"] = dh.sum(axis=0)
    return g


def adam(w, g, m, v, t, learning_rate=0.1):
    """Adam's update of every weight at step t, in place, as Keras."""
    # Keras casts the rate and the betas to float32 before the powers.
    lr, beta_1, beta_2 = np.float32([learning_rate, BETA_1, BETA_2])
    alpha = lr * np.sqrt(1 - beta_2**t) / (1 - beta_1**t)
    for name in WEIGHTS:
        m[name] += (g[name] - m[name]) * (1 - BETA_1)
        v[name] += (g[name] * g[name] - v[name]) * (1 - BETA_2)
        w[name] -= m[name] * alpha / (np.sqrt(v[name]) + EPSILON)


if __name__ == "__main__":
    keras.utils.set_random_seed(0)  # train.py's seed: its start weights
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
    start = dict(zip(WEIGHTS, model.get_weights(), strict=True))

    # By hand: Adam's m and v start at zero.
    w = {name: start[name].copy() for name in WEIGHTS}
    m = {name: np.zeros_like(start[name]) for name in WEIGHTS}
    v = {name: np.zeros_like(start[name]) for name in WEIGHTS}
    by_hand = loss(forward(w, X)[2], y)
    adam(w, gradients(w, X, y), m, v, t=1)

    # By Keras: the loss it logs is the one before the step's update.
    history = model.fit(X, y, epochs=1, batch_size=4, verbose=0)
    after = dict(zip(WEIGHTS, model.get_weights(), strict=True))

    print(f"loss at the start: by hand {by_hand:.6f}", end="")
    print(f", Keras {history.history['loss'][0]:.6f}")
    # Adam's first step moves a weight by about lr = 0.1, less where
    # its gradient is near 0 (below epsilon / sqrt(1 - beta_2), about
    # 3e-6): there float32's last digits, which numpy and TensorFlow
    # round differently (exp, sums), show the most.
    print()
    print("the step by hand: how far each weight moved (least, most),")
    print("and the largest difference from where Keras's step put it")
    print("weight    shape       least    most  from Keras")
    for name in WEIGHTS:
        moved = np.abs(w[name] - start[name])
        apart = np.abs(w[name] - after[name]).max()
        shape = str(start[name].shape)
        print(
            f"{name:<10}{shape:<9}{moved.min():>8.4f}{moved.max():>8.4f}"
            f"{apart:>12.6f}"
        )
