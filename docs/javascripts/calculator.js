/*
 * The parameter calculator (docs/calculator.md): any stack of Dense layers,
 * each optionally followed by an Activation layer, counted the way Keras
 * counts them and summarised the way model.summary() prints them.
 *
 * - A Dense layer with n inputs and u units owns a kernel (n, u) and, with
 *   use_bias, a bias (u,): n*u + u parameters. An Activation layer owns none.
 * - Bytes are parameters times the size of the dtype of the layer's variables
 *   (mixed precision keeps float32 variables), scaled and rounded like
 *   keras/src/utils/summary_utils.py (readable_memory_size: divide by 1024
 *   while the value reaches 1024, then "{:.2f} {unit}", Python's
 *   round-half-even on the exact value).
 * - The summary's names are Keras's automatic ones in a fresh session:
 *   dense, activation, dense_1, activation_1, ...
 * - The state lives in the URL query: ?input=2&units=32,1
 *   &activation=softmax,sigmoid&bias=1,0&dtype=float32,float16
 *   (activation, bias and dtype optional, one entry per layer; a link
 *   without activation= has none, as links made before it existed meant).
 * - Labels and messages come from MESSAGES, chosen by <html lang> (en, zh:
 *   docs/calculator.zh.md); the numbers and data-testid hooks are the same.
 * - The drawing is calculator-diagram.js's (window.denseCalculatorDiagram).
 *
 * Everything a reader types or puts in the URL is shown with textContent or
 * .value only, never parsed as HTML. Counting uses BigInt: a result beyond
 * 2^53 - 1 parameters is refused, never rounded.
 *
 * Its counting, bytes and number formats are lib/keras-numbers.js's, which
 * "Explain your model" (docs/explain.md) counts with too: the two pages
 * never disagree.
 *
 * The page loads this script and the drawing's itself (Material's instant
 * navigation runs the scripts of each page it swaps in): it binds once per
 * page, however often and in whichever order they run.
 */
import {
  DTYPE_BYTES, denseParams, grouped, readableBytes,
} from "./lib/keras-numbers.js";

