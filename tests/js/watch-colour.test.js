// lib/watch-colour.js: the watch page's diverging colours and its pictures over
// the plane (the boundary's and each neuron's).
import { test } from "node:test";
import assert from "node:assert/strict";

import {
  BLUE,
  contrast,
  diverging,
  neuronScale,
  pixelsOf,
  planeValues,
  readableOn,
  RED,
} from "../../docs/javascripts/lib/watch-colour.js";

test("blue below, the background at 0, red above, the end colour past ±1", () => {
  const white = [255, 255, 255];
  assert.deepEqual(diverging(0, white), white);
  assert.deepEqual(diverging(1, white), RED);
  assert.deepEqual(diverging(-3, white), BLUE);
  assert.deepEqual(diverging(0.5, [0, 0, 0]), RED.map((v) => Math.round(v / 2)));
});

test("the plane is read row by row, x2 from the top, x1 from the left", () => {
  const values = planeValues((x1, x2) => [x1, x2], 2, [0, 1]);
  assert.deepEqual(values, [[0.25, 0.75], [0.75, 0.75], [0.25, 0.25], [0.75, 0.25]]);
  // A slice of rows is the same rows of the whole grid.
  const f = (x1, x2) => x1 * 10 + x2;
  assert.deepEqual(planeValues(f, 4, [-1, 1], 1, 3), planeValues(f, 4, [-1, 1]).slice(4, 12));
});

test("each value one opaque pixel of its colour", () => {
  const pixels = pixelsOf([-1, 1], (v) => (v < 0 ? BLUE : RED));
  assert.deepEqual(Array.from(pixels), [...BLUE, 255, ...RED, 255]);
});

test("softmax's shares on a ratio scale: an equal share at the middle, a step per doubling", () => {
  const scale = neuronScale("softmax", 32);
  assert.deepEqual(scale.labels, ["1/1024", "1/32", "1"]);
  assert.deepEqual(scale.ends, [1 / 1024, 1 / 32, 1]);
  assert.equal(scale.at(1 / 32), 0);
  assert.equal(scale.at(1), 1);
  assert.equal(scale.at(1 / 1024), -1);
  // log2(32) = 5 doublings from the middle to either end: a fifth each.
  for (const [share, place] of [[1 / 16, 0.2], [1 / 8, 0.4], [1 / 64, -0.2], [1 / 256, -0.6]]) {
    assert.ok(Math.abs(scale.at(share) - place) < 1e-12, share);
  }
  // Past the ends, the end colour; a share of 0 (float32 underflow) is blue.
  assert.equal(scale.at(1e-6), -1);
  assert.equal(scale.at(0), -1);
  // The shares after Keras's 30 epochs for [1, 1] (h22 takes 0.76): the drawn
  // neurons' 0.0010 and 0.0039 are far apart on it, and far from white.
  assert.ok(scale.at(0.001) < -0.95 && scale.at(0.0039) > -0.65 && scale.at(0.0039) < -0.55);
  // One neuron's share is always 1: the top of a scale of halves.
  assert.deepEqual(neuronScale("softmax", 1).labels, ["1/4", "1/2", "1"]);
  assert.equal(neuronScale("softmax", 1).at(1), 1);
});

test("other activations: their ranges, or round ends wide enough for the values drawn", () => {
  assert.deepEqual(neuronScale("sigmoid", 32).labels, ["0", "0.5", "1"]);
  assert.equal(neuronScale("sigmoid", 32).at(0.75), 0.5);
  assert.deepEqual(neuronScale("tanh", 8).labels, ["−1", "0", "1"]);
  assert.equal(neuronScale("tanh", 8).at(-0.5), -0.5);
  const ends = (largest) => neuronScale("relu", 32, largest).ends[2];
  assert.deepEqual([0, 0.4, 1, 1.01, 2, 3, 5.5, 10, 11, 150].map(ends), [1, 1, 1, 2, 2, 5, 10, 10, 20, 200]);
  const linear = neuronScale("linear", 32, 3.2);
  assert.deepEqual(linear.labels, ["−5", "0", "5"]);
  assert.equal(linear.at(-2.5), -0.5);
  assert.equal(linear.at(-7), -1);
});

test("a neuron's name in whichever colour reads better on its fill", () => {
  const black = [0, 0, 0];
  const white = [255, 255, 255];
  assert.equal(contrast(black, white), 21);
  assert.equal(contrast(white, white), 1);
  assert.deepEqual(readableOn(BLUE, [black, white]), white);
  assert.deepEqual(readableOn(diverging(0.2, white), [black, white]), black);
  assert.deepEqual(readableOn(RED, [[226, 228, 233], [30, 33, 41]]), [226, 228, 233]);
});
