// Every model of the captured corpus (snippets/explain/corpus.py, its
// corpus.json) through the pure modules: each summary, Keras 3's and
// tf-keras's, is explained row by row with a formula that fits, and each
// piece of code gives Keras's own per-layer counts, output shapes and totals.
// A wrong formula for any one layer type fails it.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { parseCode } from "../../docs/javascripts/lib/code-parse.js";
import { explainCode, explainSummary } from "../../docs/javascripts/lib/explain.js";
import { parseSummary } from "../../docs/javascripts/lib/summary-parse.js";

const CORPUS = new URL("../../snippets/explain/corpus.json", import.meta.url);
const { models } = JSON.parse(readFileSync(CORPUS, "utf8"));

const keras = (m) => m.layers.map((l) => [l.type, BigInt(l.params), l.shape]);

test("the corpus holds at least 300 models", () => {
  assert.ok(models.length >= 300, `${models.length} models`);
});

for (const format of ["keras3", "tf_keras"]) {
  test(`each ${format} summary: every row explained, totals as Keras's`, () => {
    models.forEach((m, i) => {
      const parsed = parseSummary(m[format]);
      assert.ok(!parsed.error, `model ${i}: ${JSON.stringify(parsed.error)}`);
      const e = explainSummary(parsed);
      const where = `model ${i} (${format})\n${m[format]}`;
      assert.deepEqual(e.rows.map((r) => [r.type, r.params, r.shape]), keras(m), where);
      e.rows.forEach((r, j) => assert.ok(r.explained, `${where}\nrow ${j} not explained`));
      assert.equal(e.totals.total, BigInt(m.total), where);
      const frozen = m.layers.reduce((a, l) => a + BigInt(l.non_trainable), 0n);
      assert.equal(e.totals.nonTrainable, frozen, where);
    });
  });
}

for (const form of ["list", "add"]) {
  test(`each model's code (${form} form): Keras's counts and shapes`, () => {
    models.forEach((m, i) => {
      const parsed = parseCode(m.code[form]);
      const where = `model ${i} (${form})\n${m.code[form]}`;
      assert.ok(parsed.layers, `${where}\n${JSON.stringify(parsed)}`);
      assert.equal(parsed.flags.length, m.old_spelling && form === "add" ? 1 : 0, where);
      const e = explainCode(parsed);
      assert.ok(!e.error, `${where}\n${JSON.stringify(e.error)}`);
      assert.deepEqual(e.rows.map((r) => [r.type, r.params, r.shape]), keras(m), where);
      assert.deepEqual(e.rows.map((r) => [BigInt(r.trainable), BigInt(r.nonTrainable)]),
        m.layers.map((l) => [BigInt(l.trainable), BigInt(l.non_trainable)]), where);
      assert.equal(e.totals.total, BigInt(m.total), where);
    });
  });
}
