/*
 * Reading a Keras model from its Python code, as pure functions (no DOM):
 * `Sequential([...])` or `model = Sequential()` and `model.add(...)` lines,
 * imports as people write them (Keras 1 and 2 spellings flagged), keyword
 * and positional arguments, the input from keras.Input(shape=...),
 * input_dim= or input_shape=, and names defined by literals in the code
 * (`X = np.array([[0, 0], ...])` gives X.shape). Nothing is evaluated but
 * literals and + - * // on whole numbers: what the code cannot tell
 * (`X.shape[1]` with no X) comes back as a question, never guessed.
 *
 * Problems come back as { error: { key, line, values } }; the page words them.
 */

import { ALIASES, DEFAULTS, KEYWORD_DEFAULTS } from "./layer-counts.js";

export const MAX_CHARS = 200000;
export const MAX_DEPTH = 100;

class ParseError extends Error {
  constructor(key, line, values) {
    super(key);
    this.key = key;
    this.line = line;
    this.values = values || {};
  }
}

// ---- tokens ----------------------------------------------------------------

const OPS = ["**", "//", "->", ":=", "==", "!=", "<=", ">=", "+=", "-=", "*=", "/="];
const OPEN = { "(": ")", "[": "]", "{": "}" };
const CLOSE = { ")": "(", "]": "[", "}": "{" };

