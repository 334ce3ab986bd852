// The counting rules of docs/javascripts/lib/layer-counts.js, each against a
// count Keras 3 printed (snippets/explain/corpus.py captures hundreds more:
// tests/js/explain-corpus.test.js).
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  countLayer, denseParams, formatShape, readableBytes, recurrentCount,
  snakeCase, windowed,
} from "../../docs/javascripts/lib/layer-counts.js";

const layer = (type, config) => ({ type, config });

test("the question's Dense layers: 2·32 + 32 = 96 and 32·1 + 1 = 33", () => {
  assert.equal(denseParams(2, 32, true), 96n);
  assert.equal(denseParams(32, 1, true), 33n);
  assert.equal(denseParams(2, 32, false), 64n);
  const first = countLayer(layer("Dense", { units: 32, use_bias: true }), [null, 2]);
  assert.equal(first.formula, "2·32 + 32 = 96");
  assert.deepEqual(first.output, [null, 32]);
});

test("Dense on a rank-3 input counts only the last axis", () => {
  const r = countLayer(layer("Dense", { units: 32, use_bias: true }), [null, 10, 2]);
  assert.equal(r.params, 96n);
  assert.equal(formatShape(r.output), "(None, 10, 32)");
});

test("Conv2D 3×3, 8 filters on 3 channels: 224 (printed by Keras 3)", () => {
  const r = countLayer(layer("Conv2D", {
    filters: 8, kernel_size: 3, strides: 1, padding: "same", use_bias: true,
  }), [null, 28, 28, 3]);
  assert.equal(r.params, 224n);
  assert.deepEqual(r.output, [null, 28, 28, 8]);
  assert.equal(windowed(28, 3, 2, "valid"), 13);
  assert.equal(windowed(28, 3, 2, "same"), 14);
});

test("recurrent layers: LSTM counts its input kernel, GRU resets after", () => {
  // Bidirectional(LSTM(4)) on 2 features printed 224; GRU(8) on 16, 624;
  // SimpleRNN(3) on 8, 36.
  assert.equal(2n * recurrentCount("LSTM", 2, 4, true).params, 224n);
  assert.equal(recurrentCount("GRU", 16, 8, true, true).params, 624n);
  assert.equal(recurrentCount("SimpleRNN", 8, 3, true).params, 36n);
  assert.equal(recurrentCount("LSTM", 128, 128, true).params, 131584n);
});

test("BatchNormalization: 2·8 trainable, 2·8 not", () => {
  const r = countLayer(layer("BatchNormalization", { center: true, scale: true }),
    [null, 28, 28, 8]);
  assert.equal(r.params, 32n);
  assert.equal(r.trainable, 16n);
  assert.equal(r.nonTrainable, 16n);
});

test("bytes and names as Keras prints them", () => {
  assert.equal(readableBytes(516n), "516.00 B");
  assert.equal(readableBytes(64700n), "63.18 KB");
  assert.equal(snakeCase("MaxPooling2D"), "max_pooling2d");
  assert.equal(snakeCase("SimpleRNN"), "simple_rnn");
  assert.equal(snakeCase("BatchNormalization"), "batch_normalization");
});
