/*
 * How Keras counts each layer's parameters and derives its output shape,
 * as pure functions (no DOM), for "Explain your model" (docs/explain.md).
 * Its Dense count and number formats are keras-numbers.js's, which the
 * calculator counts with too: the two pages never disagree.
 *
 * A shape is an array of dimensions, the batch axis first: [null, 28, 28, 3]
 * prints as "(None, 28, 28, 3)"; null is a dimension Keras leaves free.
 * Counts are BigInt (a count beyond 2^53 - 1 is never rounded). Each layer's
 * rule follows its Keras 3 source (keras/src/layers/...): the weights its
 * build() creates, and its compute_output_shape().
 */

import { DTYPE_BYTES, denseParams, grouped, readableBytes } from "./keras-numbers.js";

export { DTYPE_BYTES, denseParams, grouped, readableBytes };

/** A shape as Keras prints it: [null, 2] -> "(None, 2)". */
export function formatShape(shape) {
  const dims = shape.map((d) => (d === null ? "None" : String(d)));
  return "(" + dims.join(", ") + (dims.length === 1 ? ",)" : ")");
}

/** Keras's automatic name base: Conv2D -> conv2d, SimpleRNN -> simple_rnn. */
export function snakeCase(name) {
  return name
    .replace(/\W+/g, "")
    .replace(/(.)([A-Z][a-z]+)/g, "$1_$2")
    .replace(/([a-z])([A-Z])/g, "$1_$2")
    .toLowerCase();
}

const B = (x) => BigInt(x);
const dot = (...xs) => xs.join("·");

/** An error a layer's rule raises: a message key and its values. */
export class ShapeError extends Error {
  constructor(key, values) {
    super(key);
    this.key = key;
    this.values = values || {};
  }
}

function last(shape) {
  return shape[shape.length - 1];
}

function needRank(shape, rank, layer) {
  if (shape.length !== rank) {
    throw new ShapeError("rank", { layer, rank: rank, shape: formatShape(shape) });
  }
}

function needKnown(dim, layer, shape) {
  if (dim === null || dim === undefined) {
    throw new ShapeError("unknownDim", { layer, shape: formatShape(shape) });
  }
}

/** Dimensions of an int-or-tuple argument, for `rank` spatial axes. */
export function spatial(value, rank) {
  return Array.isArray(value) ? value.slice() : Array(rank).fill(value);
}

/** One spatial axis after a window of k, stride s, padding valid or same. */
export function windowed(length, k, s, padding) {
  if (length === null) return null;
  if (padding === "same") return Math.floor((length + s - 1) / s);
  const out = Math.floor((length - k) / s) + 1;
  return out < 1 ? 0 : out;
}

function rnnParts(type, n, u, bias, resetAfter) {
  // [gates, the gate's bias count per unit] as build() creates them.
  if (type === "SimpleRNN") return { gates: 1, biasPerUnit: bias ? 1 : 0 };
  if (type === "LSTM") return { gates: 4, biasPerUnit: bias ? 1 : 0 };
  return { gates: 3, biasPerUnit: bias ? (resetAfter ? 2 : 1) : 0 };
}

/** SimpleRNN, LSTM, GRU: gates·(n·u + u·u + b·u), and its formula. */
export function recurrentCount(type, n, u, bias, resetAfter) {
  const { gates, biasPerUnit } = rnnParts(type, n, u, bias, resetAfter);
  const inner = B(n) * B(u) + B(u) * B(u) + B(biasPerUnit) * B(u);
  const params = B(gates) * inner;
  let terms = dot(n, u) + " + " + dot(u, u);
  if (biasPerUnit === 1) terms += " + " + u;
  if (biasPerUnit === 2) terms += " + " + dot(2, u);
  const formula = gates === 1 ? terms : gates + "·(" + terms + ")";
  return { params, formula };
}

function result(params, formula, output, extra) {
  return Object.assign(
    { params, trainable: params, nonTrainable: 0n, formula, output },
    extra || {},
  );
}

function withTotal(formula, params) {
  return formula + " = " + grouped(params);
}

function zero(output) {
  return result(0n, "0", output);
}

/**
 * One layer on its input shape: { params, trainable, nonTrainable, formula,
 * output, ... }, or a ShapeError. `layer` is { type, config } with the
 * config's defaults already filled in (see DEFAULTS).
 */
export function countLayer(layer, input) {
  const c = layer.config;
  const t = layer.type;
  const rule = RULES[t];
  if (!rule) return null;
  return rule(c, input, t);
}

