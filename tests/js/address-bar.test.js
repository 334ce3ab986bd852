// lib/address-bar.js: the address follows a burst of changes once, with its
// last state, and keeps the hash.
import assert from "node:assert/strict";
import { test } from "node:test";

import { addressKeeper, oncePerBurst } from "../../docs/javascripts/lib/address-bar.js";

function fakeHistory() {
  return {
    state: { page: 1 },
    written: [],
    replaceState(state, title, url) { this.written.push([state, url]); },
  };
}

test("a burst of 100 changes writes the address once, with the last state", async () => {
  const history = fakeHistory();
  const location = { pathname: "/calculator/", hash: "#result" };
  let units = 0;
  const keep = addressKeeper(history, location, () => "?units=" + units);
  for (units = 1; units <= 100; units++) keep();
  units = 100;
  assert.deepEqual(history.written, [], "not before the burst ends");
  await Promise.resolve();
  assert.deepEqual(history.written, [[{ page: 1 }, "?units=100#result"]]);
  keep();
  await Promise.resolve();
  assert.equal(history.written.length, 2, "a later change writes again");
});

test("no query: the page's bare path, its hash kept", async () => {
  const history = fakeHistory();
  const keep = addressKeeper(history, { pathname: "/explain/", hash: "#x" }, () => "");
  keep();
  await Promise.resolve();
  assert.deepEqual(history.written, [[{ page: 1 }, "/explain/#x"]]);
});

test("oncePerBurst waits for the scheduler it is given", () => {
  const queued = [];
  let runs = 0;
  const once = oncePerBurst(() => { runs += 1; }, (f) => queued.push(f));
  once();
  once();
  assert.equal(queued.length, 1);
  queued.shift()();
  assert.equal(runs, 1);
});
