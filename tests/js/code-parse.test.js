// Reading a model's code (docs/javascripts/lib/code-parse.js): the
// question's code as the learner wrote it, its X taken away, and bad input.
import assert from "node:assert/strict";
import { test } from "node:test";

import { parseCode } from "../../docs/javascripts/lib/code-parse.js";
import { explainCode } from "../../docs/javascripts/lib/explain.js";

const SEED = `X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=np.float32)
y = np.array([[0], [0], [0], [1]], dtype=np.float32)
from keras.models import Sequential
from keras.layers.core import Dense, Activation
model = Sequential()
model.add(Dense(32, input_dim=X.shape[1]))
model.add(Activation('softmax'))
model.add(Dense(1))
model.add(Activation('sigmoid'))
`;

test("the seed's code: 96, 0, 33, 0 and 129, X's 2 columns, keras.layers.core", () => {
  const model = parseCode(SEED);
  assert.deepEqual(model.input.shape, [null, 2]);
  assert.deepEqual(model.flags, [{ line: 4, module: "keras.layers.core", names: ["Dense", "Activation"] }]);
  const { rows, totals } = explainCode(model);
  assert.deepEqual(rows.map((r) => r.params), [96n, 0n, 33n, 0n]);
  assert.deepEqual(rows.map((r) => r.shape), ["(None, 32)", "(None, 32)", "(None, 1)", "(None, 1)"]);
  assert.equal(totals.total, 129n);
  assert.equal(totals.bytes, 516n);
  assert.deepEqual(model.read, [{ text: "X.shape[1]", value: 2, name: "X", shape: [4, 2], line: 1 }]);
});

test("without the line that defines X, it asks for X's columns", () => {
  const code = SEED.split("\n").slice(1).join("\n");
  const asked = parseCode(code);
  assert.deepEqual(asked.question, {
    text: "X.shape[1]", line: 5, kind: "columns", values: { name: "X", axis: 1 },
  });
  const answered = explainCode(parseCode(code, { "X.shape[1]": 2 }));
  assert.equal(answered.totals.total, 129n);
});

test("Sequential([...]) with keras.Input, positional and keyword arguments", () => {
  const code = `import keras
from keras import layers
model = keras.Sequential([
    keras.Input(shape=(28, 28, 3)),
    layers.Conv2D(8, kernel_size=3, padding="same"),
    layers.MaxPooling2D(),
    layers.Flatten(),
    layers.Dense(10, use_bias=False),
])`;
  const { rows, totals } = explainCode(parseCode(code));
  assert.deepEqual(rows.map((r) => r.params), [224n, 0n, 0n, 15680n]);
  assert.equal(rows[2].shape, "(None, 1568)");
  assert.equal(totals.total, 15904n);
});

test("bad input gets a message that names the line", () => {
  assert.equal(parseCode("").error.key, "noModel");
  assert.equal(parseCode("The model has two layers.").error.key, "noModel");
  assert.equal(parseCode("(".repeat(10000)).error.key, "noModel");
  const deep = parseCode("model = Sequential(\n" + "[".repeat(10000));
  assert.deepEqual(deep.error, { key: "tooDeep", line: 2, values: { depth: 100 } });
  assert.equal(parseCode("Sequential" + "x".repeat(1 << 20)).error.key, "tooLong");
  const half = parseCode("model = Sequential()\nmodel.add(Dense(32,\n");
  assert.deepEqual(half.error, { key: "unclosed", line: 2, values: { bracket: "(" } });
  const bad = parseCode("model = Sequential()\nmodel.add(Dense(-3, input_dim=2))\n");
  assert.equal(bad.error.key, "badArgument");
  assert.equal(bad.error.line, 2);
  assert.equal(parseCode("import keras\nx = 1 + 2\nprint(x)\n").error.key, "noModel");
  assert.equal(parseCode("from keras import Sequential\nprint(1)\n").error.key, "noModel");
});

test("another layer is marked, never counted, and so is all after it", () => {
  const code = `model = Sequential([Input(shape=(4,)), Dense(3), Attention(), Dense(2)])`;
  const { rows, totals } = explainCode(parseCode(code));
  assert.deepEqual(rows.map((r) => r.explained), [true, false, false]);
  assert.equal(totals, null);
});
