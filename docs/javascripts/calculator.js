/*
 * The parameter calculator (docs/calculator.md): any stack of Dense layers,
 * each optionally followed by an Activation layer, counted the way Keras
 * counts them and summarised the way model.summary() prints them. This
 * script binds the page; what it shows comes from pure modules:
 *
 * - lib/calculator-state.js: the state the address holds (?input=2
 *   &units=32,1&activation=softmax,sigmoid...), reading what the reader typed,
 *   the counts, the summary's rows and the Keras code;
 * - lib/keras-numbers.js: the Dense count, the bytes and the number formats,
 *   which "Explain your model" (docs/explain.md) counts with too: the two
 *   pages never disagree;
 * - lib/calculator-words.js: the labels and messages, chosen by <html lang>
 *   (en, zh: docs/calculator.zh.md); the numbers and data-testid hooks are
 *   the same;
 * - dom/network-drawing.js (laid out by lib/network-layout.js): the drawing.
 *
 * Everything a reader types or puts in the URL is shown with textContent or
 * .value only, never parsed as HTML.
 */
import { addressKeeper } from "./lib/address-bar.js";
import {
  ACTIVATIONS, DEFAULT_QUERY, DTYPES, MAX_LAYERS, compute, fromQuery, kerasCode,
  kerasName, toQuery, watchQuery,
} from "./lib/calculator-state.js";
import { CALCULATOR_WORDS } from "./lib/calculator-words.js";
import { grouped, readableBytes } from "./lib/keras-numbers.js";
import { messagesFor } from "./lib/page-messages.js";
import { pageParts } from "./lib/page-parts.js";
import { drawNetwork } from "./dom/network-drawing.js";

