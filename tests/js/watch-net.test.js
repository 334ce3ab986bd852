// lib/watch-net.js: where the watch page draws its network, and which weight's
// line a pointer is on.
import { test } from "node:test";
import assert from "node:assert/strict";

import { distanceToLine, lineAt, NET, netLayout } from "../../docs/javascripts/lib/watch-net.js";

test("the question's network: 8 neurons drawn, 24 summed up, a line per weight drawn", () => {
  const layout = netLayout(32);
  const drawn = layout.slots.filter((s) => s.more === undefined).map((s) => s.j);
  assert.deepEqual(drawn, [0, 1, 2, 3, 28, 29, 30, 31]);
  assert.deepEqual(layout.slots.filter((s) => s.more !== undefined).map((s) => s.more), [24]);
  assert.equal(layout.lines.length, 8 * 3);
  assert.equal(layout.height, 346); // the room docs/stylesheets/extra.css keeps for it
  const toH32 = layout.lines.filter((l) => l.j === 31);
  assert.deepEqual(toH32.map((l) => l.kind + (l.r ?? "")), ["in0", "in1", "out"]);
  assert.equal(toH32[2].x2, NET.outputX);
});

test("a pointer on a line finds it; near a neuron or far from lines, none", () => {
  const layout = netLayout(2);
  const line = layout.lines[0];
  const mid = [(line.x1 + line.x2) / 2, (line.y1 + line.y2) / 2];
  assert.equal(distanceToLine(...mid, line), 0);
  assert.equal(lineAt(mid[0], mid[1] + 2, layout.lines), 0);
  assert.equal(lineAt(line.x1 + 1, line.y1, layout.lines), -1); // on input x1
  assert.equal(lineAt(NET.width - 1, 1, layout.lines), -1);
});