const RULES = {
  InputLayer: (c, input) => zero(input),
  Dense(c, input) {
    const n = last(input);
    needKnown(n, "Dense", input);
    const params = denseParams(n, c.units, c.use_bias);
    const f = dot(n, c.units) + (c.use_bias ? " + " + c.units : "");
    return result(params, withTotal(f, params),
      input.slice(0, -1).concat([c.units]), { inputs: n });
  },
  Activation: (c, input) => zero(input),
  Dropout: (c, input) => zero(input),
  Flatten(c, input) {
    const rest = input.slice(1);
    const known = rest.every((d) => d !== null);
    const size = known ? rest.reduce((a, b) => a * b, 1) : null;
    return zero([input[0], size]);
  },
  Reshape(c, input) {
    const target = c.target_shape.slice();
    const rest = input.slice(1);
    const size = rest.every((d) => d !== null) ? rest.reduce((a, b) => a * b, 1) : null;
    const free = target.indexOf(-1);
    if (free >= 0) {
      const known = target.reduce((a, d) => (d === -1 ? a : a * d), 1);
      target[free] = size === null ? null : size / known;
      if (size !== null && !Number.isInteger(target[free])) {
        throw new ShapeError("reshape", { from: formatShape(input), to: formatShape([null].concat(c.target_shape)) });
      }
    } else if (size !== null && target.reduce((a, b) => a * b, 1) !== size) {
      throw new ShapeError("reshape", { from: formatShape(input), to: formatShape([null].concat(target)) });
    }
    return zero([input[0]].concat(target));
  },
  Embedding(c, input) {
    const params = B(c.input_dim) * B(c.output_dim);
    return result(params, withTotal(dot(c.input_dim, c.output_dim), params),
      input.concat([c.output_dim]));
  },
  Conv1D: (c, input) => conv(c, input, 1, "Conv1D"),
  Conv2D: (c, input) => conv(c, input, 2, "Conv2D"),
  MaxPooling1D: (c, input, t) => pool(c, input, 1, t),
  MaxPooling2D: (c, input, t) => pool(c, input, 2, t),
  AveragePooling1D: (c, input, t) => pool(c, input, 1, t),
  AveragePooling2D: (c, input, t) => pool(c, input, 2, t),
  GlobalAveragePooling1D: (c, input, t) => globalPool(input, 1, t),
  GlobalAveragePooling2D: (c, input, t) => globalPool(input, 2, t),
  GlobalMaxPooling1D: (c, input, t) => globalPool(input, 1, t),
  GlobalMaxPooling2D: (c, input, t) => globalPool(input, 2, t),
  SimpleRNN: (c, input, t) => recurrent(c, input, t),
  LSTM: (c, input, t) => recurrent(c, input, t),
  GRU: (c, input, t) => recurrent(c, input, t),
  Bidirectional(c, input) {
    const inner = recurrent(c.layer.config, input, c.layer.type);
    const u = c.layer.config.units;
    const once = recurrentCount(c.layer.type, inner.inputs, u,
      c.layer.config.use_bias, c.layer.config.reset_after);
    const params = 2n * once.params;
    const width = c.merge_mode === "concat" ? 2 * u : u;
    const output = inner.output.slice(0, -1).concat([width]);
    const f = c.layer.type === "SimpleRNN" ? "2·(" + once.formula + ")" : "2·" + once.formula;
    return result(params, withTotal(f, params), output,
      { inputs: inner.inputs, inner: c.layer.type });
  },
  BatchNormalization(c, input) {
    const n = last(input);
    needKnown(n, "BatchNormalization", input);
    const learned = (c.center ? 1n : 0n) + (c.scale ? 1n : 0n);
    const trainable = learned * B(n);
    const nonTrainable = 2n * B(n);
    const params = trainable + nonTrainable;
    const f = (learned ? dot(learned, n) + " + " : "") + dot(2, n);
    return result(params, withTotal(f, params), input,
      { trainable, nonTrainable });
  },
  LayerNormalization(c, input) {
    const n = last(input);
    needKnown(n, "LayerNormalization", input);
    const learned = (c.center ? 1n : 0n) + (c.scale ? 1n : 0n);
    const params = learned * B(n);
    return result(params, withTotal(dot(learned, n), params), input);
  },
};

function conv(c, input, rank, name) {
  needRank(input, rank + 2, name);
  const channels = last(input);
  needKnown(channels, name, input);
  const k = spatial(c.kernel_size, rank);
  const s = spatial(c.strides, rank);
  const out = [input[0]];
  for (let i = 0; i < rank; i++) {
    const length = windowed(input[i + 1], k[i], s[i], c.padding);
    if (length === 0) {
      throw new ShapeError("window", { layer: name, shape: formatShape(input), size: k.join("×") });
    }
    out.push(length);
  }
  out.push(c.filters);
  const kernel = k.reduce((a, b) => a * B(b), 1n) * B(channels) * B(c.filters);
  const params = c.use_bias ? kernel + B(c.filters) : kernel;
  const f = dot(...k, channels, c.filters) + (c.use_bias ? " + " + c.filters : "");
  return result(params, withTotal(f, params), out, { inputs: channels });
}

