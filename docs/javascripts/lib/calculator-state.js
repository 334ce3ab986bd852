/*
 * The parameter calculator's model (docs/calculator.md), as pure functions
 * (no DOM): the state its address holds, reading and writing that address,
 * and the counts, summary rows and Keras code of a state. "Explain your
 * model" builds a calculator state from pasted code with these too, for its
 * drawing and its link to the calculator.
 *
 * - A state: { input: "2", layers: [{ units: "32", activation: "softmax",
 *   bias: true, dtype: "float32" }, ...] }, the numbers as the reader typed
 *   them (text).
 * - Its address: ?input=2&units=32,1&activation=softmax,sigmoid&bias=1,0
 *   &dtype=float32,float16 (activation, bias and dtype optional, one entry
 *   per layer; a link without activation= has none, as links made before it
 *   existed meant).
 * - Messages are the page's (t, in its language): every function that can
 *   find something wrong words it with t.
 *
 * Counting uses BigInt: a result beyond 2^53 - 1 parameters is refused,
 * never rounded. The Dense count and the bytes are keras-numbers.js's.
 */

import { DTYPE_BYTES, denseParams, grouped } from "./keras-numbers.js";

/** The dtypes a reader can choose (DTYPE_BYTES: the size of their variables'). */
export const DTYPES = Object.keys(DTYPE_BYTES);
export const ACTIVATIONS = ["none", "softmax", "sigmoid", "relu", "tanh"];
export const MAX_LAYERS = 100;
/** The question's network: the page's address when it has none. */
export const DEFAULT_QUERY = "?input=2&units=32,1&activation=softmax,sigmoid";

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER); // 2^53 - 1

/** A positive whole number from text, { value } (BigInt), or { error }. */
export function readCount(text, what, t) {
  const s = String(text).trim();
  if (s === "") return { error: t.empty(what) };
  if (/^[+]?\d+$/.test(s)) {
    const n = BigInt(s.replace("+", ""));
    if (n === 0n) return { error: t.zero(what) };
    if (n > MAX_SAFE) return { error: t.tooLarge(what) };
    return { value: n };
  }
  if (/^-\s*\d+(\.\d*)?$/.test(s)) return { error: t.negative(what) };
  if (/^[+-]?(\d+\.\d*|\.\d+)$/.test(s) || /^\d+(\.\d+)?e[+-]?\d+$/i.test(s)) {
    return { error: t.fraction(what) };
  }
  return { error: t.notNumber(what) };
}

function shortened(text) {
  const s = String(text);
  return s.length > 40 ? s.slice(0, 40) + "…" : s;
}

// Each optional per-layer list of the query: how to read one entry.
const LISTS = {
  activation: {
    read: (x) => (ACTIVATIONS.includes(x) ? x : undefined),
    bad: "badActivation",
  },
  bias: {
    read: (x) => {
      if (x === "1" || x === "true") return true;
      if (x === "0" || x === "false") return false;
      return undefined;
    },
    bad: "badBias",
  },
  dtype: {
    read: (x) => (DTYPES.includes(x) ? x : undefined),
    bad: "badDtype",
  },
};

/** The state a query string describes, and what is wrong with it: { state, problems }. */
export function fromQuery(search, t) {
  const params = new URLSearchParams(search);
  const problems = [];
  const known = ["input", "units", ...Object.keys(LISTS)];
  const seen = new Set();
  params.forEach((_value, key) => {
    if (known.includes(key) && seen.has(key)) problems.push(t.twice(key));
    seen.add(key);
  });
  const state = { input: params.get("input"), layers: [] };
  if (state.input === null) {
    problems.push(t.noInput);
    state.input = "";
  }
  let units = params.get("units");
  if (units === null || units === "") {
    problems.push(t.noUnits);
    units = "";
  }
  let unitList = units === "" ? [] : units.split(",");
  if (unitList.length > MAX_LAYERS) {
    problems.push(t.tooManyLayers(unitList.length, MAX_LAYERS));
    unitList = unitList.slice(0, MAX_LAYERS);
  }
  const lists = {};
  for (const key of Object.keys(LISTS)) {
    const list = params.get(key);
    lists[key] = list === null ? null : list.split(",");
    if (list !== null && lists[key].length !== unitList.length) {
      problems.push(t.listLength(lists[key].length, key, unitList.length));
    }
  }
  unitList.forEach((u, i) => {
    const layer = { units: u, activation: "none", bias: true, dtype: "float32" };
    for (const key of Object.keys(LISTS)) {
      const entry = lists[key] && lists[key][i];
      if (entry === null || entry === undefined) continue;
      const value = LISTS[key].read(entry);
      if (value === undefined) problems.push(t[LISTS[key].bad](i + 1, shortened(entry)));
      else layer[key] = value;
    }
    state.layers.push(layer);
  });
  return { state, problems };
}

