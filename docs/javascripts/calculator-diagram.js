/*
 * The calculator's drawing of the network (docs/calculator.md), like the
 * answer page's figure (snippets/diagrams/network.py): the inputs, each Dense
 * layer's neurons (a column of more than 8 shows its first 4 and last 4, and
 * how many are left out), every kernel weight as a solid line between two
 * drawn neurons, every bias as a dashed line from a constant 1, and under
 * each layer its kernel + bias = parameters.
 *
 * window.denseCalculatorDiagram(host, model, words, grouped) replaces host's
 * content with the drawing (and returns its width in px) of model = {input, layers: [{n, units, bias,
 * activation, dtype, kernel, params}], total} (BigInt counts), in the
 * words of the page's language (calculator.js's MESSAGES.*.diagram). The SVG
 * is built with createElementNS and textContent only; its <title> and
 * <desc> state every number it shows. Colours are CSS classes
 * (docs/stylesheets/extra.css), from Material's light and dark schemes.
 */
(function () {
  "use strict";

  var SVG = "http://www.w3.org/2000/svg";
  var KEEP = 4; // neurons drawn at each end of a collapsed column
  var R = 10; // a neuron's radius
  var STEP = 24; // from one neuron to the next
  var FONT = 13;
  var TOP = 64; // the first neuron's centre
  var LINE = 17; // from one line of text to the next

  function svgNode(tag, attrs, text) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attrs || {}).forEach(function (key) {
      node.setAttribute(key, attrs[key]);
    });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  var measure = document.createElement("canvas").getContext("2d");

  /** How wide text is drawn in the host's font, in px (bold: a little more). */
  function measurer(host) {
    var family = getComputedStyle(host).fontFamily || "sans-serif";
    return function (text, bold) {
      measure.font = (bold ? "bold " : "") + FONT + "px " + family;
      return measure.measureText(text).width;
    };
  }

  /** The neurons drawn of a column of count: their slots, and the gap. */
  function column(count) {
    if (count <= BigInt(2 * KEEP)) {
      var all = [];
      for (var i = 0; i < Number(count); i++) all.push(i);
      return { slots: all, size: all.length, hidden: 0n };
    }
    // The first KEEP, two slots of gap for the ⋮, the last KEEP.
    var ends = [0, 1, 2, 3, 6, 7, 8, 9];
    return { slots: ends, size: 2 * KEEP + 2, hidden: count - BigInt(2 * KEEP) };
  }

  function draw(host, model, words, grouped) {
    var counts = [model.input].concat(model.layers.map(function (l) {
      return l.units;
    }));
    var columns = counts.map(column);
    var tallest = Math.max.apply(null, columns.map(function (c) { return c.size; }));
    var mid = TOP + ((tallest - 1) * STEP) / 2;
    var biasY = TOP + (tallest - 1) * STEP + 40;
    var labelY = biasY + R + 28;

    // What is written above each column and under each layer.
    var heads = counts.map(function (count, k) {
      if (k === 0) {
        return [words.input, words.features(grouped(count), count === 1n)];
      }
      var layer = model.layers[k - 1];
      var head = ["Dense(" + grouped(count) + ")", words.activation(layer.activation)];
      if (layer.dtype !== "float32") head.push(layer.dtype);
      return head;
    });
    var feet = model.layers.map(function (l) {
      return [
        words.kernel(grouped(l.n), grouped(l.units), grouped(l.kernel)),
        l.bias ? words.bias(grouped(l.units)) : words.noBias,
        words.params(grouped(l.params), l.params === 1n),
      ];
    });
    var textWidth = measurer(host);
    function widest(texts) {
      return Math.max.apply(null, texts.map(function (s, j) {
        return textWidth(s, j === 0);
      }));
    }
    var headWidths = heads.map(widest);
    var footWidths = feet.map(widest);

    // Columns far enough apart for their heads and for the labels between.
    var xs = [Math.max(36, headWidths[0] / 2 + 8)];
    for (var k = 1; k < counts.length; k++) {
      var gap = Math.max(
        120,
        footWidths[k - 1] + 20,
        (headWidths[k - 1] + headWidths[k]) / 2 + 16
      );
      xs.push(xs[k - 1] + gap);
    }
    var width = xs[xs.length - 1] + Math.max(36, headWidths[headWidths.length - 1] / 2 + 8);
    var legend = [words.legendKernel, words.legendBias];
    var legendWidth = 42 + Math.max(textWidth(legend[0]), textWidth(legend[1]));
    var totalWidth = textWidth(words.total(grouped(model.total)), true);
    // The total and the legend start on the left, under the inputs: in view
    // when a wide drawing scrolls.
    var left = Math.max(8, xs[0] - R);
    width = Math.ceil(Math.max(width, left + Math.max(legendWidth, totalWidth) + 8));
    var totalY = labelY + 2 * LINE + 28;
    var legendY = totalY + 24;
    var height = legendY + LINE + 10;

    function y(k, slot) {
      return mid + (slot - (columns[k].size - 1) / 2) * STEP;
    }

    // As drawn, or from 0.8 to 1.1 times that to fit its box; wider, it scrolls.
    // (calculator.js gives a wide drawing the whole width.)
    var svg = svgNode("svg", {
      xmlns: SVG, class: "calc-diagram__svg", width: width, height: height,
      style: "min-width: " + Math.round(width * 0.8) + "px; max-width: " +
        Math.round(width * 1.1) + "px",
      viewBox: "0 0 " + width + " " + height, role: "img",
      "aria-labelledby": "calc-diagram-title calc-diagram-desc",
      "font-size": FONT, "data-testid": "diagram",
    });
    svg.append(svgNode("title", { id: "calc-diagram-title" }, words.title));
    svg.append(svgNode("desc", { id: "calc-diagram-desc" }, describe(model, columns, words, grouped)));

    function line(x1, y1, x2, y2, cls) {
      svg.append(svgNode("line", { class: cls, x1: x1, y1: y1, x2: x2, y2: y2 }));
    }
    function text(x, yy, words_, attrs) {
      var a = Object.assign({ x: x, y: yy, "text-anchor": "middle" }, attrs || {});
      svg.append(svgNode("text", a, words_));
    }

    // Lines first, so that the neurons are drawn over them.
    model.layers.forEach(function (layer, i) {
      var k = i + 1;
      columns[k].slots.forEach(function (to) {
        columns[k - 1].slots.forEach(function (from) {
          line(xs[k - 1], y(k - 1, from), xs[k], y(k, to), "calc-d-kernel");
        });
        if (layer.bias) line(xs[k - 1], biasY, xs[k], y(k, to), "calc-d-bias");
      });
    });
    columns.forEach(function (c, k) {
      c.slots.forEach(function (slot) {
        svg.append(svgNode("circle", {
          class: k === 0 ? "calc-d-input" : "calc-d-neuron",
          cx: xs[k], cy: y(k, slot), r: R,
        }));
      });
      if (c.hidden > 0n) {
        var gapY = (y(k, KEEP - 1) + y(k, KEEP + 2)) / 2;
        text(xs[k], gapY - 4, "⋮", { class: "calc-d-more", "font-weight": "bold" });
        text(xs[k], gapY + 12, words.more(grouped(c.hidden)), { class: "calc-d-more" });
      }
      heads[k].forEach(function (words_, j) {
        text(xs[k], 18 + j * LINE, words_, j === 0 ? { "font-weight": "bold" } : {});
      });
    });
    model.layers.forEach(function (layer, i) {
      if (!layer.bias) return;
      svg.append(svgNode("circle", { class: "calc-d-constant", cx: xs[i], cy: biasY, r: R }));
      text(xs[i], biasY + 4, "1");
    });
    feet.forEach(function (foot, i) {
      var x = (xs[i] + xs[i + 1]) / 2;
      text(x, labelY, foot[0], { class: "calc-d-kernel-text" });
      text(x, labelY + LINE, foot[1], { class: "calc-d-bias-text" });
      text(x, labelY + 2 * LINE, foot[2], { "font-weight": "bold" });
    });
    text(left, totalY, words.total(grouped(model.total), model.total === 1n), {
      "text-anchor": "start", "font-weight": "bold", "data-testid": "diagram-total",
    });
    // The legend: a solid and a dashed line, each with its words.
    var x0 = left;
    line(x0, legendY - 4, x0 + 34, legendY - 4, "calc-d-kernel calc-d-legend");
    text(x0 + 42, legendY, legend[0], { "text-anchor": "start", class: "calc-d-kernel-text" });
    line(x0, legendY + LINE - 4, x0 + 34, legendY + LINE - 4, "calc-d-bias");
    text(x0 + 42, legendY + LINE, legend[1], {
      "text-anchor": "start", class: "calc-d-bias-text",
    });

    host.replaceChildren(svg);
    return width;
  }

  /** The drawing in words: every number it shows. */
  function describe(model, columns, words, grouped) {
    var parts = [words.describeInput(grouped(model.input), model.input === 1n)];
    model.layers.forEach(function (l) {
      parts.push(words.describeLayer({
        units: grouped(l.units), n: grouped(l.n), kernel: grouped(l.kernel),
        bias: l.bias, params: grouped(l.params), activation: l.activation,
        one: l.params === 1n,
      }));
    });
    columns.forEach(function (c, k) {
      if (c.hidden === 0n) return;
      var count = k === 0 ? model.input : model.layers[k - 1].units;
      var name = k === 0 ? words.inputsName : words.neuronsOf(grouped(count));
      parts.push(words.describeDrawn(2 * KEEP, grouped(count), name));
    });
    parts.push(words.describeTotal(grouped(model.total), model.total === 1n));
    parts.push(words.describeLines);
    return parts.join(words.joiner);
  }

  window.denseCalculatorDiagram = draw;
  // Run after calculator.js (instant navigation keeps no order): bind now.
  if (typeof window.denseCalculatorInit === "function") {
    window.denseCalculatorInit();
  }
})();
