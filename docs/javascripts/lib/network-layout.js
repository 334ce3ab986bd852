/*
 * The drawing of a stack of Dense layers (the calculator's, docs/calculator.md,
 * and "Explain your model"'s), laid out as pure functions (no DOM), like the
 * answer page's figure (snippets/diagrams/network.py): the inputs, each Dense
 * layer's neurons (a column of more than 2·KEEP shows its first KEEP and last
 * KEEP, and how many are left out), every kernel weight as a solid line
 * between two drawn neurons, every bias as a dashed line from a constant 1,
 * and under each layer its kernel + bias = parameters.
 *
 * layoutNetwork(model, words, textWidth) takes model = { input, layers:
 * [{ n, units, bias, activation, dtype, kernel, params }], total } (BigInt
 * counts, as calculator-state.js's compute gives them), the words of the
 * page's language (calculator-words.js's .diagram) and textWidth(text, bold),
 * the width in px of text drawn at FONT px. It returns the SVG's size, its
 * title and description (every number it shows) and its items in drawing
 * order: { tag: "line" | "circle" | "text", attrs, text }. The page turns
 * them into elements (dom/network-drawing.js).
 */

import { grouped } from "./keras-numbers.js";

export const KEEP = 4; // neurons drawn at each end of a collapsed column
const R = 10; // a neuron's radius
const STEP = 24; // from one neuron to the next
export const FONT = 13;
const TOP = 64; // the first neuron's centre
const LINE = 17; // from one line of text to the next

/**
 * The neurons drawn of a column of `count`: their slots (positions, one STEP
 * apart), how many slots the column takes, and how many neurons are left out.
 * A column of more than 2·keep draws its first keep and its last keep, with
 * two empty slots between them for the "⋮ n more".
 */
export function column(count, keep = KEEP) {
  const n = BigInt(count);
  if (n <= BigInt(2 * keep)) {
    const all = Array.from({ length: Number(n) }, (_, i) => i);
    return { slots: all, size: all.length, hidden: 0n };
  }
  const first = Array.from({ length: keep }, (_, i) => i);
  const last = first.map((i) => keep + 2 + i);
  return { slots: first.concat(last), size: 2 * keep + 2, hidden: n - BigInt(2 * keep) };
}

/** The drawing in words: every number it shows. */
export function describeNetwork(model, words) {
  const parts = [words.describeInput(grouped(model.input), model.input === 1n)];
  for (const l of model.layers) {
    parts.push(words.describeLayer({
      units: grouped(l.units), n: grouped(l.n), kernel: grouped(l.kernel),
      bias: l.bias, params: grouped(l.params), activation: l.activation,
      one: l.params === 1n,
    }));
  }
  const counts = [model.input, ...model.layers.map((l) => l.units)];
  counts.forEach((count, k) => {
    const c = column(count);
    if (c.hidden === 0n) return;
    const name = k === 0 ? words.inputsName : words.neuronsOf(grouped(count));
    parts.push(words.describeDrawn(c.slots.length, grouped(count), name));
  });
  parts.push(words.describeTotal(grouped(model.total), model.total === 1n));
  parts.push(words.describeLines);
  return parts.join(words.joiner);
}

