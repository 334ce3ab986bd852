/*
 * The question's network as the "Watch it learn" page (docs/watch.md) runs
 * it: 2 inputs, Dense(units) and its activation, Dense(1) and a sigmoid,
 * trained as snippets/training/train.py trains it (Adam, binary
 * cross-entropy, the full batch of 4 rows, one step per epoch).
 *
 * It follows snippets/watch/one_step.py line by line, with the same names:
 * that program does one step in numpy and shows that it equals Keras's step.
 * Keras 3 does, for this network:
 * - forward: h = x · kernel + bias; a = activation(h);
 *   z = a · kernel_2 + bias_2; p = sigmoid(z).
 * - loss: binary cross-entropy from the logits z (a sigmoid output carries
 *   them, keras/src/backend/tensorflow/nn.py), averaged over the rows:
 *   max(z, 0) - z·y + log(1 + exp(-|z|)).
 * - its gradient through the chain rule: dz = (p - y) / rows; back through
 *   Dense(1), the activation (softmax: da_i·s_i - s_i·Σ da_j·s_j) and
 *   Dense(units).
 * - Adam (keras/src/optimizers/adam.py): t += 1;
 *   alpha = lr·√(1 - β2^t) / (1 - β1^t); m += (g - m)(1 - β1);
 *   v += (g² - v)(1 - β2); w -= alpha·m / (√v + 1e-7).
 * Every number is a float32, as Keras's are: Math.fround after each
 * operation (the sums are added in float64 and then rounded, so a sum may
 * differ from TensorFlow's in its last bit).
 *
 * Pure functions on plain arrays, no page, no DOM (tests/js/watch-model.test.js
 * runs them in node); docs/javascripts/watch.js draws what they compute.
 */
var f = Math.fround;
var BETA_1 = 0.9;
var BETA_2 = 0.999;
var EPSILON = 1e-7;

export function sigmoid(z) {
  return f(1 / (1 + Math.exp(-z)));
}

// Each activation: forward(h) -> a, and back(h, a, da) -> dh.
export const ACTIVATIONS = {
  softmax: {
    forward: function (h) {
      var top = Math.max.apply(null, h);
      var e = h.map(function (v) { return f(Math.exp(f(v - top))); });
      var sum = f(e.reduce(function (s, v) { return s + v; }, 0));
      return e.map(function (v) { return f(v / sum); });
    },
    back: function (h, a, da) {
      var dot = f(a.reduce(function (s, v, i) { return s + v * da[i]; }, 0));
      return a.map(function (v, i) { return f(v * f(da[i] - dot)); });
    },
  },
  relu: {
    forward: function (h) { return h.map(function (v) { return v > 0 ? v : 0; }); },
    back: function (h, a, da) {
      return da.map(function (d, i) { return h[i] > 0 ? d : 0; });
    },
  },
  tanh: {
    forward: function (h) { return h.map(function (v) { return f(Math.tanh(v)); }); },
    back: function (h, a, da) {
      return da.map(function (d, i) { return f(d * f(1 - f(a[i] * a[i]))); });
    },
  },
  sigmoid: {
    forward: function (h) { return h.map(sigmoid); },
    back: function (h, a, da) {
      return da.map(function (d, i) { return f(d * f(a[i] * f(1 - a[i]))); });
    },
  },
  linear: {
    forward: function (h) { return h.slice(); },
    back: function (h, a, da) { return da.slice(); },
  },
};

/** One row through the network: every stage, as Keras's layers output it. */
export function forward(w, x, activation) {
  var units = w.bias.length;
  var h = [];
  for (var j = 0; j < units; j++) {
    h.push(f(x[0] * w.kernel[0][j] + x[1] * w.kernel[1][j] + w.bias[j]));
  }
  var a = ACTIVATIONS[activation].forward(h);
  var z = w.bias_2[0];
  for (var i = 0; i < units; i++) z += a[i] * w.kernel_2[i][0];
  z = f(z);
  return { dense: h, hidden: a, dense_2: z, sigmoid: sigmoid(z) };
}

/** Binary cross-entropy of one row, from its logit z. */
function rowLoss(z, y) {
  return Math.max(z, 0) - z * y + Math.log1p(Math.exp(-Math.abs(z)));
}

/** The mean loss over the rows, and each row's stages. */
export function loss(w, X, Y, activation) {
  var stages = X.map(function (x) { return forward(w, x, activation); });
  var total = 0;
  stages.forEach(function (s, r) { total += rowLoss(s.dense_2, Y[r]); });
  return { loss: f(total / X.length), stages: stages };
}

function zerosLike(w) {
  return {
    kernel: w.kernel.map(function (row) { return row.map(function () { return 0; }); }),
    bias: w.bias.map(function () { return 0; }),
    kernel_2: w.kernel_2.map(function () { return [0]; }),
    bias_2: [0],
  };
}

/** The loss and its gradient for every weight: the chain rule, row by row,
 * summed (the loss is a mean, so each row's dz carries 1 / rows). */