/** The query string of a state: only the lists that differ from their defaults. */
export function toQuery(state) {
  const list = (f) => state.layers.map(f);
  const activation = list((l) => l.activation);
  const bias = list((l) => (l.bias ? "1" : "0"));
  const dtype = list((l) => l.dtype);
  const params = new URLSearchParams();
  params.set("input", state.input);
  params.set("units", list((l) => l.units).join(","));
  if (activation.some((a) => a !== "none")) params.set("activation", activation.join(","));
  if (bias.includes("0")) params.set("bias", bias.join(","));
  if (dtype.some((d) => d !== "float32")) params.set("dtype", dtype.join(","));
  // Commas are safe in a query: keep "32,1" readable, not "32%2C1".
  return "?" + params.toString().replace(/%2C/g, ",");
}

/** Keras's automatic name in a fresh session: dense, dense_1, dense_2, ... */
export function kerasName(base, index) {
  return index === 0 ? base : base + "_" + index;
}

/**
 * Per-layer counts, the summary's rows and the totals of a state, or its
 * errors: { errors: [] , input, rows, summary, total, bytes } or
 * { errors: [{ field: "input" | "units-<i>" | null, message }] }.
 */
export function compute(state, t) {
  const errors = [];
  const input = readCount(state.input, t.inputField, t);
  if (input.error) errors.push({ field: "input", message: input.error });
  if (state.layers.length === 0) errors.push({ field: null, message: t.noLayers });
  const layers = state.layers.map((layer, i) => {
    const units = readCount(layer.units, t.unitsField(i + 1), t);
    if (units.error) errors.push({ field: "units-" + i, message: units.error });
    return units.value;
  });
  if (errors.length) return { errors };
  let n = input.value;
  const rows = [];
  const summary = [];
  let total = 0n;
  let bytes = 0n;
  let activations = 0;
  state.layers.forEach((layer, i) => {
    const u = layers[i];
    const params = denseParams(n, u, layer.bias);
    const size = params * DTYPE_BYTES[layer.dtype];
    rows.push({
      n, units: u, bias: layer.bias, dtype: layer.dtype,
      activation: layer.activation, kernel: n * u, params,
      bytes: size, dtypeBytes: DTYPE_BYTES[layer.dtype],
    });
    const shape = "(None, " + u.toString() + ")";
    summary.push({ name: kerasName("dense", i), type: "Dense", shape, params });
    if (layer.activation !== "none") {
      summary.push({ name: kerasName("activation", activations), type: "Activation",
        shape, params: 0n });
      activations += 1;
    }
    total += params;
    bytes += size;
    n = u;
  });
  if (total > MAX_SAFE) {
    return { errors: [{ field: null, message: t.tooManyParams(grouped(total)) }] };
  }
  return { errors: [], input: input.value, rows, summary, total, bytes };
}

/** The Keras program that builds a computed model and prints its summary. */
export function kerasCode(result) {
  const lines = ["import keras", "from keras import layers", "",
    "model = keras.Sequential(", "    ["];
  lines.push("        keras.Input(shape=(" + result.input + ",)),");
  for (const r of result.rows) {
    const dtype = r.dtype === "float32" ? "" : ', dtype="' + r.dtype + '"';
    const args = [r.units.toString()];
    if (!r.bias) args.push("use_bias=False");
    lines.push("        layers.Dense(" + args.join(", ") + dtype + "),");
    if (r.activation !== "none") {
      lines.push('        layers.Activation("' + r.activation + '"' + dtype + "),");
    }
  }
  lines.push("    ]", ")", "model.summary()");
  return lines.join("\n");
}

// "Watch it learn" (docs/watch.md) names its hidden layer's activation so.
const WATCH_ACTIVATIONS = { none: "linear", softmax: "softmax", relu: "relu",
  tanh: "tanh", sigmoid: "sigmoid" };

/**
 * The query that opens a state on "Watch it learn", when that page can train
 * it (2 inputs, one hidden Dense layer of at most 256 units, Dense(1) and a
 * sigmoid, float32, with biases), or "" (the page's own network).
 */
export function watchQuery(state) {
  const l = state.layers;
  const fits = state.input === "2" && l.length === 2 && l[1].units === "1" &&
    l[1].activation === "sigmoid" && /^[1-9][0-9]{0,2}$/.test(l[0].units) &&
    Number(l[0].units) <= 256 && l.every((layer) => layer.bias && layer.dtype === "float32");
  return fits ? "?units=" + l[0].units + "&activation=" + WATCH_ACTIVATIONS[l[0].activation] : "";
}
