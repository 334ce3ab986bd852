// Reading a pasted summary (docs/javascripts/lib/summary-parse.js) and
// explaining its rows (explain.js): the question's summary in Keras 3's and
// tf-keras's table, with notebook text around it, and half a table.
import assert from "node:assert/strict";
import { test } from "node:test";

import { parseSummary } from "../../docs/javascripts/lib/summary-parse.js";
import { explainSummary } from "../../docs/javascripts/lib/explain.js";

const KERAS3 = `In [3]: model.summary()
Model: "sequential"
┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━┓
┃ Layer (type)                    ┃ Output Shape           ┃       Param # ┃
┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━┩
│ dense (Dense)                   │ (None, 32)             │            96 │
├─────────────────────────────────┼────────────────────────┼───────────────┤
│ activation (Activation)         │ (None, 32)             │             0 │
├─────────────────────────────────┼────────────────────────┼───────────────┤
│ dense_1 (Dense)                 │ (None, 1)              │            33 │
├─────────────────────────────────┼────────────────────────┼───────────────┤
│ activation_1 (Activation)       │ (None, 1)              │             0 │
└─────────────────────────────────┴────────────────────────┴───────────────┘
 Total params: 129 (516.00 B)
 Trainable params: 129 (516.00 B)
 Non-trainable params: 0 (0.00 B)
In [4]:`;

const KERAS2 = `Model: "sequential"
_________________________________________________________________
 Layer (type)                Output Shape              Param #   
=================================================================
 conv2d (Conv2D)             (None, 28, 28, 8)         224       
                                                                 
 batch_normalization (Batch  (None, 28, 28, 8)         32        
 Normalization)                                                  
                                                                 
 flatten (Flatten)           (None, 6272)              0         
                                                                 
 dense (Dense)               (None, 10)                62730     
                                                                 
=================================================================
Total params: 62986 (246.04 KB)
Trainable params: 62970 (245.98 KB)
Non-trainable params: 16 (64.00 Byte)
_________________________________________________________________`;

test("Keras 3's table, with the notebook around it", () => {
  const s = parseSummary(KERAS3);
  assert.equal(s.format, "keras3");
  assert.deepEqual(s.rows.map((r) => [r.name, r.type, r.shape, r.params]), [
    ["dense", "Dense", "(None, 32)", 96n],
    ["activation", "Activation", "(None, 32)", 0n],
    ["dense_1", "Dense", "(None, 1)", 33n],
    ["activation_1", "Activation", "(None, 1)", 0n],
  ]);
  assert.equal(s.totals.total.value, 129n);
  const e = explainSummary(s);
  assert.deepEqual(e.rows.map((r) => r.formula), [
    "2·32 + 32 = 96", "0", "32·1 + 1 = 33", "0",
  ]);
  // The first row hides its input: 96 = n·32 + 32 gives 2, or 3 without a bias.
  assert.deepEqual(e.rows[0].readings.map((r) => [r.setting, r.inputs]), [
    ["bias", 2n], ["noBias", 3n],
  ]);
  assert.equal(e.totals.total, 129n);
});

test("tf-keras's table: a name folded over two lines is joined", () => {
  const s = parseSummary(KERAS2);
  assert.equal(s.format, "keras2");
  assert.equal(s.rows[1].name, "batch_normalization");
  assert.equal(s.rows[1].type, "BatchNormalization");
  const e = explainSummary(s);
  assert.deepEqual(e.rows.map((r) => r.formula), [
    "27·8 + 8 = 224", "2·8 + 2·8 = 32", "0", "6272·10 + 10 = 62,730",
  ]);
  assert.equal(e.totals.nonTrainable, 16n);
  assert.equal(e.totals.trainable, 62970n);
});

test("a row no formula fits says so; use_bias=False is found", () => {
  const nobias = KERAS3.replace("│            96 │", "│            64 │");
  const e = explainSummary(parseSummary(nobias));
  assert.deepEqual(e.rows[0].readings.map((r) => r.setting), ["bias", "noBias"]);
  const odd = KERAS3.replace("│            33 │", "│            34 │");
  const f = explainSummary(parseSummary(odd));
  assert.equal(f.rows[2].explained, false);
  assert.equal(f.rows[2].note, "noFit");
});

test("half a table and a bad count name their line", () => {
  const half = KERAS3.split("\n").slice(0, 8).join("\n");
  assert.deepEqual(parseSummary(half).error, { key: "halfTable", line: 8, values: {} });
  const bad = KERAS3.replace("│            33 │", "│          3x3 │");
  assert.equal(parseSummary(bad).error.key, "badParams");
  assert.equal(parseSummary(bad).error.line, 10);
  assert.equal(parseSummary("no table here").error.key, "noHeader");
});
