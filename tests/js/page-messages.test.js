// lib/page-messages.js: a page speaks the language of its <html lang>.
import assert from "node:assert/strict";
import { test } from "node:test";

import { messagesFor } from "../../docs/javascripts/lib/page-messages.js";

const TABLES = { en: { hello: "Hello" }, zh: { hello: "你好" } };

test("a Chinese page, with or without a script subtag, speaks Chinese", () => {
  assert.equal(messagesFor(TABLES, "zh").hello, "你好");
  assert.equal(messagesFor(TABLES, "zh-Hans").hello, "你好");
});

test("any other language, or none, speaks English", () => {
  for (const lang of ["en", "fr", "", undefined, "constructor", "__proto__"]) {
    assert.equal(messagesFor(TABLES, lang).hello, "Hello", String(lang));
  }
});
