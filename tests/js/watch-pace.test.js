// lib/watch-pace.js: the speed control's epochs per second, the stops of a run
// without animation, and the loss chart's axis.
import { test } from "node:test";
import assert from "node:assert/strict";

import { axisEnd, axisTicks, epochsDue, MAX_EPOCHS, SPEEDS, stillStop } from "../../docs/javascripts/lib/watch-pace.js";

test("a speed runs its epochs per second, counted from Play", () => {
  assert.equal(epochsDue(1, 999, 0, 0), 0);
  assert.equal(epochsDue(1, 1000, 0, 0), 1);
  assert.equal(epochsDue(5, 2000, 4, 4), 6);
  assert.equal(epochsDue(100, 500, 50, 50), 0);
  assert.equal(epochsDue(1000, 1000, 0, MAX_EPOCHS - 3), 3);
  assert.ok(SPEEDS.every((s, i) => i === 0 || s > SPEEDS[i - 1]));
});

test("without animation, Play stops at Keras's last epoch, then every 100", () => {
  assert.equal(stillStop(0, 30), 30);
  assert.equal(stillStop(12, 30), 30);
  assert.equal(stillStop(30, 30), 130);
  assert.equal(stillStop(0, null), 100);
  assert.equal(stillStop(MAX_EPOCHS - 5, 30), MAX_EPOCHS);
});

test("the loss chart's axis ends at Keras's run, then at round numbers past it", () => {
  assert.equal(axisEnd(0, 30), 30);
  assert.equal(axisEnd(30, 30), 30);
  assert.equal(axisEnd(31, 30), 50);
  assert.equal(axisEnd(0, null), 30);
  assert.equal(axisEnd(101, 50), 200);
  assert.equal(axisEnd(2001, 30), 5000);
  assert.deepEqual(axisTicks(30), [0, 10, 20, 30]);
  assert.deepEqual(axisTicks(50), [0, 10, 20, 30, 40, 50]);
  assert.deepEqual(axisTicks(200), [0, 50, 100, 150, 200]);
  assert.deepEqual(axisTicks(10000), [0, 2000, 4000, 6000, 8000, 10000]);
});
