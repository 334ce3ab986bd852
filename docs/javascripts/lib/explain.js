/*
 * Each layer's count and shape explained, as pure functions (no DOM): from
 * a parsed model's code (code-parse.js), or from a pasted summary's rows
 * (summary-parse.js), where the settings the summary does not print (a
 * bias, a kernel size, the layer inside Bidirectional) are worked out from
 * the row's count: every reading that fits is given, none is guessed.
 *
 * A row: { type, name, explained, params, trainable, nonTrainable, shape
 * (text, as Keras prints it), dims, bytes, dtype, formula, from, readings,
 * note }. `from` says where the input size came from: "input", "previous"
 * or "count" (the first row of a summary, worked out from its count).
 */

import {
  DTYPE_BYTES, EXPLAINED, ShapeError, countLayer, formatShape, grouped,
  recurrentCount, snakeCase,
} from "./layer-counts.js";

function total(rows, key) {
  return rows.reduce((a, r) => a + r[key], 0n);
}

function totals(rows) {
  const bytes = rows.reduce((a, r) => a + r.bytes, 0n);
  const ntBytes = rows.reduce((a, r) => a + r.nonTrainable * DTYPE_BYTES[r.dtype], 0n);
  return {
    total: total(rows, "params"),
    trainable: total(rows, "trainable"),
    nonTrainable: total(rows, "nonTrainable"),
    bytes, trainableBytes: bytes - ntBytes, nonTrainableBytes: ntBytes,
  };
}

/** Keras's automatic names in a fresh session: dense, dense_1, ... */
function namer() {
  const seen = {};
  return (type) => {
    const base = snakeCase(type);
    const n = seen[base] || 0;
    seen[base] = n + 1;
    return n ? base + "_" + n : base;
  };
}

/**
 * The rows of a model read from code: { rows, totals, input } or, at the
 * first layer that cannot be counted, { rows, error: { key, line, values } }.
 */
export function explainCode(model) {
  const name = namer();
  const rows = [];
  let shape = model.input.shape;
  let known = true;
  for (const layer of model.layers) {
    const dtype = DTYPE_BYTES[layer.dtype] ? layer.dtype : "float32";
    const row = {
      type: layer.type, name: layer.name || name(layer.type), line: layer.line,
      dtype, input: shape, from: rows.length ? "previous" : "input",
    };
    if (layer.name) name(layer.type);
    if (layer.other || !known) {
      Object.assign(row, {
        explained: false, params: 0n, trainable: 0n, nonTrainable: 0n,
        bytes: 0n, dims: null, shape: "?", formula: null,
        note: layer.other ? "other" : "afterOther",
      });
      known = false;
      rows.push(row);
      continue;
    }
    let counted;
    try {
      counted = countLayer(layer, shape);
    } catch (e) {
      if (e instanceof ShapeError) {
        return { rows, error: { key: e.key, line: layer.line, values: e.values } };
      }
      throw e;
    }
    Object.assign(row, counted, {
      explained: true, dims: counted.output, shape: formatShape(counted.output),
      bytes: counted.params * DTYPE_BYTES[dtype],
    });
    rows.push(row);
    shape = counted.output;
  }
  return { rows, totals: known ? totals(rows) : null, input: model.input };
}

// ---- a pasted summary ------------------------------------------------------

const ZERO = new Set([
  "InputLayer", "Activation", "Dropout", "Flatten", "Reshape",
  "MaxPooling1D", "MaxPooling2D", "AveragePooling1D", "AveragePooling2D",
  "GlobalAveragePooling1D", "GlobalAveragePooling2D",
  "GlobalMaxPooling1D", "GlobalMaxPooling2D",
]);

const B = BigInt;

function divides(a, b) {
  return b > 0n && a >= 0n && a % b === 0n;
}

/**
 * The readings of one row that give its count: [{ setting, formula,
 * inputs?, trainable, nonTrainable }]. n is the input's last axis (null on
 * a first row, then worked out from the count), out the output's.
 */
