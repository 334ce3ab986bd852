// lib/watch-colour.js: the watch page's diverging colours and its pictures over
// the plane (the boundary's and each neuron's).
import { test } from "node:test";
import assert from "node:assert/strict";

import { BLUE, diverging, pixelsOf, planeValues, RED } from "../../docs/javascripts/lib/watch-colour.js";

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
