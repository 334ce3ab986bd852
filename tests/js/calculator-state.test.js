// lib/calculator-state.js: the calculator's counts, summary rows and address,
// held to what Keras printed for the question's model
// (snippets/answer/summary.out, captured by `make outputs`).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import {
  DEFAULT_QUERY, compute, fromQuery, kerasCode, readCount, toQuery, watchQuery,
} from "../../docs/javascripts/lib/calculator-state.js";
import { CALCULATOR_WORDS } from "../../docs/javascripts/lib/calculator-words.js";
import { grouped, readableBytes } from "../../docs/javascripts/lib/keras-numbers.js";

const en = CALCULATOR_WORDS.en;
const zh = CALCULATOR_WORDS.zh;
const SUMMARY = readFileSync(
  new URL("../../snippets/answer/summary.out", import.meta.url), "utf8",
);

/** Keras's rows of the captured summary: [name, type, shape, params]. */
function kerasRows(text) {
  return [...text.matchAll(/^│ (\w+) \((\w+)\)\s*│ (\([^)]*\))\s*│\s*([\d,]+) │$/gm)]
    .map((m) => [m[1], m[2], m[3], m[4]]);
}

test("the question's network counts and prints as Keras's summary does", () => {
  const { state, problems } = fromQuery(DEFAULT_QUERY, en);
  assert.deepEqual(problems, []);
  const result = compute(state, en);
  assert.deepEqual(result.errors, []);
  const rows = kerasRows(SUMMARY);
  assert.equal(rows.length, 4, SUMMARY);
  assert.deepEqual(
    result.summary.map((r) => [r.name, r.type, r.shape, grouped(r.params)]), rows,
  );
  const total = SUMMARY.match(/Total params: ([\d,]+) \(([^)]+)\)/);
  assert.equal(grouped(result.total), total[1]);
  assert.equal(readableBytes(result.bytes), total[2]);
  assert.deepEqual(result.rows.map((r) => [r.kernel, r.params]), [[64n, 96n], [32n, 33n]]);
});

test("an address read and written again is the same address", () => {
  for (const query of [
    DEFAULT_QUERY,
    "?input=784&units=128,10&activation=relu,softmax&bias=1,0&dtype=float32,float16",
    "?input=3&units=1",
  ]) {
    assert.equal(toQuery(fromQuery(query, en).state), query);
  }
});

test("what is wrong with a link is named, in the page's language", () => {
  const { problems } = fromQuery("?input=2&input=3&units=4,5&bias=1&dtype=float8,x", en);
  assert.deepEqual(problems, [
    "The link gives input= twice.",
    "The link gives 1 bias= entries for 2 layers: give one per layer.",
    "dtype= of layer 1 is “float8”: one of float32, float16, bfloat16, float64, " +
      "mixed_float16, mixed_bfloat16.",
    "dtype= of layer 2 is “x”: one of float32, float16, bfloat16, float64, " +
      "mixed_float16, mixed_bfloat16.",
  ]);
  assert.deepEqual(fromQuery("", zh).problems, [zh.noInput, zh.noUnits]);
  const many = "?input=1&units=" + Array(101).fill(1).join(",");
  assert.equal(fromQuery(many, en).state.layers.length, 100);
  assert.match(fromQuery(many, en).problems[0], /101 layers: at most 100/);
});

test("a typed count is a whole number from 1 to 2^53 - 1, or a message", () => {
  assert.deepEqual(readCount(" +32 ", "Units", en), { value: 32n });
  assert.deepEqual(readCount("9007199254740991", "x", en), { value: 9007199254740991n });
  const error = (text) => readCount(text, "Units", en).error;
  assert.equal(error(""), "Units: enter a whole number of at least 1.");
  assert.equal(error("0"), "Units must be at least 1, not 0.");
  assert.match(error("9007199254740992"), /too large/);
  assert.match(error("-3"), /not negative/);
  assert.match(error("2.5"), /whole number/);
  assert.match(error("1e3"), /whole number/);
  assert.match(error("<b>"), /not a number/);
});

test("a total beyond 2^53 - 1 is refused, never rounded", () => {
  const state = { input: "9007199254740991", layers: [
    { units: "2", activation: "none", bias: true, dtype: "float32" },
  ] };
  const { errors } = compute(state, en);
  assert.equal(errors.length, 1);
  assert.match(errors[0].message, /18,014,398,509,481,984 parameters/);
});

test("the code the page writes builds the model it counts", () => {
  const { state } = fromQuery("?input=2&units=32,1&activation=softmax,none&bias=1,0" +
    "&dtype=float16,float32", en);
  assert.equal(kerasCode(compute(state, en)), [
    "import keras", "from keras import layers", "",
    "model = keras.Sequential(", "    [",
    "        keras.Input(shape=(2,)),",
    '        layers.Dense(32, dtype="float16"),',
    '        layers.Activation("softmax", dtype="float16"),',
    "        layers.Dense(1, use_bias=False),",
    "    ]", ")", "model.summary()",
  ].join("\n"));
});

test("a network Watch it learn can train goes there; any other does not", () => {
  const query = (q) => watchQuery(fromQuery(q, en).state);
  assert.equal(query("?input=2&units=32,1&activation=softmax,sigmoid"),
    "?units=32&activation=softmax");
  assert.equal(query("?input=2&units=256,1&activation=none,sigmoid"),
    "?units=256&activation=linear");
  for (const other of [
    "?input=2&units=257,1&activation=relu,sigmoid",
    "?input=3&units=32,1&activation=relu,sigmoid",
    "?input=2&units=32,1&activation=relu,relu",
    "?input=2&units=32,1&activation=relu,sigmoid&bias=1,0",
    "?input=2&units=32,1&activation=relu,sigmoid&dtype=float16,float32",
    "?input=2&units=032,1&activation=relu,sigmoid",
  ]) {
    assert.equal(query(other), "", other);
  }
});
