/*
 * The "Watch it learn" page's state (docs/watch.md) and its link: the query
 * ?data=and&units=32&activation=softmax&lr=0.1&row=3&weights=start (or &x=0.5,1
 * for a row of the reader's own), read, checked and written back. A value that
 * is not allowed is a problem the page names; it is never silently replaced.
 * Pure functions, no DOM: `t` is the page's messages in its language.
 */
import { ACTIVATIONS } from "./watch-model.js";

/** The question's four rows. */
export const X = [[0, 0], [0, 1], [1, 0], [1, 1]];
export const DATASETS = ["and", "or", "xor"];
export const WEIGHTS = ["start", "trained", "live"];
export const UNITS = [1, 256];
export const DEFAULTS = {
  data: "and", units: "32", activation: "softmax", lr: "0.1",
  row: "3", x: null, weights: "start",
};
/** The keys that choose the training: changing one starts it over. */
export const TRAINING_KEYS = ["data", "units", "activation", "lr"];

/** Whole numbers only: "32" yes, "32.0", "3e1", " 32" no. */
export function wholeIn(text, range) {
  if (!/^[0-9]{1,7}$/.test(text)) return null;
  const n = Number(text);
  return n >= range[0] && n <= range[1] ? n : null;
}

/** A learning rate: a plain or exponent number above 0 and at most 10. */
export function rateOf(text) {
  if (!/^(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:e-?[0-9]+)?$/i.test(text)) return null;
  const n = Number(text);
  return n > 0 && n <= 10 ? n : null;
}

/** "x1,x2": two plain numbers of at most 1000 in size. */
export function xOf(text) {
  const parts = String(text).split(",");
  if (parts.length !== 2) return null;
  const xs = parts.map((p) => {
    p = p.trim();
    return /^-?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)$/.test(p) ? Number(p) : NaN;
  });
  return xs.every((v) => isFinite(v) && Math.abs(v) <= 1000) ? xs : null;
}

/** The state of a query string, and the link's unknown keys, named. */
export function fromQuery(search, t) {
  const state = Object.assign({}, DEFAULTS);
  const problems = [];
  const params = new URLSearchParams(search);
  params.forEach((value, key) => {
    if (!Object.prototype.hasOwnProperty.call(DEFAULTS, key)) {
      problems.push(t.unknownKey(key));
      return;
    }
    state[key] = value;
  });
  if (params.has("x")) state.row = null;
  return { state, problems };
}

/** The query string of a state, every key written, in one order. */
export function toQuery(state) {
  const params = new URLSearchParams();
  TRAINING_KEYS.forEach((k) => params.set(k, state[k]));
  if (state.x !== null) params.set("x", state.x);
  else params.set("row", state.row);
  params.set("weights", state.weights);
  return "?" + params.toString().replace(/%2C/g, ",");
}

/** The configuration a state describes, and the problems that stop it:
 * {config: {data, activation, weights, units, lr, x, row?}, problems: [{key, message}]}. */
export function check(state, t) {
  const problems = [];
  const c = {};
  function choice(key, allowed) {
    if (allowed.indexOf(state[key]) < 0) {
      problems.push({ key, message: t.badChoice(key, state[key], allowed) });
    }
    return state[key];
  }
  c.data = choice("data", DATASETS);
  c.activation = choice("activation", Object.keys(ACTIVATIONS));
  c.weights = choice("weights", WEIGHTS);
  c.units = wholeIn(state.units, UNITS);
  if (c.units === null) problems.push({ key: "units", message: t.badUnits });
  c.lr = rateOf(state.lr);
  if (c.lr === null) problems.push({ key: "lr", message: t.badRate });
  if (state.x !== null) {
    c.x = xOf(state.x);
    if (c.x === null) problems.push({ key: "x", message: t.badX });
  } else {
    c.row = wholeIn(state.row, [0, 3]);
    if (c.row === null) problems.push({ key: "row", message: t.badRow });
    else c.x = X[c.row];
  }
  return { config: c, problems };
}

/** Keras's captured run for a configuration (keras_runs.json's `runs`), or null. */
export function findRun(runs, c) {
  return runs.filter((r) =>
    r.data === c.data && r.units === c.units && r.activation === c.activation &&
    r.learning_rate === c.lr)[0] || null;
}
