// lib/explain.js's markupNames: a name that holds markup, in a table or in
// code, is named with its line; the rows are still explained as Keras counts.
import assert from "node:assert/strict";
import { test } from "node:test";

import { parseCode } from "../../docs/javascripts/lib/code-parse.js";
import { explainCode, explainSummary, markupNames } from "../../docs/javascripts/lib/explain.js";
import { parseSummary } from "../../docs/javascripts/lib/summary-parse.js";
import { summaryText } from "../../docs/javascripts/lib/summary-text.js";

test("a <script> name in an otherwise valid Keras 3 table: explained, and named", () => {
  const rows = [{ name: "<script>alert(1)</script>", type: "Dense", shape: "(None, 32)",
    params: 96n }];
  const totals = { total: 96n, trainable: 96n, nonTrainable: 0n, bytes: 384n,
    trainableBytes: 384n, nonTrainableBytes: 0n };
  const parsed = parseSummary(summaryText(rows, totals));
  assert.ok(!parsed.error);
  const explained = explainSummary(parsed);
  assert.deepEqual(explained.rows.map((r) => [r.name, r.explained, r.params]),
    [["<script>alert(1)</script>", true, 96n]]);
  assert.deepEqual(markupNames(explained.rows), [
    { key: "markupName", line: 5, values: { name: "<script>alert(1)</script>" } },
  ]);
});

test("a name with markup in code is named with its line; plain names are not", () => {
  const model = parseCode("import keras\nmodel = keras.Sequential([\n  keras.Input(shape=(2,)),\n" +
    '  keras.layers.Dense(3, name="<b>x</b>"),\n  keras.layers.Dense(1, name="out"),\n])\n');
  const rows = explainCode(model).rows;
  assert.deepEqual(markupNames(rows).map((m) => [m.line, m.values.name]), [[4, "<b>x</b>"]]);
});