/** Python's tokens, grouped into logical lines: [{ tokens, line }]. */
export function logicalLines(text) {
  const src = String(text);
  const statements = [];
  let tokens = [];
  let line = 1;
  let stack = [];
  let i = 0;
  function end() {
    if (tokens.length) statements.push({ tokens, line: tokens[0].line });
    tokens = [];
  }
  while (i < src.length) {
    const ch = src[i];
    if (ch === "\n") {
      line += 1;
      i += 1;
      if (stack.length === 0) end();
      continue;
    }
    if (ch === " " || ch === "\t" || ch === "\r" || ch === "\f") {
      i += 1;
      continue;
    }
    if (ch === "#") {
      while (i < src.length && src[i] !== "\n") i += 1;
      continue;
    }
    if (ch === "\\" && src[i + 1] === "\n") {
      i += 2;
      line += 1;
      continue;
    }
    if (ch === ";" && stack.length === 0) {
      end();
      i += 1;
      continue;
    }
    const str = /^([rRbBuUfF]{0,2})('''|"""|'|")/.exec(src.slice(i, i + 5));
    if (str) {
      const quote = str[2];
      const startLine = line;
      let j = i + str[0].length;
      let value = "";
      for (;;) {
        if (j >= src.length) throw new ParseError("openString", startLine);
        if (src.startsWith(quote, j)) break;
        const c = src[j];
        if (c === "\n") {
          if (quote.length === 1) throw new ParseError("openString", startLine);
          line += 1;
        }
        if (c === "\\" && j + 1 < src.length) {
          value += src[j + 1];
          if (src[j + 1] === "\n") line += 1;
          j += 2;
          continue;
        }
        value += c;
        j += 1;
      }
      tokens.push({ kind: "str", value, line: startLine });
      i = j + quote.length;
      continue;
    }
    const num = /^(\d[\d_]*\.?[\d_]*(?:[eE][+-]?\d+)?|\.\d[\d_]*(?:[eE][+-]?\d+)?)/.exec(
      src.slice(i, i + 64));
    if (num) {
      const t = num[1].replace(/_/g, "");
      tokens.push({ kind: "num", value: Number(t), int: /^\d+$/.test(t), line });
      i += num[1].length;
      continue;
    }
    const name = /^[A-Za-z_\u00C0-\uFFFF][\w\u00C0-\uFFFF]*/.exec(src.slice(i, i + 256));
    if (name) {
      tokens.push({ kind: "name", value: name[0], line });
      i += name[0].length;
      continue;
    }
    const two = src.slice(i, i + 2);
    const op = OPS.indexOf(two) >= 0 ? two : ch;
    if (OPEN[op]) {
      stack.push({ op, line });
      if (stack.length > MAX_DEPTH) {
        throw new ParseError("tooDeep", line, { depth: MAX_DEPTH });
      }
    } else if (CLOSE[op]) {
      const top = stack.pop();
      if (!top || top.op !== CLOSE[op]) {
        throw new ParseError("unmatched", line, { bracket: op });
      }
    }
    tokens.push({ kind: "op", value: op, line });
    i += op.length;
  }
  if (stack.length) {
    const open = stack[stack.length - 1];
    throw new ParseError("unclosed", open.line, { bracket: open.op });
  }
  end();
  return statements;
}

// ---- expressions -------------------------------------------------------------

/** Parses one expression of a token list from position `at`. */
class Parser {
  constructor(tokens) {
    this.tokens = tokens;
    this.at = 0;
  }
  peek(value) {
    const t = this.tokens[this.at];
    return t && t.kind === "op" && t.value === value;
  }
  take(value) {
    if (this.peek(value)) {
      this.at += 1;
      return true;
    }
    return false;
  }
  need(value) {
    if (!this.take(value)) throw this.fail();
  }
  fail() {
    const t = this.tokens[this.at] || this.tokens[this.tokens.length - 1];
    return new ParseError("syntax", t ? t.line : 1);
  }
  expression() {
    let left = this.term();
    while (this.peek("+") || this.peek("-")) {
      const op = this.tokens[this.at++].value;
      left = { kind: "bin", op, left, right: this.term(), line: left.line };
    }
    return left;
  }
  term() {
    let left = this.unary();
    while (this.peek("*") || this.peek("//") || this.peek("/")) {
      const op = this.tokens[this.at++].value;
      left = { kind: "bin", op, left, right: this.unary(), line: left.line };
    }
    return left;
  }
  unary() {
    if (this.peek("-") || this.peek("+")) {
      const op = this.tokens[this.at++].value;
      const value = this.unary();
      return { kind: "neg", sign: op, value, line: value.line };
    }
    return this.postfix();
  }
  postfix() {
    let node = this.atom();
    for (;;) {
      if (this.take(".")) {
        const t = this.tokens[this.at];
        if (!t || t.kind !== "name") throw this.fail();
        this.at += 1;
        node = { kind: "attr", of: node, name: t.value, line: node.line };
      } else if (this.take("(")) {
        const args = [];
        const kwargs = {};
        while (!this.take(")")) {
          const t = this.tokens[this.at];
          const next = this.tokens[this.at + 1];
          if (t && t.kind === "name" && next && next.kind === "op" && next.value === "=") {
            this.at += 2;
            kwargs[t.value] = this.expression();
          } else if (this.take("*") || this.take("**")) {
            throw this.fail();
          } else {
            args.push(this.expression());
          }
          if (!this.take(",")) {
            this.need(")");
            break;
          }
        }
        node = { kind: "call", func: node, args, kwargs, line: node.line };
      } else if (this.take("[")) {
        const index = this.expression();
        this.need("]");
        node = { kind: "index", of: node, index, line: node.line };
      } else {
        return node;
      }
    }
  }
  sequence(close, kind, line) {
    const items = [];
    let comma = false;
    while (!this.take(close)) {
      items.push(this.expression());
      if (!this.take(",")) {
        this.need(close);
        break;
      }
      comma = true;
    }
    if (kind === "tuple" && items.length === 1 && !comma) return items[0];
    return { kind, items, line };
  }
  atom() {
    const t = this.tokens[this.at];
    if (!t) throw this.fail();
    this.at += 1;
    if (t.kind === "num") return { kind: "num", value: t.value, int: t.int, line: t.line };
    if (t.kind === "str") return { kind: "str", value: t.value, line: t.line };
    if (t.kind === "name") {
      if (t.value === "True" || t.value === "False") {
        return { kind: "bool", value: t.value === "True", line: t.line };
      }
      if (t.value === "None") return { kind: "none", line: t.line };
      return { kind: "name", name: t.value, line: t.line };
    }
    if (t.value === "(") return this.sequence(")", "tuple", t.line);
    if (t.value === "[") return this.sequence("]", "list", t.line);
    this.at -= 1;
    throw this.fail();
  }
}

function parseExpression(tokens) {
  const p = new Parser(tokens);
  const node = p.expression();
  if (p.at !== tokens.length) throw p.fail();
  return node;
}

/** "keras.layers.Dense" for an attribute chain, or null. */
function dotted(node) {
  if (node.kind === "name") return node.name;
  if (node.kind === "attr") {
    const base = dotted(node.of);
    return base === null ? null : base + "." + node.name;
  }
  return null;
}

/** The code's text of an expression, for a question ("X.shape[1]"). */
export function sourceOf(node) {
  switch (node.kind) {
    case "name": return node.name;
    case "attr": return sourceOf(node.of) + "." + node.name;
    case "index": return sourceOf(node.of) + "[" + sourceOf(node.index) + "]";
    case "num": return String(node.value);
    case "str": return JSON.stringify(node.value);
    case "call": return sourceOf(node.func) + "(…)";
    case "bin": return sourceOf(node.left) + " " + node.op + " " + sourceOf(node.right);
    case "neg": return node.sign + sourceOf(node.value);
    default: return "…";
  }
}

// ---- imports -------------------------------------------------------------------

// Keras 1 and 2 modules that Keras 3 no longer has; every layer is keras.layers.X.
const OLD_MODULES = /^(?:tensorflow\.)?(?:keras|tf_keras)\.layers\.(core|convolutional|recurrent|normalization|embeddings|pooling|wrappers|advanced_activations|merge|noise|local|convolutional_recurrent|cudnn_recurrent)$/;

function readImport(tokens, line, imports, flags) {
  const words = tokens.map((t) => t.value);
  if (words[0] === "import") {
    // import a.b.c [as x], d
    let i = 1;
    while (i < words.length) {
      let name = words[i++];
      while (words[i] === ".") name += "." + words[i + 1], i += 2;
      let local = name.split(".")[0];
      let full = local;
      if (words[i] === "as") {
        local = words[i + 1];
        full = name;
        i += 2;
      }
      imports[local] = full;
      if (OLD_MODULES.test(name)) flags.push({ line, module: name, names: [] });
      if (words[i] === ",") i += 1;
    }
    return;
  }
  // from a.b import x [as y], ... (parentheses allowed)
  let i = 1;
  let module = "";
  while (i < words.length && words[i] !== "import") module += words[i++];
  i += 1;
  const names = [];
  while (i < words.length) {
    if (words[i] === "(" || words[i] === ")" || words[i] === ",") {
      i += 1;
      continue;
    }
    const name = words[i++];
    let local = name;
    if (words[i] === "as") {
      local = words[i + 1];
      i += 2;
    }
    imports[local] = module + "." + name;
    names.push(name);
  }
  if (OLD_MODULES.test(module)) flags.push({ line, module, names });
}

// ---- values --------------------------------------------------------------------

/** What the code cannot tell: the page asks the reader for it. */
export class Question {
  constructor(text, line, kind, values) {
    this.text = text;
    this.line = line;
    this.kind = kind; // "columns", "rows", "axis", "value"
    this.values = values || {};
  }
}

function literalShape(value) {
  // The shape of a nested list of numbers (np.array of a literal).
  if (!Array.isArray(value)) return [];
  const inner = value.length ? literalShape(value[0]) : [];
  for (const v of value) {
    const s = literalShape(v);
    if (s.length !== inner.length || s.some((d, i) => d !== inner[i])) return null;
  }
  return [value.length].concat(inner);
}

const ARRAY_MAKERS = /^(?:np|numpy)\.(?:array|asarray)$|^(?:array|asarray)$/;
const ZERO_MAKERS = /^(?:np|numpy)\.(?:zeros|ones|empty)$|^(?:np|numpy)\.random\.(?:rand|randn|random)$/;

class Evaluator {
  constructor(env, answers) {
    this.env = env; // name -> expression node
    this.answers = answers || {};
    this.using = new Set();
    this.read = []; // what was read from a literal: X.shape[1] = 2
  }
  value(node) {
    switch (node.kind) {
      case "num": return node.value;
      case "str": return node.value;
      case "bool": return node.value;
      case "none": return null;
      case "tuple":
      case "list": return node.items.map((n) => this.value(n));
      case "neg": {
        const v = this.value(node.value);
        if (typeof v !== "number") throw new ParseError("notNumber", node.line, { text: sourceOf(node) });
        return node.sign === "-" ? -v : v;
      }
      case "bin": return this.arithmetic(node);
      case "name": return this.named(node);
      case "index": return this.indexed(node);
      case "attr": return this.attribute(node);
      case "call": return this.called(node);
      default: throw new ParseError("syntax", node.line);
    }
  }
  ask(node, kind, values) {
    const text = sourceOf(node);
    if (Object.prototype.hasOwnProperty.call(this.answers, text)) return this.answers[text];
    throw new Question(text, node.line, kind, values);
  }
  named(node) {
    const name = node.name;
    if (!this.env.has(name) || this.using.has(name)) return this.ask(node, "value");
    this.using.add(name);
    try {
      return this.value(this.env.get(name).node);
    } finally {
      this.using.delete(name);
    }
  }
  arithmetic(node) {
    const a = this.value(node.left);
    const b = this.value(node.right);
    if (typeof a !== "number" || typeof b !== "number") {
      throw new ParseError("notNumber", node.line, { text: sourceOf(node) });
    }
    if (node.op === "+") return a + b;
    if (node.op === "-") return a - b;
    if (node.op === "*") return a * b;
    if (node.op === "//") return Math.floor(a / b);
    return a / b;
  }
  shapeOf(node) {
    // X.shape where X is a literal array in the code.
    if (node.kind === "name" && this.env.has(node.name) && !this.using.has(node.name)) {
      const target = this.env.get(node.name).node;
      this.using.add(node.name);
      try {
        return this.arrayShape(target);
      } finally {
        this.using.delete(node.name);
      }
    }
    return null;
  }
  arrayShape(node) {
    if (node.kind === "call") {
      const f = dotted(node.func);
      if (f && ARRAY_MAKERS.test(f) && node.args.length) {
        const v = this.literal(node.args[0]);
        return v === undefined ? null : literalShape(v);
      }
      if (f && ZERO_MAKERS.test(f)) {
        const dims = node.args.length === 1 ? this.literal(node.args[0]) : node.args.map((a) => this.literal(a));
        if (Array.isArray(dims) && dims.every(Number.isInteger)) return dims;
        if (Number.isInteger(dims)) return [dims];
      }
      return null;
    }
    if (node.kind === "name") return this.shapeOf(node);
    return null;
  }
  literal(node) {
    try {
      return this.value(node);
    } catch (e) {
      if (e instanceof Question || e instanceof ParseError) return undefined;
      throw e;
    }
  }
  indexed(node) {
    if (node.of.kind === "attr" && node.of.name === "shape") {
      const shape = this.shapeOf(node.of.of);
      const axis = this.literal(node.index);
      if (shape && Number.isInteger(axis)) {
        const d = shape[axis < 0 ? shape.length + axis : axis];
        if (d !== undefined) {
          const name = sourceOf(node.of.of);
          const defined = this.env.has(name) ? this.env.get(name).line : null;
          this.read.push({ text: sourceOf(node), value: d, name, shape, line: defined });
          return d;
        }
      }
      const kind = axis === 1 ? "columns" : axis === 0 ? "rows" : "axis";
      return this.ask(node, kind, { name: sourceOf(node.of.of), axis });
    }
    const of = this.value(node.of);
    const index = this.value(node.index);
    if (Array.isArray(of) && Number.isInteger(index)) {
      const v = of[index < 0 ? of.length + index : index];
      if (v !== undefined) return v;
    }
    return this.ask(node, "value");
  }
  attribute(node) {
    if (node.name === "shape") {
      const shape = this.shapeOf(node.of);
      if (shape) return shape;
    }
    const f = dotted(node);
    if (f && /(?:^|\.)(float16|float32|float64|bfloat16)$/.test(f)) {
      return f.split(".").pop();
    }
    return this.ask(node, "value");
  }
  called(node) {
    const f = dotted(node.func);
    if (f === "len" && node.args.length === 1) {
      const shape = this.arrayShape(node.args[0]);
      if (shape && shape.length) return shape[0];
    }
    return this.ask(node, "value");
  }
}

// ---- layers --------------------------------------------------------------------

const INPUT_CALLS = /^(?:Input|keras\.Input|keras\.layers\.Input|layers\.Input|tf\.keras\.Input|tf\.keras\.layers\.Input)$/;

function className(f, imports) {
  // The layer class a callee names, whatever the import spelling.
  const parts = f.split(".");
  const base = parts.pop();
  const full = imports[parts.length ? parts[0] : base];
  const from = full ? full : parts.join(".");
  return { name: ALIASES[base] || base, module: from };
}

function isSequential(node, imports) {
  if (node.kind !== "call") return false;
  const f = dotted(node.func);
  return !!f && className(f, imports).name === "Sequential";
}

/** A layer call's settings: positional and keyword arguments, with defaults. */
function layerConfig(type, node, ev) {
  const spec = DEFAULTS[type];
  const config = {};
  spec.forEach(([key, value]) => { config[key] = value; });
  Object.assign(config, KEYWORD_DEFAULTS[type] || {});
  node.args.forEach((arg, i) => {
    if (i < spec.length) config[spec[i][0]] = type === "Bidirectional" && i === 0 ? arg : ev.value(arg);
  });
  Object.keys(node.kwargs).forEach((key) => {
    const arg = node.kwargs[key];
    config[key] = type === "Bidirectional" && key === "layer" ? arg : ev.value(arg);
  });
  return config;
}

function need(config, key, line, type, test) {
  const v = config[key];
  if (v === null || v === undefined || (test && !test(v))) {
    throw new ParseError("badArgument", line, { layer: type, argument: key, value: String(v) });
  }
}

const positive = (v) => Number.isInteger(v) && v > 0;
const positiveOrTuple = (v) => positive(v) || (Array.isArray(v) && v.length > 0 && v.every(positive));

function checked(type, config, line) {
  if (["Dense", "SimpleRNN", "LSTM", "GRU"].includes(type)) need(config, "units", line, type, positive);
  if (type === "Embedding") {
    need(config, "input_dim", line, type, positive);
    need(config, "output_dim", line, type, positive);
  }
  if (type === "Conv1D" || type === "Conv2D") {
    need(config, "filters", line, type, positive);
    need(config, "kernel_size", line, type, positiveOrTuple);
    need(config, "strides", line, type, positiveOrTuple);
    need(config, "padding", line, type, (v) => v === "valid" || v === "same");
  }
  if (/Pooling[12]D$/.test(type) && !/^Global/.test(type)) {
    need(config, "pool_size", line, type, positiveOrTuple);
    need(config, "padding", line, type, (v) => v === "valid" || v === "same");
  }
  if (type === "Reshape") {
    need(config, "target_shape", line, type, (v) => Array.isArray(v) && v.every((d) => positive(d) || d === -1));
  }
  if (type === "Bidirectional") {
    need(config, "merge_mode", line, type, (v) => ["concat", "sum", "mul", "ave"].includes(v));
  }
  for (const key of ["use_bias", "center", "scale", "return_sequences", "reset_after"]) {
    if (key in config && typeof config[key] !== "boolean") {
      throw new ParseError("badArgument", line, { layer: type, argument: key, value: String(config[key]) });
    }
  }
  return config;
}

function shapeArg(value, line, what) {
  const shape = Array.isArray(value) ? value : null;
  if (!shape || !shape.length || !shape.every((d) => d === null || positive(d))) {
    throw new ParseError("badShape", line, { argument: what, value: String(value) });
  }
  return shape;
}

/** One item of the model: a layer, the input, or another layer. */
function readLayer(node, ev, imports) {
  if (node.kind !== "call") throw new ParseError("notLayer", node.line, { text: sourceOf(node) });
  const f = dotted(node.func);
  if (!f) throw new ParseError("notLayer", node.line, { text: sourceOf(node) });
  if (INPUT_CALLS.test(f) || className(f, imports).name === "Input") {
    const arg = node.kwargs.shape || node.args[0];
    if (!arg) throw new ParseError("badShape", node.line, { argument: "shape", value: "" });
    return { input: shapeArg(ev.value(arg), node.line, "shape"), line: node.line };
  }
  const { name: type } = className(f, imports);
  const name = node.kwargs.name ? ev.literal(node.kwargs.name) : undefined;
  const dtype = node.kwargs.dtype ? ev.literal(node.kwargs.dtype) : undefined;
  const layer = { type, line: node.line, name: typeof name === "string" ? name : null,
    dtype: typeof dtype === "string" ? dtype : "float32" };
  if (!DEFAULTS[type]) {
    layer.other = true;
    return layer;
  }
  const config = layerConfig(type, node, ev);
  if (type === "Bidirectional") {
    const inner = readLayer(config.layer, ev, imports);
    if (!["SimpleRNN", "LSTM", "GRU"].includes(inner.type)) {
      layer.other = true;
      return layer;
    }
    config.layer = { type: inner.type, config: inner.config };
  }
  layer.config = checked(type, config, node.line);
  if (type === "InputLayer") {
    const shape = config.shape || config.input_shape;
    return { input: shapeArg(shape, node.line, "shape"), line: node.line };
  }
  // The first layer's own input: input_shape=(...) or input_dim=n (Embedding's
  // input_dim is its vocabulary; its input is input_length= long).
  if (type !== "Embedding" && config.input_dim !== undefined) {
    if (!positive(config.input_dim)) {
      throw new ParseError("badArgument", node.line, { layer: type, argument: "input_dim", value: String(config.input_dim) });
    }
    layer.input = [config.input_dim];
    layer.inputFrom = "input_dim";
  }
  if (config.input_shape !== undefined) {
    layer.input = shapeArg(config.input_shape, node.line, "input_shape");
    layer.inputFrom = "input_shape";
  }
  return layer;
}

/**
 * The model the code builds: { layers: [{ type, config, line, name, dtype,
 * other? }], input: { shape, from, line }, flags: [{ line, module, names }],
 * model line } or { error } or { question } (what to ask the reader, with
 * the answers so far in `answers`: { "X.shape[1]": 2 }).
 */
export function parseCode(text, answers) {
  const src = String(text);
  if (src.length > MAX_CHARS) {
    const line = src.slice(0, MAX_CHARS).split("\n").length;
    return { error: { key: "tooLong", line, values: { chars: src.length, max: MAX_CHARS } } };
  }
  if (!/\bSequential\b/.test(src)) return { error: { key: "noModel", line: null, values: {} } };
  try {
    return build(src, answers || {});
  } catch (e) {
    if (e instanceof Question) {
      return { question: { text: e.text, line: e.line, kind: e.kind, values: e.values } };
    }
    if (e instanceof ParseError) return { error: { key: e.key, line: e.line, values: e.values } };
    throw e;
  }
}

function build(src, answers) {
  const statements = logicalLines(src);
  const imports = {};
  const flags = [];
  const env = new Map();
  let model = null; // { name, items: [node], line }
  for (const { tokens, line } of statements) {
    const first = tokens[0];
    if (first.kind === "name" && (first.value === "import" || first.value === "from")) {
      readImport(tokens, line, imports, flags);
      continue;
    }
    const isAssign = tokens.length > 2 && tokens[0].kind === "name" &&
      tokens[1].kind === "op" && tokens[1].value === "=";
    if (isAssign) {
      let node;
      try {
        node = parseExpression(tokens.slice(2));
      } catch (e) {
        if (mentionsModel(tokens)) throw e;
        env.delete(tokens[0].value);
        continue;
      }
      if (isSequential(node, imports)) {
        if (model) continue; // the first model is the one explained
        const listArg = node.args[0] || node.kwargs.layers;
        const items = listArg && (listArg.kind === "list" || listArg.kind === "tuple") ? listArg.items : [];
        if (listArg && !(listArg.kind === "list" || listArg.kind === "tuple")) {
          throw new ParseError("notLayerList", line);
        }
        model = { name: tokens[0].value, items: items.slice(), line };
      } else {
        env.set(tokens[0].value, { node, line });
      }
      continue;
    }
    const isAdd = tokens.length > 3 && tokens[0].kind === "name" && model &&
      tokens[0].value === model.name && tokens[1].value === "." && tokens[2].value === "add";
    if (isAdd) {
      const node = parseExpression(tokens.slice(3));
      if (node.kind !== "tuple" || node.items.length !== 1) {
        // parseExpression gives "(x)" as x itself
        model.items.push(node);
      } else {
        model.items.push(node.items[0]);
      }
      continue;
    }
    if (!model && mentionsModel(tokens)) {
      // Sequential([...]) used without an assignment, e.g. in a return
      const at = tokens.findIndex((t) => t.value === "Sequential");
      let start = at;
      while (start > 0 && (tokens[start - 1].value === "." || tokens[start - 2]?.value === ".")) start -= 2;
      try {
        const node = new Parser(tokens.slice(Math.max(0, start))).expression();
        if (isSequential(node, imports) && node.args[0] && node.args[0].kind === "list") {
          model = { name: null, items: node.args[0].items.slice(), line };
        }
      } catch (e) {
        if (!(e instanceof ParseError)) throw e;
      }
    }
  }
  if (!model) throw new ParseError("noModel", null);
  const ev = new Evaluator(env, answers);
  const layers = [];
  let input = null;
  model.items.forEach((node) => {
    const item = readLayer(node, ev, imports);
    if (item.input && !item.type) {
      if (layers.length || input) throw new ParseError("lateInput", item.line);
      input = { shape: item.input, from: "Input", line: item.line };
      return;
    }
    if (!layers.length && !input && item.input) {
      input = { shape: item.input, from: item.inputFrom, line: item.line };
    }
    layers.push(item);
  });
  if (!layers.length) throw new ParseError("noLayers", model.line);
  if (!input) throw new ParseError("noInput", layers[0].line);
  return {
    layers, flags, read: ev.read,
    input: { shape: [null].concat(input.shape), from: input.from, line: input.line },
  };
}

function mentionsModel(tokens) {
  return tokens.some((t) => t.kind === "name" && (t.value === "Sequential" || t.value === "add"));
}