export function gradients(w, X, Y, activation) {
  var result = loss(w, X, Y, activation);
  var g = zerosLike(w);
  var units = w.bias.length;
  result.stages.forEach(function (s, r) {
    var x = X[r];
    // loss -> z: the sigmoid and the cross-entropy together.
    var dz = f(f(s.sigmoid - Y[r]) / X.length);
    // z = a · kernel_2 + bias_2
    g.bias_2[0] += dz;
    var da = [];
    for (var i = 0; i < units; i++) {
      g.kernel_2[i][0] += s.hidden[i] * dz;
      da.push(f(w.kernel_2[i][0] * dz));
    }
    // a = activation(h)
    var dh = ACTIVATIONS[activation].back(s.dense, s.hidden, da);
    // h = x · kernel + bias
    for (var j = 0; j < units; j++) {
      g.bias[j] += dh[j];
      g.kernel[0][j] += x[0] * dh[j];
      g.kernel[1][j] += x[1] * dh[j];
    }
  });
  return { loss: result.loss, stages: result.stages, grads: roundAll(g) };
}

function roundAll(w) {
  return {
    kernel: w.kernel.map(function (row) { return row.map(f); }),
    bias: w.bias.map(f),
    kernel_2: w.kernel_2.map(function (row) { return [f(row[0])]; }),
    bias_2: [f(w.bias_2[0])],
  };
}

export function copyWeights(w) {
  return roundAll(w);
}

/** Apply fn(weight, index path) to every weight of w, in place: (name, i, j). */
function eachWeight(w, fn) {
  ["kernel", "bias", "kernel_2", "bias_2"].forEach(function (name) {
    w[name].forEach(function (item, i) {
      if (Array.isArray(item)) {
        item.forEach(function (_, j) { fn(name, i, j); });
      } else {
        fn(name, i, null);
      }
    });
  });
}

function get(w, name, i, j) { return j === null ? w[name][i] : w[name][i][j]; }
function set(w, name, i, j, v) {
  if (j === null) w[name][i] = v; else w[name][i][j] = v;
}

/** A trainer from a start: step() does one epoch (one Adam step on the full
 * batch) and returns the loss and accuracy Keras logs for it (computed
 * before the step's update, as Keras's train step does). */
export function newTrainer(start, X, Y, activation, learningRate) {
  var w = copyWeights(start);
  var m = zerosLike(w);
  var v = zerosLike(w);
  var lr = f(learningRate);
  var t = 0;
  return {
    weights: function () { return w; },
    epoch: function () { return t; },
    step: function () {
      var r = gradients(w, X, Y, activation);
      t += 1;
      // Keras casts β1 and β2 to float32 for alpha (and uses them as
      // Python floats in the m and v updates, which float32 rounds the same).
      var alpha = f(lr * f(Math.sqrt(f(1 - f(Math.pow(f(BETA_2), t))))) /
        f(1 - f(Math.pow(f(BETA_1), t))));
      eachWeight(w, function (name, i, j) {
        var g = get(r.grads, name, i, j);
        var mi = get(m, name, i, j);
        var vi = get(v, name, i, j);
        mi = f(mi + f(f(g - mi) * f(1 - BETA_1)));
        vi = f(vi + f(f(f(g * g) - vi) * f(1 - BETA_2)));
        set(m, name, i, j, mi);
        set(v, name, i, j, vi);
        var update = f(f(mi * alpha) / f(f(Math.sqrt(vi)) + EPSILON));
        set(w, name, i, j, f(get(w, name, i, j) - update));
      });
      var right = 0;
      r.stages.forEach(function (s, row) {
        if ((s.sigmoid > 0.5 ? 1 : 0) === Y[row]) right += 1;
      });
      return { loss: r.loss, accuracy: right / X.length };
    },
  };
}

/** A seeded generator of uniform numbers in [0, 1) (mulberry32). */
function generator(seed) {
  var state = seed >>> 0;
  return function () {
    state = (state + 0x6d2b79f5) >>> 0;
    var t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The page's own start where no Keras start is captured: Glorot uniform
 * (Keras's default kernel initializer: U(-l, l), l = √(6 / (fan_in +
 * fan_out))) and zero biases, from the page's generator, not Keras's. */
export function glorotStart(units, seed) {
  var next = generator(seed);
  function uniform(limit) { return f((next() * 2 - 1) * limit); }
  var l1 = Math.sqrt(6 / (2 + units));
  var l2 = Math.sqrt(6 / (units + 1));
  var w = { kernel: [[], []], bias: [], kernel_2: [], bias_2: [0] };
  for (var r = 0; r < 2; r++) {
    for (var j = 0; j < units; j++) w.kernel[r].push(uniform(l1));
  }
  for (var i = 0; i < units; i++) {
    w.bias.push(0);
    w.kernel_2.push([uniform(l2)]);
  }
  return w;
}
