// lib/summary-text.js against Keras 3: for every model of the captured corpus
// (snippets/explain/corpus.json), the text the page writes from the model's
// code is the summary Keras 3 printed, character for character. What varies
// between a fresh session and the corpus's run is forgiven, and only that:
// the numbers Keras appends to the names (dense_41 for dense) and to the
// model's (sequential_17). The wrapping is checked with Keras's own names.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { parseCode } from "../../docs/javascripts/lib/code-parse.js";
import { explainCode } from "../../docs/javascripts/lib/explain.js";
import { parseSummary } from "../../docs/javascripts/lib/summary-parse.js";
import {
  LINE_LENGTH, cellLength, columnWidths, summaryText, wrapCell,
} from "../../docs/javascripts/lib/summary-text.js";

const CORPUS = new URL("../../snippets/explain/corpus.json", import.meta.url);
const { models } = JSON.parse(readFileSync(CORPUS, "utf8"));
const QUESTION = readFileSync(
  new URL("../../snippets/answer/summary.out", import.meta.url), "utf8",
);
const unnumbered = (name) => name.replace(/_\d+$/, "");

test("the column widths of Keras's 76-character table, and others rich printed", () => {
  assert.equal(LINE_LENGTH, 76);
  assert.deepEqual(columnWidths(76), [31, 22, 13]);
  const header = QUESTION.split("\n")[2];
  assert.deepEqual(header.split("┃").slice(1, -1).map((c) => c.length - 2), [31, 22, 13]);
  // rich 15's widths for Keras's columns at 88 and 60 characters.
  assert.deepEqual(columnWidths(88), [36, 27, 15]);
  assert.deepEqual(columnWidths(60), [24, 17, 9]);
});

test("cells wrap as rich wraps them", () => {
  assert.deepEqual(wrapCell("layer_normalization (LayerNormalization)", 31),
    ["layer_normalization", "(LayerNormalization)"]);
  assert.deepEqual(wrapCell("a_name_longer_than_its_cell (Dense)", 10),
    ["a_name_lon", "ger_than_i", "ts_cell", "(Dense)"]);
  assert.deepEqual(wrapCell("", 5), [""]);
  assert.equal(cellLength("层a"), 3);
});

test("the question's model: the summary on the answer page, exactly", () => {
  const rows = [
    ["dense", "Dense", "(None, 32)", 96n], ["activation", "Activation", "(None, 32)", 0n],
    ["dense_1", "Dense", "(None, 1)", 33n], ["activation_1", "Activation", "(None, 1)", 0n],
  ].map(([name, type, shape, params]) => ({ name, type, shape, params }));
  const totals = { total: 129n, trainable: 129n, nonTrainable: 0n, bytes: 516n,
    trainableBytes: 516n, nonTrainableBytes: 0n };
  assert.equal(summaryText(rows, totals), QUESTION);
});

test("every corpus model's code gives the summary Keras 3 printed", () => {
  assert.ok(models.length >= 300);
  const wrong = [];
  models.forEach((m, i) => {
    const explained = explainCode(parseCode(m.code.list));
    const keras = parseSummary(m.keras3);
    assert.ok(!keras.error && explained.totals, `model ${i}`);
    // Fresh-session names, as the page gives them: Keras's, numbers aside.
    assert.deepEqual(explained.rows.map((r) => unnumbered(r.name)),
      keras.rows.map((r) => unnumbered(r.name)), `model ${i}`);
    const renamed = explained.rows.map((r, j) => ({ ...r, name: keras.rows[j].name }));
    const name = m.keras3.match(/^Model: "([^"]+)"/)[1];
    const text = summaryText(renamed, explained.totals, { name });
    if (text !== m.keras3) wrong.push(`model ${i}:\n${text}\nKeras:\n${m.keras3}`);
  });
  assert.equal(wrong.length, 0, `${wrong.length} differ; the first:\n${wrong[0]}`);
});