(function () {
  "use strict";

  if (window.denseCalculatorLoaded) return;
  window.denseCalculatorLoaded = true;

  // The dtypes a reader can choose (DTYPE_BYTES: the size of their variables').
  var DTYPES = Object.keys(DTYPE_BYTES);
  var ACTIVATIONS = ["none", "softmax", "sigmoid", "relu", "tanh"];
  var MAX_LAYERS = 100;
  var MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER); // 2^53 - 1
  var DEFAULT = "?input=2&units=32,1&activation=softmax,sigmoid";

  // ---- what the page says, in the page's language ------------------------
  // <html lang> (set per page by mkdocs-static-i18n) chooses the table. Every
  // entry is plain text: the page shows it with textContent, never as HTML.

  /** Chinese puts no space between Chinese words, but one after Latin text. */
  function zhJoin(what, rest) {
    return /[A-Za-z0-9]$/.test(what) ? what + " " + rest : what + rest;
  }

  var MESSAGES = {
    en: {
      inputField: "Input features",
      unitsField: function (n) { return "Units of layer " + n; },
      empty: function (w) { return w + ": enter a whole number of at least 1."; },
      zero: function (w) { return w + " must be at least 1, not 0."; },
      tooLarge: function (w) {
        return w + " is too large: at most 9,007,199,254,740,991 (2^53 - 1).";
      },
      negative: function (w) { return w + " must be at least 1, not negative."; },
      fraction: function (w) { return w + " must be a whole number: digits only."; },
      notNumber: function (w) { return w + " is not a number: write digits only."; },
      twice: function (key) { return "The link gives " + key + "= twice."; },
      noInput: "The link has no input= (the number of input features).",
      noUnits: "The link has no units= (one number per Dense layer).",
      tooManyLayers: function (n, max) {
        return "The link lists " + n + " layers: at most " + max + " are allowed.";
      },
      listLength: function (count, key, layers) {
        return "The link gives " + count + " " + key + "= entries for " + layers +
          " layers: give one per layer.";
      },
      badBias: function (n, x) {
        return "bias= of layer " + n + " is “" + x + "”: write 1 or 0.";
      },
      badDtype: function (n, x) {
        return "dtype= of layer " + n + " is “" + x + "”: one of " +
          DTYPES.join(", ") + ".";
      },
      badActivation: function (n, x) {
        return "activation= of layer " + n + " is “" + x + "”: one of " +
          ACTIVATIONS.join(", ") + ".";
      },
      noLayers: "Add at least one Dense layer.",
      tooManyParams: function (n) {
        return "This model would have " + n + " parameters, more than " +
          "2^53 - 1: too large to count here.";
      },
      layerName: function (n) { return "Layer " + n; },
      unitsLabel: "units",
      activationLabel: "activation",
      activationNames: { none: "none" },
      dtypeLabel: "dtype",
      biasLabel: "use_bias",
      remove: "Remove",
      removeLabel: function (n) { return "Remove Dense layer " + n; },
      params: function (formula, n, one) {
        return formula + " = " + n + (one ? " parameter" : " parameters");
      },
      noBias: " (no bias)",
      bytes: function (size, bytes) { return ", × " + size + " B = " + bytes; },
      total: ["Total params: ", " (", ")"],
      trainable: function (n, size) {
        return "Trainable params: " + n + " (" + size + ")";
      },
      frozen: "Non-trainable params: 0 (0.00 B)",
      noTotal: "Total params: — (fix the input above)",
      joiner: " ",
      diagram: {
        title: "The network, drawn from the calculator's layers",
        input: "Input",
        features: function (n, one) { return n + (one ? " feature" : " features"); },
        activation: function (a) { return a === "none" ? "no activation" : "then " + a; },
        more: function (n) { return n + " more"; },
        kernel: function (n, u, k) { return "kernel " + n + " × " + u + " = " + k; },
        bias: function (u) { return "bias " + u; },
        noBias: "no bias",
        params: function (p, one) { return p + (one ? " parameter" : " parameters"); },
        total: function (p, one) {
          return p + (one ? " parameter in all" : " parameters in all");
        },
        legendKernel: "kernel weight",
        legendBias: "bias (weight of the constant 1)",
        describeInput: function (n, one) {
          return n + (one ? " input." : " inputs.");
        },
        describeLayer: function (l) {
          return "Dense(" + l.units + ")" +
            (l.activation === "none" ? "" : " then " + l.activation) +
            ": kernel " + l.n + " × " + l.units + " = " + l.kernel + ", " +
            (l.bias ? "bias " + l.units + ", " + l.kernel + " + " + l.units +
              " = " + l.params : "no bias, " + l.params) +
            (l.one ? " parameter." : " parameters.");
        },
        describeDrawn: function (drawn, of, name) {
          return drawn + " of the " + of + " " + name + " are drawn.";
        },
        inputsName: "inputs",
        neuronsOf: function (units) { return "neurons of Dense(" + units + ")"; },
        describeTotal: function (p, one) {
          return p + (one ? " parameter in all." : " parameters in all.");
        },
        describeLines: "Solid lines are kernel weights, dashed lines biases.",
        joiner: " ",
      },
    },
    zh: {
      inputField: "输入特征数",
      unitsField: function (n) { return "第 " + n + " 层的 units"; },
      empty: function (w) { return w + "：请输入不小于 1 的整数。"; },
      zero: function (w) { return zhJoin(w, "至少为 1，不能是 0。"); },
      tooLarge: function (w) {
        return zhJoin(w, "太大：最多为 9,007,199,254,740,991（2^53 - 1）。");
      },
      negative: function (w) { return zhJoin(w, "至少为 1，不能是负数。"); },
      fraction: function (w) { return zhJoin(w, "必须是整数：只能写数字。"); },
      notNumber: function (w) { return zhJoin(w, "不是数字：请只写数字。"); },
      twice: function (key) { return "链接中 " + key + "= 出现了两次。"; },
      noInput: "链接中缺少 input=（输入特征数）。",
      noUnits: "链接中缺少 units=（每个 Dense 层一个数）。",
      tooManyLayers: function (n, max) {
        return "链接列出了 " + n + " 层：最多允许 " + max + " 层。";
      },
      listLength: function (count, key, layers) {
        return "链接为 " + layers + " 层给出了 " + count + " 个 " + key +
          "= 值：每层应给一个。";
      },
      badBias: function (n, x) {
        return "第 " + n + " 层的 bias= 是“" + x + "”：请写 1 或 0。";
      },
      badDtype: function (n, x) {
        return "第 " + n + " 层的 dtype= 是“" + x + "”：应为 " +
          DTYPES.join("、") + " 之一。";
      },
      badActivation: function (n, x) {
        return "第 " + n + " 层的 activation= 是“" + x + "”：应为 " +
          ACTIVATIONS.join("、") + " 之一。";
      },
      noLayers: "请至少添加一个 Dense 层。",
      tooManyParams: function (n) {
        return "这个模型将有 " + n + " 个参数，超过 2^53 - 1，太大了，" +
          "这里无法计算。";
      },
      layerName: function (n) { return "第 " + n + " 层"; },
      unitsLabel: "units（神经元数）",
      activationLabel: "激活函数",
      activationNames: { none: "无" },
      dtypeLabel: "dtype（变量类型）",
      biasLabel: "use_bias（偏置）",
      remove: "删除",
      removeLabel: function (n) { return "删除第 " + n + " 个 Dense 层"; },
      params: function (formula, n) { return formula + " = " + n + " 个参数"; },
      noBias: "（无偏置）",
      bytes: function (size, bytes) { return "，× " + size + " B = " + bytes; },
      total: ["参数总数（Total params）：", "（", "）"],
      trainable: function (n, size) {
        return "可训练参数（Trainable params）：" + n + "（" + size + "）";
      },
      frozen: "不可训练参数（Non-trainable params）：0（0.00 B）",
      noTotal: "参数总数（Total params）：—（请先修正上面的输入）",
      joiner: "",
      diagram: {
        title: "按计算器中的层画出的网络",
        input: "输入",
        features: function (n) { return n + " 个特征"; },
        activation: function (a) { return a === "none" ? "无激活函数" : "接 " + a; },
        more: function (n) { return "另有 " + n + " 个"; },
        kernel: function (n, u, k) { return "kernel " + n + " × " + u + " = " + k; },
        bias: function (u) { return "偏置 " + u; },
        noBias: "无偏置",
        params: function (p) { return p + " 个参数"; },
        total: function (p) { return "共 " + p + " 个参数"; },
        legendKernel: "kernel 权重",
        legendBias: "偏置（常数 1 的权重）",
        describeInput: function (n) { return n + " 个输入。"; },
        describeLayer: function (l) {
          return "Dense(" + l.units + ")" +
            (l.activation === "none" ? "" : "接 " + l.activation) +
            "：kernel " + l.n + " × " + l.units + " = " + l.kernel + "，" +
            (l.bias ? "偏置 " + l.units + "，" + l.kernel + " + " + l.units +
              " = " + l.params : "无偏置，" + l.params) + " 个参数。";
        },
        describeDrawn: function (drawn, of, name) {
          return name + "共 " + of + " 个，画出了 " + drawn + " 个。";
        },
        inputsName: "输入",
        neuronsOf: function (units) { return "Dense(" + units + ") 的神经元"; },
        describeTotal: function (p) { return "共 " + p + " 个参数。"; },
        describeLines: "实线是 kernel 权重，虚线是偏置。",
        joiner: "",
      },
    },
  };

  /** The table of the page's language (English for any other). */
  function pageMessages() {
    var lang = (document.documentElement.lang || "en").split("-")[0];
    return Object.prototype.hasOwnProperty.call(MESSAGES, lang)
      ? MESSAGES[lang]
      : MESSAGES.en;
  }

  // ---- reading what the reader typed -------------------------------------

  /** A positive whole number from text, or an error message. */
  function count(text, what, t) {
    var s = String(text).trim();
    if (s === "") {
      return { error: t.empty(what) };
    }
    if (/^[+]?\d+$/.test(s)) {
      var n = BigInt(s.replace("+", ""));
      if (n === 0n) {
        return { error: t.zero(what) };
      }
      if (n > MAX_SAFE) {
        return { error: t.tooLarge(what) };
      }
      return { value: n };
    }
    if (/^-\s*\d+(\.\d*)?$/.test(s)) {
      return { error: t.negative(what) };
    }
    if (/^[+-]?(\d+\.\d*|\.\d+)$/.test(s) || /^\d+(\.\d+)?e[+-]?\d+$/i.test(s)) {
      return { error: t.fraction(what) };
    }
    return { error: t.notNumber(what) };
  }

  function shortened(text) {
    var s = String(text);
    return s.length > 40 ? s.slice(0, 40) + "…" : s;
  }

  // Each optional per-layer list of the query: how to read one entry.
  var LISTS = {
    activation: {
      read: function (x) { return ACTIVATIONS.indexOf(x) >= 0 ? x : undefined; },
      bad: "badActivation",
    },
    bias: {
      read: function (x) {
        if (x === "1" || x === "true") return true;
        if (x === "0" || x === "false") return false;
        return undefined;
      },
      bad: "badBias",
    },
    dtype: {
      read: function (x) { return DTYPES.indexOf(x) >= 0 ? x : undefined; },
      bad: "badDtype",
    },
  };

  /** The state a query string describes, and what is wrong with it. */
  function fromQuery(search, t) {
    var params = new URLSearchParams(search);
    var problems = [];
    var known = { input: 1, units: 1, activation: 1, bias: 1, dtype: 1 };
    var seen = {};
    params.forEach(function (_value, key) {
      if (known[key] && seen[key]) {
        problems.push(t.twice(key));
      }
      seen[key] = true;
    });
    var state = { input: params.get("input"), layers: [] };
    if (state.input === null) {
      problems.push(t.noInput);
      state.input = "";
    }
    var units = params.get("units");
    if (units === null || units === "") {
      problems.push(t.noUnits);
      units = "";
    }
    var unitList = units === "" ? [] : units.split(",");
    if (unitList.length > MAX_LAYERS) {
      problems.push(t.tooManyLayers(unitList.length, MAX_LAYERS));
      unitList = unitList.slice(0, MAX_LAYERS);
    }
    var lists = {};
    Object.keys(LISTS).forEach(function (key) {
      var list = params.get(key);
      lists[key] = list === null ? null : list.split(",");
      if (list !== null && lists[key].length !== unitList.length) {
        problems.push(t.listLength(lists[key].length, key, unitList.length));
      }
    });
    unitList.forEach(function (u, i) {
      var layer = { units: u, activation: "none", bias: true, dtype: "float32" };
      Object.keys(LISTS).forEach(function (key) {
        var entry = lists[key] && lists[key][i];
        if (entry === null || entry === undefined) return;
        var value = LISTS[key].read(entry);
        if (value === undefined) {
          problems.push(t[LISTS[key].bad](i + 1, shortened(entry)));
        } else {
          layer[key] = value;
        }
      });
      state.layers.push(layer);
    });
    return { state: state, problems: problems };
  }

  function toQuery(state) {
    function list(f) { return state.layers.map(f); }
    var activation = list(function (l) { return l.activation; });
    var bias = list(function (l) { return l.bias ? "1" : "0"; });
    var dtype = list(function (l) { return l.dtype; });
    var params = new URLSearchParams();
    params.set("input", state.input);
    params.set("units", list(function (l) { return l.units; }).join(","));
    if (activation.some(function (a) { return a !== "none"; })) {
      params.set("activation", activation.join(","));
    }
    if (bias.indexOf("0") >= 0) params.set("bias", bias.join(","));
    if (dtype.some(function (d) { return d !== "float32"; })) {
      params.set("dtype", dtype.join(","));
    }
    // Commas are safe in a query: keep "32,1" readable, not "32%2C1".
    return "?" + params.toString().replace(/%2C/g, ",");
  }

  // ---- counting, as Keras counts -----------------------------------------

  /** Keras's automatic name: dense, dense_1, dense_2, ... */
  function kerasName(base, index) {
    return index === 0 ? base : base + "_" + index;
  }

  /** Per-layer counts, the summary's rows and the totals, or the errors. */
  function compute(state, t) {
    var errors = [];
    var input = count(state.input, t.inputField, t);
    if (input.error) errors.push({ field: "input", message: input.error });
    if (state.layers.length === 0) {
      errors.push({ field: null, message: t.noLayers });
    }
    var layers = state.layers.map(function (layer, i) {
      var units = count(layer.units, t.unitsField(i + 1), t);
      if (units.error) {
        errors.push({ field: "units-" + i, message: units.error });
      }
      return units.value;
    });
    if (errors.length) return { errors: errors };
    var n = input.value;
    var rows = [];
    var summary = [];
    var total = 0n;
    var bytes = 0n;
    var activations = 0;
    state.layers.forEach(function (layer, i) {
      var u = layers[i];
      var kernel = n * u;
      var params = denseParams(n, u, layer.bias);
      var size = params * DTYPE_BYTES[layer.dtype];
      rows.push({
        n: n, units: u, bias: layer.bias, dtype: layer.dtype,
        activation: layer.activation, kernel: kernel, params: params,
        bytes: size, dtypeBytes: DTYPE_BYTES[layer.dtype],
      });
      var shape = "(None, " + u.toString() + ")";
      summary.push({ name: kerasName("dense", i), type: "Dense", shape: shape,
        params: params });
      if (layer.activation !== "none") {
        summary.push({ name: kerasName("activation", activations),
          type: "Activation", shape: shape, params: 0n });
        activations += 1;
      }
      total += params;
      bytes += size;
      n = u;
    });
    if (total > MAX_SAFE) {
      errors.push({
        field: null,
        message: t.tooManyParams(grouped(total)),
      });
      return { errors: errors };
    }
    return {
      errors: [], input: input.value, rows: rows, summary: summary,
      total: total, bytes: bytes,
    };
  }

  /** The Keras program that builds the model and prints its summary. */
  function kerasCode(result) {
    var lines = ["import keras", "from keras import layers", "",
      "model = keras.Sequential(", "    ["];
    lines.push("        keras.Input(shape=(" + result.input + ",)),");
    result.rows.forEach(function (r) {
      var dtype = r.dtype === "float32" ? "" : ', dtype="' + r.dtype + '"';
      var args = [r.units.toString()];
      if (!r.bias) args.push("use_bias=False");
      lines.push("        layers.Dense(" + args.join(", ") + dtype + "),");
      if (r.activation !== "none") {
        lines.push('        layers.Activation("' + r.activation + '"' + dtype + "),");
      }
    });
    lines.push("    ]", ")", "model.summary()");
    return lines.join("\n");
  }

  // ---- the page ----------------------------------------------------------

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

  function bind(root) {
    var form = root.querySelector("[data-calc-form]");
    var inputField = root.querySelector("#calc-input");
    var list = root.querySelector("[data-calc-layers]");
    var addButton = root.querySelector("[data-calc-add]");
    var sum = root.querySelector("[data-calc-sum]");
    var grid = root.querySelector(".calc-grid");
    var figure = root.querySelector("[data-calc-figure]");
    var diagram = root.querySelector("[data-calc-diagram]");
    var body = root.querySelector("[data-calc-rows]");
    var totals = root.querySelector("[data-calc-totals]");
    var errorBox = root.querySelector('[data-testid="error"]');
    var code = root.querySelector("[data-calc-code]");

    var t = pageMessages();
    var parsed = fromQuery(location.search || DEFAULT, t);
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

    function layerCard(layer, i) {
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
        changed();
      });
      var activation = choice("calc-activation-" + i, "activation", ACTIVATIONS,
        t.activationNames, layer.activation);
      activation.addEventListener("change", function () {
        layer.activation = activation.value;
        changed();
      });
      var dtype = choice("calc-dtype-" + i, "dtype", DTYPES, {}, layer.dtype);
      dtype.addEventListener("change", function () {
        layer.dtype = dtype.value;
        changed();
      });
      var biasId = "calc-bias-" + i;
      var bias = el("input", { id: biasId, type: "checkbox", "data-testid": "bias" });
      bias.checked = layer.bias;
      bias.addEventListener("change", function () {
        layer.bias = bias.checked;
        changed();
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
        state.layers.splice(i, 1);
        renderLayers();
        changed();
        var buttons = list.querySelectorAll(".calc-remove");
        (buttons[Math.min(i, buttons.length - 1)] || addButton).focus();
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

    function renderLayers() {
      list.replaceChildren.apply(list, state.layers.map(layerCard));
      addButton.disabled = state.layers.length >= MAX_LAYERS;
    }

    /** Each card's own count: formula, parameters, bytes. */
    function showLayerResults(rows) {
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

    function totalLine(result, hooks) {
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

    function showResults(result) {
      showLayerResults(result.rows);
      sum.replaceChildren(totalLine(result, true));
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
        totalLine(result, false),
        el("p", {}, t.trainable(grouped(result.total), readableBytes(result.bytes))),
        el("p", {}, t.frozen)
      );
      figure.hidden = false;
      shown = true;
      drawing = { input: result.input, layers: result.rows, total: result.total };
      if (!frame) frame = requestAnimationFrame(draw);
      code.textContent = kerasCode(result);
      linkWatch();
    }

    // The "Watch it learn" link (docs/watch.md) takes the calculator's network
    // along when that page can train it: 2 inputs, one hidden Dense layer of
    // at most 256 units, Dense(1) and a sigmoid, float32, with biases.
    var watchLink = document.querySelector("[data-calc-watch]");
    var WATCH_ACTIVATIONS = { none: "linear", softmax: "softmax", relu: "relu",
      tanh: "tanh", sigmoid: "sigmoid" };

    function linkWatch() {
      if (!watchLink) return;
      var base = watchLink.getAttribute("href").split("?")[0];
      var l = state.layers;
      var fits = state.input === "2" && l.length === 2 && l[1].units === "1" &&
        l[1].activation === "sigmoid" && /^[1-9][0-9]{0,2}$/.test(l[0].units) &&
        Number(l[0].units) <= 256 && l.every(function (layer) {
          return layer.bias && layer.dtype === "float32";
        });
      watchLink.setAttribute("href", fits ? base + "?units=" + l[0].units +
        "&activation=" + WATCH_ACTIVATIONS[l[0].activation] : base);
    }

    // The drawing follows once per frame: typing fast redraws it only as
    // often as the screen shows it.
    var drawing = null;
    var frame = 0;

    function draw() {
      cancelAnimationFrame(frame);
      frame = 0;
      if (!drawing) return;
      var width = window.denseCalculatorDiagram(diagram, drawing, t.diagram, grouped);
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
      showLayerResults(null);
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

    var linkPending = false;

    function changed() {
      queryProblems = []; // the form, not the link, says what to count now
      update();
      // The address bar follows once per burst of changes: replaceState is
      // slow, and a burst (a paste, a script) needs only its last state.
      if (!linkPending) {
        linkPending = true;
        queueMicrotask(function () {
          linkPending = false;
          history.replaceState(history.state, "", toQuery(state) + location.hash);
        });
      }
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
    var drawingReady = typeof window.denseCalculatorDiagram === "function";
    if (root && drawingReady && !root.hasAttribute("data-ready")) bind(root);
  }

  // The page's two scripts run on every visit: in order on a full load, in
  // either order after an instant navigation (Material inserts them together,
  // and each runs when it arrives). Whichever runs second binds the page.
  window.denseCalculatorInit = init;
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
