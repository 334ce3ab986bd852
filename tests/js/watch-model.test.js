// lib/watch-model.js against Keras's captures, in node: every captured run's
// loss at every epoch, its trained weights, and each row's stages
// (snippets/watch/keras_runs.json, stages.json). The browser tests drive the
// page itself; these hold the arithmetic alone.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

import { forward, glorotStart, newTrainer } from "../../docs/javascripts/lib/watch-model.js";

const read = (name) =>
  JSON.parse(readFileSync(new URL(`../../snippets/watch/${name}`, import.meta.url)));
const runs = read("keras_runs.json");
const stages = read("stages.json");
const X = [[0, 0], [0, 1], [1, 0], [1, 1]];
const FLOAT32_NOISE = 5e-6; // stages.json holds 6 decimals

function train(run, start) {
  const trainer = newTrainer(start, X, runs.datasets[run.data], run.activation, run.learning_rate);
  const losses = [];
  for (let e = 0; e < run.epochs; e++) losses.push(trainer.step().loss);
  return { losses, weights: trainer.weights() };
}

function largest(a, b) {
  return Math.max(...a.flat().map((v, i) => Math.abs(v - b.flat()[i])));
}

for (const run of runs.runs) {
  test(`${run.data} ${run.activation}: every epoch's loss and the trained weights are Keras's`, () => {
    const { losses, weights } = train(run, runs.starts[String(run.units)]);
    assert.equal(losses.length, run.epochs);
    losses.forEach((loss, e) => {
      assert.ok(Math.abs(loss - run.losses[e]) <= 1e-5, `epoch ${e + 1}: ${loss}, Keras ${run.losses[e]}`);
    });
    for (const name of ["kernel", "bias", "kernel_2", "bias_2"]) {
      assert.ok(largest(weights[name], run.trained[name]) <= 1e-4, name);
    }
  });
}

test("bite: one start weight changed by 0.05 is no longer Keras's log", () => {
  const run = runs.runs[0];
  const start = structuredClone(runs.starts["32"]);
  start.kernel[0][0] += 0.05;
  const { losses } = train(run, start);
  assert.ok(losses.some((loss, e) => Math.abs(loss - run.losses[e]) > 1e-5));
});

for (const when of ["start", "trained"]) {
  test(`each row's stages with Keras's ${when} weights are Keras's layer outputs`, () => {
    const question = runs.runs[0];
    const w = when === "start" ? runs.starts["32"] : question.trained;
    stages[when].forEach((keras, row) => {
      const s = forward(w, X[row], question.activation);
      for (const [ours, theirs] of [
        [s.dense, keras.dense], [s.hidden, keras.softmax],
        [[s.dense_2], keras.dense_2], [[s.sigmoid], keras.sigmoid],
      ]) {
        assert.ok(largest(ours, [theirs].flat()) <= FLOAT32_NOISE, `row ${row}`);
      }
    });
  });
}

test("the page's own start is Glorot uniform, zero biases, the same for the same seed", () => {
  const w = glorotStart(5, 0);
  const limit = Math.sqrt(6 / (2 + 5));
  assert.ok(w.kernel.flat().every((v) => Math.abs(v) <= limit));
  assert.deepEqual(w.bias, [0, 0, 0, 0, 0]);
  assert.deepEqual(glorotStart(5, 0), w);
  assert.notDeepEqual(glorotStart(5, 1), w);
});
