// lib/watch-text.js: the watch page's numbers as printed, and its training log,
// Keras's losses beside the page's while Keras's log lasts.
import { test } from "node:test";
import assert from "node:assert/strict";

import { fixed, inBrackets, logText, shortList, signed } from "../../docs/javascripts/lib/watch-text.js";

const t = {
  epochLine: (e, acc, loss) => "Epoch " + e + " - accuracy: " + acc + " - loss: " + loss,
  kerasSays: (loss) => " | " + loss,
  kerasEnds: (n) => "ends " + n,
  omitted: (n) => "omitted " + n,
  notStarted: "none",
};

test("numbers to 4 decimals, a real minus sign, brackets around a negative term", () => {
  assert.equal(fixed(0.12345), "0.1235");
  assert.equal(signed(-0.5), "−0.5000");
  assert.equal(inBrackets(-0.5), "(−0.5000)");
  assert.equal(inBrackets(0.5), "0.5000");
  assert.equal(shortList([1, 2, 3, 4, 5], 2, 0), "1, 2, … (1 more) …, 4, 5");
  assert.equal(shortList([1, 2], 2, 0), "1, 2");
});

test("the log: Keras's losses beside the page's, then where Keras's log ends", () => {
  const keras = { epochs: 2, losses: [0.7, 0.6] };
  assert.equal(logText([], [], keras, t), "none");
  const lines = logText([0.7, 0.6, 0.5], [0.25, 0.5, 1], keras, t).split("\n");
  assert.deepEqual(lines, [
    "Epoch 1 - accuracy: 0.2500 - loss: 0.7000 | 0.7000",
    "Epoch 2 - accuracy: 0.5000 - loss: 0.6000 | 0.6000",
    "ends 2",
    "Epoch 3 - accuracy: 1.0000 - loss: 0.5000",
  ]);
});

test("past Keras's log only the last epochs are kept, the rest counted", () => {
  const losses = Array.from({ length: 10 }, (_, i) => 1 - i / 10);
  const accuracies = losses.map(() => 1);
  const lines = logText(losses, accuracies, { epochs: 2, losses: [1, 0.9] }, t, 3).split("\n");
  assert.equal(lines.length, 2 + 1 + 1 + 3);
  assert.equal(lines[3], "omitted 5");
  assert.match(lines[4], /^Epoch 8 /);
  assert.match(lines.at(-1), /^Epoch 10 /);
  assert.equal(logText(losses, accuracies, null, t, 3).split("\n")[0], "omitted 7");
});
