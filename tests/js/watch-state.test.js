// lib/watch-state.js: the watch page's link, read, checked and written back;
// a value that is not allowed is a named problem, never replaced.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

import {
  check, DEFAULTS, findRun, fromQuery, rateOf, toQuery, wholeIn, X, xOf,
} from "../../docs/javascripts/lib/watch-state.js";

// The messages name what they are given, so a test can see which problem it is.
const t = {
  badChoice: (key, value, allowed) => "choice " + key + " " + value + " " + allowed.join("|"),
  badUnits: "units", badRate: "rate", badX: "x", badRow: "row",
  unknownKey: (key) => "unknown " + key,
};

test("the question's link is the defaults, and writes back as it was read", () => {
  const { state, problems } = fromQuery("", t);
  assert.deepEqual(state, DEFAULTS);
  assert.deepEqual(problems, []);
  const query = toQuery(state);
  assert.equal(query, "?data=and&units=32&activation=softmax&lr=0.1&row=3&weights=start");
  assert.deepEqual(fromQuery(query, t).state, state);
  const checked = check(state, t);
  assert.deepEqual(checked.problems, []);
  assert.deepEqual(checked.config, {
    data: "and", activation: "softmax", weights: "start", units: 32, lr: 0.1, row: 3, x: [1, 1],
  });
});

test("an own row replaces the chosen row, and keeps its comma in the link", () => {
  const { state } = fromQuery("?x=0.5,-1&row=2", t);
  assert.equal(state.row, null);
  assert.deepEqual(check(state, t).config.x, [0.5, -1]);
  assert.match(toQuery(state), /&x=0\.5,-1&weights=/);
});

test("each wrong value is named, and an unknown key too", () => {
  const { state, problems } = fromQuery("?data=nand&units=32.0&activation=gelu&lr=0&row=4&zz=1", t);
  assert.deepEqual(problems, ["unknown zz"]);
  const found = check(state, t).problems;
  assert.deepEqual(found.map((p) => p.key), ["data", "activation", "units", "lr", "row"]);
  assert.equal(found[0].message, "choice data nand and|or|xor");
  assert.match(found[1].message, /^choice activation gelu softmax\|/);
});

test("numbers are read strictly", () => {
  assert.equal(wholeIn("32", [1, 256]), 32);
  for (const text of ["32.0", "3e1", " 32", "0", "257", ""]) assert.equal(wholeIn(text, [1, 256]), null, text);
  assert.equal(rateOf("0.1"), 0.1);
  assert.equal(rateOf("1e-3"), 0.001);
  assert.equal(rateOf(".5"), 0.5);
  for (const text of ["0", "11", "-0.1", "0.1.2", "one"]) assert.equal(rateOf(text), null, text);
  assert.deepEqual(xOf("0.5, 1"), [0.5, 1]);
  for (const text of ["1", "1,2,3", "a,1", "1001,0", "1,"]) assert.equal(xOf(text), null, text);
  assert.deepEqual(X, [[0, 0], [0, 1], [1, 0], [1, 1]]);
});

test("Keras's captured run is found for its configuration only", () => {
  const runs = JSON.parse(readFileSync(new URL("../../snippets/watch/keras_runs.json", import.meta.url)));
  const question = runs.runs[0];
  const config = check(DEFAULTS, t).config;
  assert.equal(findRun(runs.runs, config), question);
  assert.equal(findRun(runs.runs, Object.assign({}, config, { lr: 0.2 })), null);
});