function el(tag, attrs, text) {
  var node = document.createElement(tag);
  Object.keys(attrs || {}).forEach(function (key) {
    node.setAttribute(key, attrs[key]);
  });
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A <select> of choices; names shows some of them in other words. */
function choice(id, testid, values, names, value) {
  var select = el("select", { id: id, "data-testid": testid });
  values.forEach(function (v) {
    select.append(el("option", { value: v }, names[v] || v));
  });
  select.value = value;
  return select;
}

/** A label above its control. */
function labelled(text, id, control, cls) {
  var wrap = el("span", { class: "calc-control" + (cls ? " " + cls : "") });
  wrap.append(el("label", { for: id }, text), control);
  return wrap;
}

/**
 * One Dense layer's card: its fields, its Remove button and the line its
 * count is shown on. onChange() after any field changes; onRemove(i).
 */
function layerCard(layer, i, t, onChange, onRemove) {
  var card = el("li", { class: "calc-layer", "data-testid": "layer" });
  var head = el("span", { class: "calc-layer__name" }, t.layerName(i + 1));
  var name = el("code", { class: "calc-layer__keras" }, kerasName("dense", i));
  var id = "calc-units-" + i;
  var units = el("input", {
    id: id, type: "text", inputmode: "numeric", autocomplete: "off",
    spellcheck: "false", "data-testid": "units",
    "aria-describedby": id + "-error",
  });
  units.value = layer.units;
  units.addEventListener("input", function () {
    layer.units = units.value;
    onChange();
  });
  var activation = choice("calc-activation-" + i, "activation", ACTIVATIONS,
    t.activationNames, layer.activation);
  activation.addEventListener("change", function () {
    layer.activation = activation.value;
    onChange();
  });
  var dtype = choice("calc-dtype-" + i, "dtype", DTYPES, {}, layer.dtype);
  dtype.addEventListener("change", function () {
    layer.dtype = dtype.value;
    onChange();
  });
  var biasId = "calc-bias-" + i;
  var bias = el("input", { id: biasId, type: "checkbox", "data-testid": "bias" });
  bias.checked = layer.bias;
  bias.addEventListener("change", function () {
    layer.bias = bias.checked;
    onChange();
  });
  var biasLabel = el("label", { for: biasId, class: "calc-check" });
  biasLabel.append(bias, document.createTextNode(" " + t.biasLabel));
  var remove = el(
    "button",
    { type: "button", class: "md-button calc-remove",
      "aria-label": t.removeLabel(i + 1),
      "data-testid": "remove" },
    t.remove
  );
  remove.addEventListener("click", function () {
    onRemove(i);
  });
  var controls = el("span", { class: "calc-layer__controls" });
  controls.append(
    labelled(t.unitsLabel, id, units, "calc-control--units"),
    labelled(t.activationLabel, activation.id, activation),
    labelled(t.dtypeLabel, dtype.id, dtype)
  );
  var note = el("span", {
    id: id + "-error", class: "calc-field-error", "aria-live": "polite",
  });
  var result = el("span", { class: "calc-layer__result", "data-calc-result": "" });
  var top = el("span", { class: "calc-layer__head" });
  top.append(head, name, biasLabel, remove);
  card.append(top, controls, note, result);
  return card;
}

/** Each card's own count: formula, parameters, bytes. */
function showLayerResults(list, rows, t) {
  list.querySelectorAll("[data-calc-result]").forEach(function (line, i) {
    var r = rows && rows[i];
    if (!r) {
      line.replaceChildren();
      return;
    }
    var formula = grouped(r.n) + "·" + grouped(r.units) +
      (r.bias ? " + " + grouped(r.units) : "");
    var params = el("span", {
      "data-testid": "layer-params", "data-value": r.params.toString(),
    }, t.params(formula, grouped(r.params), r.params === 1n) +
      (r.bias ? "" : t.noBias));
    var bytes = el("span", {
      "data-testid": "layer-bytes", "data-value": r.bytes.toString(),
    }, t.bytes(r.dtypeBytes.toString(), readableBytes(r.bytes)));
    line.replaceChildren(params, bytes);
  });
}

/** The "Total params" line; with hooks, the one the tests read. */
function totalLine(result, hooks, t) {
  var line = el("p", { class: hooks ? "calc-total" : "" });
  line.append(
    document.createTextNode(t.total[0]),
    el(hooks ? "strong" : "span", hooks ? {
      "data-testid": "total-params", "data-value": result.total.toString(),
    } : {}, grouped(result.total)),
    document.createTextNode(t.total[1]),
    el("span", hooks ? {
      "data-testid": "total-bytes", "data-value": result.bytes.toString(),
    } : {}, readableBytes(result.bytes)),
    document.createTextNode(t.total[2])
  );
  return line;
}

function bind(root) {
  var parts = pageParts(root, {
    form: "[data-calc-form]", inputField: "#calc-input", list: "[data-calc-layers]",
    addButton: "[data-calc-add]", sum: "[data-calc-sum]", grid: ".calc-grid",
    figure: "[data-calc-figure]", diagram: "[data-calc-diagram]",
    body: "[data-calc-rows]", totals: "[data-calc-totals]",
    errorBox: '[data-testid="error"]', code: "[data-calc-code]",
  }, "calculator.js");
  var form = parts.form;
  var inputField = parts.inputField;
  var list = parts.list;
  var addButton = parts.addButton;
  var sum = parts.sum;
  var grid = parts.grid;
  var figure = parts.figure;
  var diagram = parts.diagram;
  var body = parts.body;
  var totals = parts.totals;
  var errorBox = parts.errorBox;
  var code = parts.code;

  var t = messagesFor(CALCULATOR_WORDS, document.documentElement.lang);
  var parsed = fromQuery(location.search || DEFAULT_QUERY, t);
  var state = parsed.state;
  var queryProblems = parsed.problems;

  function fieldError(field, message) {
    var note = document.getElementById(field.id + "-error");
    note.textContent = message || "";
    if (message) {
      field.setAttribute("aria-invalid", "true");
    } else {
      field.removeAttribute("aria-invalid");
    }
  }

  function removeLayer(i) {
    state.layers.splice(i, 1);
    renderLayers();
    changed();
    var buttons = list.querySelectorAll(".calc-remove");
    (buttons[Math.min(i, buttons.length - 1)] || addButton).focus();
  }

  function renderLayers() {
    list.replaceChildren.apply(list, state.layers.map(function (layer, i) {
      return layerCard(layer, i, t, changed, removeLayer);
    }));
    addButton.disabled = state.layers.length >= MAX_LAYERS;
  }

  function showResults(result) {
    showLayerResults(list, result.rows, t);
    sum.replaceChildren(totalLine(result, true, t));
    var rows = result.summary.map(function (s) {
      var tr = el("tr", { "data-testid": "summary-row" });
      tr.append(
        el("td", {}, s.name + " (" + s.type + ")"),
        el("td", {}, s.shape),
        el("td", { class: "calc-num" }, grouped(s.params))
      );
      return tr;
    });
    body.replaceChildren.apply(body, rows);
    totals.replaceChildren(
      totalLine(result, false, t),
      el("p", {}, t.trainable(grouped(result.total), readableBytes(result.bytes))),
      el("p", {}, t.frozen)
    );
    figure.hidden = false;
    shown = true;
    drawing = { input: result.input, layers: result.rows, total: result.total };
    if (!frame) frame = requestAnimationFrame(draw);
    code.textContent = kerasCode(result);
    // The "Watch it learn" link (docs/watch.md) takes the network along when
    // that page can train it (lib/calculator-state.js's watchQuery).
    if (watchLink) watchLink.setAttribute("href", watchBase + watchQuery(state));
  }

  var watchLink = document.querySelector("[data-calc-watch]");
  var watchBase = watchLink && watchLink.getAttribute("href").split("?")[0];

  // The drawing follows once per frame: typing fast redraws it only as
  // often as the screen shows it.
  var drawing = null;
  var frame = 0;

  function draw() {
    cancelAnimationFrame(frame);
    frame = 0;
    if (!drawing) return;
    var width = drawNetwork(diagram, drawing, t.diagram);
    drawing = null;
    // Too wide for the column beside the form (at 0.8 times its size): the
    // whole width, below the form. Wider still, it scrolls, by keyboard too.
    var room = grid.clientWidth - form.getBoundingClientRect().width - 24;
    figure.toggleAttribute("data-wide", width * 0.8 > room);
    if (figure.scrollWidth > figure.clientWidth) {
      figure.setAttribute("tabindex", "0");
    } else {
      figure.removeAttribute("tabindex");
    }
  }

  // Whether a valid model is on the page: a wrong input then leaves it in
  // place, dimmed (data-stale), so that nothing below moves while typing.
  var shown = false;

  function showStale() {
    sum.replaceChildren(el("p", { class: "calc-total" }, t.noTotal));
  }

  function showNothing() {
    showLayerResults(list, null, t);
    sum.replaceChildren(el("p", { class: "calc-total" }, t.noTotal));
    body.replaceChildren();
    totals.replaceChildren();
    figure.hidden = true;
    drawing = null;
    diagram.replaceChildren();
    code.textContent = "";
  }

  function update() {
    var result = compute(state, t);
    fieldError(inputField, "");
    list.querySelectorAll("input[type=text]").forEach(function (f) {
      fieldError(f, "");
    });
    // A field's message stands beside it; the box below the form says only
    // what belongs to no field (a link's problems, a total too large).
    var messages = queryProblems.slice();
    var invalid = messages.length > 0;
    result.errors.forEach(function (e) {
      var field = e.field === "input" ? inputField
        : e.field && e.field.indexOf("units-") === 0
          ? document.getElementById("calc-" + e.field) : null;
      if (field) fieldError(field, e.message);
      else messages.push(e.message);
      invalid = true;
    });
    errorBox.textContent = messages.join(t.joiner);
    errorBox.hidden = messages.length === 0;
    root.toggleAttribute("data-invalid", invalid);
    root.toggleAttribute("data-stale", invalid && shown);
    if (!invalid) {
      showResults(result);
    } else if (shown) {
      showStale();
    } else {
      showNothing();
    }
  }

  // The address bar follows once per burst of changes (a paste, a script).
  var keepAddress = addressKeeper(history, location, function () {
    return toQuery(state);
  });

  function changed() {
    queryProblems = []; // the form, not the link, says what to count now
    update();
    keepAddress();
  }

  inputField.value = state.input;
  inputField.addEventListener("input", function () {
    state.input = inputField.value;
    changed();
  });
  addButton.addEventListener("click", function () {
    var last = state.layers[state.layers.length - 1];
    state.layers.push({
      units: "1", activation: "none", bias: true,
      dtype: last ? last.dtype : "float32",
    });
    renderLayers();
    changed();
    var fields = list.querySelectorAll("input[type=text]");
    fields[fields.length - 1].focus();
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
  });
  renderLayers();
  update();
  draw();
  root.setAttribute("data-ready", "");
}

function init() {
  var root = document.querySelector("[data-calculator]");
  if (root) bind(root);
}

if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", init);
} else {
  init();
}
