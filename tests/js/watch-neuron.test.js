// lib/watch-neuron.js: an opened neuron's numbers are the stages Keras's
// layers output (snippets/watch/stages.json), and the diagram's slots.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

import { drawnScale, hiddenNeuron, outputNeuron, shownNeurons } from "../../docs/javascripts/lib/watch-neuron.js";

const read = (name) =>
  JSON.parse(readFileSync(new URL(`../../snippets/watch/${name}`, import.meta.url)));
const runs = read("keras_runs.json");
const stages = read("stages.json");
const X = [[0, 0], [0, 1], [1, 0], [1, 1]];
const close = (a, b) => Math.abs(a - b) <= 5e-6;

test("each hidden neuron's sum and softmax share are Keras's, at the start and trained", () => {
  for (const [when, w] of [["start", runs.starts["32"]], ["trained", runs.runs[0].trained]]) {
    stages[when].forEach((keras, row) => {
      for (let j = 0; j < 32; j++) {
        const n = hiddenNeuron(w, X[row], j, "softmax");
        assert.ok(close(n.h, keras.dense[j]), `${when} row ${row} h${j + 1}`);
        assert.ok(close(n.a, keras.softmax[j]), `${when} row ${row} a${j + 1}`);
        // Its own arithmetic, as the page prints it: x1·w1 + x2·w2 + b.
        const sum = n.inputs[0] * n.weights[0] + n.inputs[1] * n.weights[1] + n.bias;
        assert.ok(Math.abs(sum - n.h) <= 1e-6);
        assert.ok(Math.abs(n.total - 1) <= 1e-5);
      }
    });
  }
});

test("the output neuron's z and sigmoid are Keras's dense_2 and prediction", () => {
  for (const [when, w] of [["start", runs.starts["32"]], ["trained", runs.runs[0].trained]]) {
    stages[when].forEach((keras, row) => {
      const n = outputNeuron(w, X[row], "softmax");
      assert.ok(close(n.z, keras.dense_2[0]), `${when} row ${row} z`);
      assert.ok(close(n.p, keras.sigmoid[0]), `${when} row ${row} p`);
      assert.equal(n.inputs.length, 32);
      // What the page prints: the largest term, the other 31 together, and b.
      const top = n.inputs[n.largest] * n.weights[n.largest];
      assert.ok(Math.abs(top + n.rest + n.bias - n.z) <= 1e-5, `${when} row ${row}`);
      assert.ok(n.inputs.every((a, i) => Math.abs(a * n.weights[i]) <= Math.abs(top)));
    });
  }
});

test("bite: a changed stage is not what the neuron computes", () => {
  const keras = structuredClone(stages.start[3]);
  keras.dense[4] += 1e-4;
  const n = hiddenNeuron(runs.starts["32"], X[3], 4, "softmax");
  assert.ok(!close(n.h, keras.dense[4]));
});

test("the diagram draws up to 10 neurons, then the first 4, the rest counted, the last 4", () => {
  assert.deepEqual(shownNeurons(3), [0, 1, 2]);
  assert.equal(shownNeurons(10).length, 10);
  assert.deepEqual(shownNeurons(32), [0, 1, 2, 3, { more: 24 }, 28, 29, 30, 31]);
  assert.deepEqual(shownNeurons(11), [0, 1, 2, 3, { more: 3 }, 7, 8, 9, 10]);
});

test("the drawn neurons' scale: fixed for softmax, wide enough for relu's values at the rows", () => {
  const trained = runs.runs[0].trained;
  const drawn = [0, 1, 2, 3, 28, 29, 30, 31];
  assert.deepEqual(drawnScale(trained, "softmax", drawn, X).labels, ["1/1024", "1/32", "1"]);
  // relu: the largest of the drawn neurons' values at the four rows, rounded up.
  let largest = 0;
  X.forEach((x) => drawn.forEach((j) => {
    largest = Math.max(largest, hiddenNeuron(trained, x, j, "relu").a);
  }));
  const ends = drawnScale(trained, "relu", drawn, X).ends;
  assert.ok(largest > 0 && largest <= ends[2] && ends[2] <= 2.5 * largest, [largest, ends]);
  // Only the drawn neurons count: one neuron alone gives a scale of its own.
  const one = hiddenNeuron(trained, [1, 1], 2, "relu").a;
  assert.ok(drawnScale(trained, "relu", [2], [[1, 1]]).ends[2] >= one);
});