function readings(type, n, out, p, dims, input) {
  const found = [];
  const eq = (f) => f + " = " + grouped(p);
  if (ZERO.has(type)) {
    if (p === 0n) found.push({ setting: "none", formula: "0" });
    return found;
  }
  if (out === null) return found;
  const u = B(out);
  if (type === "Dense") {
    for (const bias of [true, false]) {
      const rest = bias ? p - u : p;
      if (n !== null && B(n) * u === rest) {
        found.push({ setting: bias ? "bias" : "noBias",
          formula: eq(n + "·" + out + (bias ? " + " + out : "")) });
      }
      if (n === null && divides(rest, u) && rest / u >= 1n) {
        const k = rest / u;
        found.push({ setting: bias ? "bias" : "noBias", inputs: k,
          formula: eq(k + "·" + out + (bias ? " + " + out : "")) });
      }
    }
  } else if (type === "Conv1D" || type === "Conv2D") {
    for (const bias of [true, false]) {
      const rest = bias ? p - u : p;
      const per = n === null ? u : B(n) * u;
      if (divides(rest, per) && rest / per >= 1n) {
        const area = rest / per;
        const side = B(Math.round(Math.sqrt(Number(area))));
        const kernel = type === "Conv1D" ? area.toString()
          : side * side === area ? side + "·" + side : area.toString();
        const factors = n === null ? area + "·" + out : kernel + "·" + n + "·" + out;
        found.push({ setting: bias ? "bias" : "noBias", kernel: area,
          kernelText: type === "Conv2D" && side * side === area ? side + "×" + side : area.toString(),
          firstRow: n === null,
          formula: eq(factors + (bias ? " + " + out : "")) });
      }
    }
  } else if (type === "Embedding") {
    if (divides(p, u) && p > 0n) {
      found.push({ setting: "vocabulary", vocabulary: p / u,
        formula: eq(p / u + "·" + out) });
    }
  } else if (type === "SimpleRNN" || type === "LSTM" || type === "GRU") {
    recurrentReadings(type, n, out, p, found, 1n, "");
  } else if (type === "Bidirectional") {
    for (const inner of ["LSTM", "GRU", "SimpleRNN"]) {
      const concat = out % 2 === 0 ? [[out / 2, "concat"]] : [];
      for (const [units, merge] of concat.concat([[out, "sum"]])) {
        recurrentReadings(inner, n, units, p, found, 2n, merge);
      }
    }
  } else if (type === "BatchNormalization") {
    for (const learned of [2n, 1n, 0n]) {
      if (p === (learned + 2n) * u) {
        found.push({ setting: "learned" + learned, trainable: learned * u,
          nonTrainable: 2n * u,
          formula: eq((learned ? learned + "·" + out + " + " : "") + "2·" + out) });
      }
    }
  } else if (type === "LayerNormalization") {
    for (const learned of [2n, 1n, 0n]) {
      if (p === learned * u) {
        found.push({ setting: "learned" + learned, formula: eq(learned + "·" + out) });
      }
    }
  }
  return found;
}

function recurrentReadings(type, n, units, p, found, times, merge) {
  const variants = type === "GRU"
    ? [[true, true], [true, false], [false, true]]
    : [[true, true], [false, true]];
  for (const [bias, resetAfter] of variants) {
    if (n !== null) {
      const c = recurrentCount(type, n, units, bias, resetAfter);
      if (times * c.params === p) {
        found.push(recurrentFound(type, c.formula, times, p, bias, resetAfter, merge, null));
      }
    } else {
      // p = times·gates·(n·u + u·u + b·u): solve for n.
      const gates = type === "LSTM" ? 4n : type === "GRU" ? 3n : 1n;
      const per = times * gates;
      if (!divides(p, per)) continue;
      const b = bias ? (type === "GRU" && resetAfter ? 2n : 1n) : 0n;
      const u = B(units);
      const rest = p / per - u * u - b * u;
      if (divides(rest, u) && rest / u >= 1n) {
        const k = rest / u;
        const c = recurrentCount(type, Number(k), units, bias, resetAfter);
        found.push(recurrentFound(type, c.formula, times, p, bias, resetAfter, merge, k));
      }
    }
  }
}

function recurrentFound(type, formula, times, p, bias, resetAfter, merge, inputs) {
  const f = times === 2n
    ? (type === "SimpleRNN" ? "2·(" + formula + ")" : "2·" + formula)
    : formula;
  const setting = type === "GRU" && bias ? (resetAfter ? "resetAfter" : "noResetAfter")
    : bias ? "bias" : "noBias";
  const found = { setting, formula: f + " = " + grouped(p), inner: type, merge };
  if (inputs !== null) found.inputs = inputs;
  return found;
}

/**
 * The rows of a pasted summary: each row's count held to its layer's
 * formulas, with the input size from the row before (the first row's
 * from its count). { rows, totals, pasted } where pasted are the summary's
 * own totals.
 */
export function explainSummary(summary) {
  const rows = [];
  let previous = null; // the previous row's output dims
  summary.rows.forEach((r, i) => {
    const dims = r.dims;
    const out = dims ? dims[dims.length - 1] : null;
    const n = previous ? previous[previous.length - 1] : null;
    const row = {
      type: r.type, name: r.name, line: r.line, params: r.params, dims,
      shape: r.shape, dtype: "float32", bytes: r.params * 4n,
      trainable: r.params, nonTrainable: 0n,
      from: i === 0 || previous === null ? "count" : "previous",
      readings: [], explained: false, formula: null,
    };
    if (!EXPLAINED.includes(r.type)) {
      row.note = "other";
    } else if (i > 0 && previous === null && !ZERO.has(r.type)) {
      row.note = "noShape";
    } else {
      const found = readings(r.type, i === 0 || previous === null ? null : n, out, r.params, dims, previous);
      row.readings = found;
      row.explained = found.length > 0;
      if (found.length) {
        row.formula = found[0].formula;
        if (found[0].nonTrainable !== undefined) {
          row.trainable = found[0].trainable;
          row.nonTrainable = found[0].nonTrainable;
        }
      } else {
        row.note = "noFit";
      }
    }
    rows.push(row);
    previous = dims;
  });
  return { rows, totals: totals(rows), pasted: summary.totals };
}

/**
 * The rows whose names hold < or >, as HTML does: a pasted table or a shared
 * link may carry markup there. Keras accepts such names, so the rows are
 * explained, and each gets a message: [{ key: "markupName", line, values }].
 * (The page shows every name as text; nothing in one is ever run.)
 */
export function markupNames(rows) {
  return rows
    .filter((r) => /[<>]/.test(r.name || ""))
    .map((r) => ({ key: "markupName", line: r.line, values: { name: r.name } }));
}
