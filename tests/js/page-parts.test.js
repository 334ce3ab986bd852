// lib/page-parts.js: a page that lost one of its script's elements gets an
// error naming the script and every missing selector, not a crash later.
import assert from "node:assert/strict";
import { test } from "node:test";

import { pageParts } from "../../docs/javascripts/lib/page-parts.js";

const root = (present) => ({
  querySelector: (selector) => (present.includes(selector) ? { selector } : null),
});

test("every element found: each under its name", () => {
  const parts = pageParts(root(["#a", "[data-b]"]), { a: "#a", b: "[data-b]" }, "x.js");
  assert.deepEqual(parts, { a: { selector: "#a" }, b: { selector: "[data-b]" } });
});

test("missing elements: one error naming the script and each selector", () => {
  assert.throws(
    () => pageParts(root(["#a"]), { a: "#a", b: "[data-b]", c: ".c" }, "calculator.js"),
    { message: /^calculator\.js: the page has no \[data-b\], \.c \(/ },
  );
});
