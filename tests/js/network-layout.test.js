// lib/network-layout.js: the calculator's drawing, laid out without a page.
import assert from "node:assert/strict";
import { test } from "node:test";

import { CALCULATOR_WORDS } from "../../docs/javascripts/lib/calculator-words.js";
import {
  compute, fromQuery,
} from "../../docs/javascripts/lib/calculator-state.js";
import {
  KEEP, column, layoutNetwork,
} from "../../docs/javascripts/lib/network-layout.js";

const width = (text, bold) => text.length * (bold ? 8 : 7); // any font will do

function model(query, t = CALCULATOR_WORDS.en) {
  const result = compute(fromQuery(query, t).state, t);
  return { input: result.input, layers: result.rows, total: result.total };
}

test("a column of up to 2·KEEP neurons is drawn whole", () => {
  assert.equal(KEEP, 4);
  assert.deepEqual(column(1n), { slots: [0], size: 1, hidden: 0n });
  assert.deepEqual(column(8n), { slots: [0, 1, 2, 3, 4, 5, 6, 7], size: 8, hidden: 0n });
});

test("a longer column: its first and last KEEP, two slots of gap between", () => {
  assert.deepEqual(column(9n), { slots: [0, 1, 2, 3, 6, 7, 8, 9], size: 10, hidden: 1n });
  assert.deepEqual(column(32n, 2), { slots: [0, 1, 4, 5], size: 6, hidden: 28n });
  assert.equal(column(2n ** 60n).hidden, 2n ** 60n - 8n);
});

test("the question's network: every drawn weight, neuron and count", () => {
  const layout = layoutNetwork(model("?input=2&units=32,1&activation=softmax,sigmoid"),
    CALCULATOR_WORDS.en.diagram, width);
  const of = (tag, cls) => layout.items.filter((i) => i.tag === tag &&
    (cls === undefined || i.attrs.class === cls));
  // 2 inputs to 8 drawn neurons, 8 to 1; a bias line to each drawn neuron.
  assert.equal(of("line", "calc-d-kernel").length, 2 * 8 + 8 * 1);
  assert.equal(of("line", "calc-d-bias").length, 8 + 1 + 1, "and the legend's");
  assert.equal(of("circle", "calc-d-neuron").length, 8 + 1);
  assert.equal(of("circle", "calc-d-input").length, 2);
  assert.equal(of("circle", "calc-d-constant").length, 2);
  const texts = of("text").map((i) => i.text);
  for (const words of ["Dense(32)", "then softmax", "24 more", "kernel 2 × 32 = 64",
    "bias 32", "96 parameters", "kernel 32 × 1 = 32", "33 parameters",
    "129 parameters in all"]) {
    assert.ok(texts.includes(words), words);
  }
  // The ⋮ sits midway between the 4th and the 5th drawn neuron of the column.
  const ys = of("circle", "calc-d-neuron").slice(0, 8).map((c) => c.attrs.cy);
  const more = of("text").find((i) => i.text === "⋮");
  assert.equal(more.attrs.y + 4, (ys[3] + ys[4]) / 2);
  assert.match(layout.desc, /^2 inputs\. Dense\(32\) then softmax: kernel 2 × 32 = 64, bias 32, 64 \+ 32 = 96 parameters\./);
  assert.match(layout.desc, /8 of the 32 neurons of Dense\(32\) are drawn\. 129 parameters in all\./);
  // Everything drawn lies inside the drawing.
  for (const item of layout.items) {
    for (const key of ["x", "x1", "x2", "cx"]) {
      if (key in item.attrs) assert.ok(item.attrs[key] >= 0 && item.attrs[key] <= layout.width);
    }
    for (const key of ["y", "y1", "y2", "cy"]) {
      if (key in item.attrs) assert.ok(item.attrs[key] >= 0 && item.attrs[key] <= layout.height);
    }
  }
});

test("in Chinese, without a bias, in float16", () => {
  const zh = CALCULATOR_WORDS.zh;
  const layout = layoutNetwork(model("?input=1&units=1&bias=0&dtype=float16", zh),
    zh.diagram, width);
  const texts = layout.items.filter((i) => i.tag === "text").map((i) => i.text);
  assert.ok(texts.includes("无偏置") && texts.includes("float16") && texts.includes("1 个参数"));
  assert.equal(layout.items.filter((i) => i.attrs.class === "calc-d-bias").length, 1,
    "the legend's dashed line only");
  assert.equal(layout.title, "按计算器中的层画出的网络");
});