function pool(c, input, rank, name) {
  needRank(input, rank + 2, name);
  const p = spatial(c.pool_size, rank);
  const s = spatial(c.strides === null ? c.pool_size : c.strides, rank);
  const out = [input[0]];
  for (let i = 0; i < rank; i++) {
    const length = windowed(input[i + 1], p[i], s[i], c.padding);
    if (length === 0) {
      throw new ShapeError("window", { layer: name, shape: formatShape(input), size: p.join("×") });
    }
    out.push(length);
  }
  out.push(last(input));
  return zero(out);
}

function globalPool(input, rank, name) {
  needRank(input, rank + 2, name);
  return zero([input[0], last(input)]);
}

function recurrent(c, input, type) {
  needRank(input, 3, type);
  const n = last(input);
  needKnown(n, type, input);
  const { params, formula } = recurrentCount(type, n, c.units, c.use_bias, c.reset_after);
  const output = c.return_sequences
    ? [input[0], input[1], c.units]
    : [input[0], c.units];
  return result(params, withTotal(formula, params), output, { inputs: n });
}

/** Each explained layer's arguments, in Keras's positional order, with defaults. */
export const DEFAULTS = {
  InputLayer: [["shape", null]],
  Dense: [["units", null], ["activation", null], ["use_bias", true]],
  Activation: [["activation", null]],
  Dropout: [["rate", null]],
  Flatten: [],
  Reshape: [["target_shape", null]],
  Embedding: [["input_dim", null], ["output_dim", null]],
  Conv1D: [["filters", null], ["kernel_size", null], ["strides", 1],
    ["padding", "valid"], ["data_format", null], ["dilation_rate", 1],
    ["groups", 1], ["activation", null], ["use_bias", true]],
  MaxPooling1D: [["pool_size", 2], ["strides", null], ["padding", "valid"]],
  GlobalAveragePooling1D: [],
  SimpleRNN: [["units", null], ["activation", "tanh"], ["use_bias", true]],
  LSTM: [["units", null], ["activation", "tanh"], ["recurrent_activation", "sigmoid"],
    ["use_bias", true]],
  GRU: [["units", null], ["activation", "tanh"], ["recurrent_activation", "sigmoid"],
    ["use_bias", true]],
  Bidirectional: [["layer", null], ["merge_mode", "concat"]],
  BatchNormalization: [["axis", -1], ["momentum", 0.99], ["epsilon", 0.001],
    ["center", true], ["scale", true]],
  LayerNormalization: [["axis", -1], ["epsilon", 0.001], ["center", true],
    ["scale", true]],
};
DEFAULTS.Conv2D = DEFAULTS.Conv1D;
DEFAULTS.MaxPooling2D = DEFAULTS.MaxPooling1D;
// AveragePooling has no default pool size in Keras 3.
DEFAULTS.AveragePooling1D = [["pool_size", null], ["strides", null], ["padding", "valid"]];
DEFAULTS.AveragePooling2D = DEFAULTS.AveragePooling1D;
DEFAULTS.GlobalAveragePooling2D = DEFAULTS.GlobalAveragePooling1D;
DEFAULTS.GlobalMaxPooling1D = DEFAULTS.GlobalAveragePooling1D;
DEFAULTS.GlobalMaxPooling2D = DEFAULTS.GlobalAveragePooling1D;

/** Keyword-only settings the rules read, with Keras 3's defaults. */
export const KEYWORD_DEFAULTS = {
  SimpleRNN: { return_sequences: false },
  LSTM: { return_sequences: false },
  GRU: { return_sequences: false, reset_after: true },
};

/** Other names Keras gives the same layers. */
export const ALIASES = {
  MaxPool1D: "MaxPooling1D", MaxPool2D: "MaxPooling2D",
  AvgPool1D: "AveragePooling1D", AvgPool2D: "AveragePooling2D",
  GlobalAvgPool1D: "GlobalAveragePooling1D", GlobalAvgPool2D: "GlobalAveragePooling2D",
  GlobalMaxPool1D: "GlobalMaxPooling1D", GlobalMaxPool2D: "GlobalMaxPooling2D",
  Convolution1D: "Conv1D", Convolution2D: "Conv2D",
};

/** The layer types this module explains. */
export const EXPLAINED = Object.keys(RULES);