/** The whole drawing: { width, height, title, desc, items }. */
export function layoutNetwork(model, words, textWidth) {
  const counts = [model.input, ...model.layers.map((l) => l.units)];
  const columns = counts.map((count) => column(count));
  const tallest = Math.max(...columns.map((c) => c.size));
  const mid = TOP + ((tallest - 1) * STEP) / 2;
  const biasY = TOP + (tallest - 1) * STEP + 40;
  const labelY = biasY + R + 28;

  // What is written above each column and under each layer.
  const heads = counts.map((count, k) => {
    if (k === 0) return [words.input, words.features(grouped(count), count === 1n)];
    const layer = model.layers[k - 1];
    const head = ["Dense(" + grouped(count) + ")", words.activation(layer.activation)];
    if (layer.dtype !== "float32") head.push(layer.dtype);
    return head;
  });
  const feet = model.layers.map((l) => [
    words.kernel(grouped(l.n), grouped(l.units), grouped(l.kernel)),
    l.bias ? words.bias(grouped(l.units)) : words.noBias,
    words.params(grouped(l.params), l.params === 1n),
  ]);
  const widest = (texts) => Math.max(...texts.map((s, j) => textWidth(s, j === 0)));
  const headWidths = heads.map(widest);
  const footWidths = feet.map(widest);

  // Columns far enough apart for their heads and for the labels between.
  const xs = [Math.max(36, headWidths[0] / 2 + 8)];
  for (let k = 1; k < counts.length; k++) {
    const gap = Math.max(
      120,
      footWidths[k - 1] + 20,
      (headWidths[k - 1] + headWidths[k]) / 2 + 16,
    );
    xs.push(xs[k - 1] + gap);
  }
  let width = xs[xs.length - 1] + Math.max(36, headWidths[headWidths.length - 1] / 2 + 8);
  const legend = [words.legendKernel, words.legendBias];
  const legendWidth = 42 + Math.max(textWidth(legend[0]), textWidth(legend[1]));
  const totalText = words.total(grouped(model.total), model.total === 1n);
  const totalWidth = textWidth(totalText, true);
  // The total and the legend start on the left, under the inputs: in view
  // when a wide drawing scrolls.
  const left = Math.max(8, xs[0] - R);
  width = Math.ceil(Math.max(width, left + Math.max(legendWidth, totalWidth) + 8));
  const totalY = labelY + 2 * LINE + 28;
  const legendY = totalY + 24;
  const height = legendY + LINE + 10;

  const y = (k, slot) => mid + (slot - (columns[k].size - 1) / 2) * STEP;
  const items = [];
  const line = (x1, y1, x2, y2, cls) => {
    items.push({ tag: "line", attrs: { class: cls, x1, y1, x2, y2 } });
  };
  const text = (x, yy, words_, attrs) => {
    items.push({ tag: "text", attrs: { x, y: yy, "text-anchor": "middle", ...attrs }, text: words_ });
  };

  // Lines first, so that the neurons are drawn over them.
  model.layers.forEach((layer, i) => {
    const k = i + 1;
    for (const to of columns[k].slots) {
      for (const from of columns[k - 1].slots) {
        line(xs[k - 1], y(k - 1, from), xs[k], y(k, to), "calc-d-kernel");
      }
      if (layer.bias) line(xs[k - 1], biasY, xs[k], y(k, to), "calc-d-bias");
    }
  });
  columns.forEach((c, k) => {
    for (const slot of c.slots) {
      items.push({ tag: "circle", attrs: {
        class: k === 0 ? "calc-d-input" : "calc-d-neuron", cx: xs[k], cy: y(k, slot), r: R,
      } });
    }
    if (c.hidden > 0n) {
      // Midway between the last neuron before the gap and the first after it.
      const before = c.slots[KEEP - 1];
      const after = c.slots[KEEP];
      const gapY = (y(k, before) + y(k, after)) / 2;
      text(xs[k], gapY - 4, "⋮", { class: "calc-d-more", "font-weight": "bold" });
      text(xs[k], gapY + 12, words.more(grouped(c.hidden)), { class: "calc-d-more" });
    }
    heads[k].forEach((words_, j) => {
      text(xs[k], 18 + j * LINE, words_, j === 0 ? { "font-weight": "bold" } : {});
    });
  });
  model.layers.forEach((layer, i) => {
    if (!layer.bias) return;
    items.push({ tag: "circle", attrs: { class: "calc-d-constant", cx: xs[i], cy: biasY, r: R } });
    text(xs[i], biasY + 4, "1");
  });
  feet.forEach((foot, i) => {
    const x = (xs[i] + xs[i + 1]) / 2;
    text(x, labelY, foot[0], { class: "calc-d-kernel-text" });
    text(x, labelY + LINE, foot[1], { class: "calc-d-bias-text" });
    text(x, labelY + 2 * LINE, foot[2], { "font-weight": "bold" });
  });
  text(left, totalY, totalText, {
    "text-anchor": "start", "font-weight": "bold", "data-testid": "diagram-total",
  });
  // The legend: a solid and a dashed line, each with its words.
  line(left, legendY - 4, left + 34, legendY - 4, "calc-d-kernel calc-d-legend");
  text(left + 42, legendY, legend[0], { "text-anchor": "start", class: "calc-d-kernel-text" });
  line(left, legendY + LINE - 4, left + 34, legendY + LINE - 4, "calc-d-bias");
  text(left + 42, legendY + LINE, legend[1], {
    "text-anchor": "start", class: "calc-d-bias-text",
  });

  return { width, height, title: words.title, desc: describeNetwork(model, words), items };
}
