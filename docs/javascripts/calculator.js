/*
 * The parameter calculator (docs/calculator.md): any stack of Dense layers,
 * counted the way Keras counts them.
 *
 * - A Dense layer with n inputs and u units owns a kernel (n, u) and, with
 *   use_bias, a bias (u,): n*u + u parameters.
 * - Bytes are what model.summary() prints: parameters times the size of the
 *   layer's dtype, scaled and rounded like keras/src/utils/summary_utils.py
 *   (readable_memory_size: divide by 1024 while the value reaches 1024,
 *   then "{:.2f} {unit}", Python's round-half-even on the exact value).
 * - The state lives in the URL query: ?input=2&units=32,1&bias=1,0
 *   &dtype=float32,float16 (bias and dtype optional, one entry per layer).
 * - Labels and messages come from MESSAGES, chosen by <html lang> (en, zh:
 *   docs/calculator.zh.md); the numbers and data-testid hooks are the same.
 *
 * Everything a reader types or puts in the URL is shown with textContent or
 * .value only, never parsed as HTML. Counting uses BigInt: a result beyond
 * 2^53 - 1 parameters is refused, never rounded.
 *
 * The page loads this script itself (Material's instant navigation runs the
 * scripts of each page it swaps in): it binds once per page, however often
 * it runs.
 */
(function () {
  "use strict";

  if (window.denseCalculatorLoaded) return;
  window.denseCalculatorLoaded = true;

  var DTYPE_BYTES = { float32: 4n, float16: 2n, bfloat16: 2n, float64: 8n };
  var DTYPES = ["float32", "float16", "bfloat16", "float64"];
  var MAX_LAYERS = 100;
  var MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER); // 2^53 - 1
  var UNITS = ["B", "KB", "MB", "GB", "TB", "PB"];
  var DEFAULT = "?input=2&units=32,1";

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
      noLayers: "Add at least one Dense layer.",
      tooManyParams: function (n) {
        return "This model would have " + n + " parameters, more than " +
          "2^53 - 1: too large to count here.";
      },
      layerName: function (n) { return "Dense " + n; },
      layerWithDtype: function (n, dtype) { return "Dense " + n + ", " + dtype; },
      unitsLabel: "units",
      remove: "Remove",
      removeLabel: function (n) { return "Remove Dense layer " + n; },
      noBias: " (no bias)",
      total: ["Total params: ", " (", ")"],
      trainable: function (n, size) {
        return "Trainable params: " + n + " (" + size + ")";
      },
      frozen: "Non-trainable params: 0 (0.00 B)",
      noTotal: "Total params: — (fix the input above)",
      joiner: " ",
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
      noLayers: "请至少添加一个 Dense 层。",
      tooManyParams: function (n) {
        return "这个模型将有 " + n + " 个参数，超过 2^53 - 1，太大了，" +
          "这里无法计算。";
      },
      layerName: function (n) { return "Dense " + n; },
      layerWithDtype: function (n, dtype) { return "Dense " + n + "，" + dtype; },
      unitsLabel: "units（神经元个数）",
      remove: "删除",
      removeLabel: function (n) { return "删除第 " + n + " 个 Dense 层"; },
      noBias: "（无偏置）",
      total: ["参数总数（Total params）：", "（", "）"],
      trainable: function (n, size) {
        return "可训练参数（Trainable params）：" + n + "（" + size + "）";
      },
      frozen: "不可训练参数（Non-trainable params）：0（0.00 B）",
      noTotal: "参数总数（Total params）：—（请先修正上面的输入）",
      joiner: "",
    },
  };

  /** The table of the page's language (English for any other). */
  function pageMessages() {
    var lang = (document.documentElement.lang || "en").split("-")[0];
    return Object.prototype.hasOwnProperty.call(MESSAGES, lang)
      ? MESSAGES[lang]
      : MESSAGES.en;
  }

  // ---- numbers, formatted as Keras prints them ---------------------------

  /** 1234567 -> "1,234,567", like Python's f"{n:,}". */
  function grouped(n) {
    return n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  }

  /** Keras's readable_memory_size(bytes), e.g. 516n -> "516.00 B". */
  function readableBytes(bytes) {
    // Keras divides a float: the byte count rounded to a double first.
    var n = BigInt(Number(bytes));
    var scale = 1n;
    var unit = 0;
    while (unit < UNITS.length - 1 && n >= scale * 1024n) {
      scale *= 1024n;
      unit += 1;
    }
    var hundredths = (n * 100n) / scale;
    var rest = (n * 100n) % scale;
    var odd = hundredths % 2n === 1n;
    if (rest * 2n > scale || (rest * 2n === scale && odd)) {
      hundredths += 1n;
    }
    var cents = (hundredths % 100n).toString().padStart(2, "0");
    return (hundredths / 100n).toString() + "." + cents + " " + UNITS[unit];
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

  /** The state a query string describes, and what is wrong with it. */
  function fromQuery(search, t) {
    var params = new URLSearchParams(search);
    var problems = [];
    var known = { input: 1, units: 1, bias: 1, dtype: 1 };
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
    var lists = { bias: params.get("bias"), dtype: params.get("dtype") };
    ["bias", "dtype"].forEach(function (key) {
      var list = lists[key];
      lists[key] = list === null ? null : list.split(",");
      if (list !== null && lists[key].length !== unitList.length) {
        problems.push(t.listLength(lists[key].length, key, unitList.length));
      }
    });
    unitList.forEach(function (u, i) {
      var layer = { units: u, bias: true, dtype: "float32" };
      var b = lists.bias && lists.bias[i];
      if (b !== null && b !== undefined) {
        if (b === "1" || b === "true") {
          layer.bias = true;
        } else if (b === "0" || b === "false") {
          layer.bias = false;
        } else {
          problems.push(t.badBias(i + 1, shortened(b)));
        }
      }
      var d = lists.dtype && lists.dtype[i];
      if (d !== null && d !== undefined) {
        if (DTYPES.indexOf(d) >= 0) {
          layer.dtype = d;
        } else {
          problems.push(t.badDtype(i + 1, shortened(d)));
        }
      }
      state.layers.push(layer);
    });
    return { state: state, problems: problems };
  }

  function toQuery(state) {
    var units = state.layers.map(function (l) { return l.units; });
    var bias = state.layers.map(function (l) { return l.bias ? "1" : "0"; });
    var dtype = state.layers.map(function (l) { return l.dtype; });
    var params = new URLSearchParams();
    params.set("input", state.input);
    params.set("units", units.join(","));
    if (bias.indexOf("0") >= 0) params.set("bias", bias.join(","));
    if (dtype.some(function (d) { return d !== "float32"; })) {
      params.set("dtype", dtype.join(","));
    }
    // Commas are safe in a query: keep "32,1" readable, not "32%2C1".
    return "?" + params.toString().replace(/%2C/g, ",");
  }

  // ---- counting, as Keras counts -----------------------------------------

  /** Per-layer and total counts, or the errors that prevent them. */
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
    var total = 0n;
    var bytes = 0n;
    state.layers.forEach(function (layer, i) {
      var u = layers[i];
      var kernel = n * u;
      var params = kernel + (layer.bias ? u : 0n);
      var size = params * DTYPE_BYTES[layer.dtype];
      rows.push({
        n: n, units: u, bias: layer.bias, dtype: layer.dtype,
        kernel: kernel, params: params, bytes: size,
      });
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
    return { errors: [], rows: rows, total: total, bytes: bytes };
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

  function bind(root) {
    var form = root.querySelector("[data-calc-form]");
    var inputField = root.querySelector("#calc-input");
    var list = root.querySelector("[data-calc-layers]");
    var addButton = root.querySelector("[data-calc-add]");
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

    function layerRow(layer, i) {
      var row = el("li", { class: "calc-layer", "data-testid": "layer" });
      var head = el("span", { class: "calc-layer__name" }, t.layerName(i + 1));
      var id = "calc-units-" + i;
      var unitsLabel = el("label", { for: id }, t.unitsLabel);
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
      var biasId = "calc-bias-" + i;
      var bias = el("input", { id: biasId, type: "checkbox", "data-testid": "bias" });
      bias.checked = layer.bias;
      bias.addEventListener("change", function () {
        layer.bias = bias.checked;
        changed();
      });
      var biasLabel = el("label", { for: biasId, class: "calc-check" });
      biasLabel.append(bias, document.createTextNode(" use_bias"));
      var dtypeId = "calc-dtype-" + i;
      var dtypeLabel = el("label", { for: dtypeId }, "dtype");
      var dtype = el("select", { id: dtypeId, "data-testid": "dtype" });
      DTYPES.forEach(function (d) {
        var option = el("option", { value: d }, d);
        dtype.append(option);
      });
      dtype.value = layer.dtype;
      dtype.addEventListener("change", function () {
        layer.dtype = dtype.value;
        changed();
      });
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
      var note = el("span", {
        id: id + "-error", class: "calc-field-error", "aria-live": "polite",
      });
      row.append(
        head, unitsLabel, units, biasLabel, dtypeLabel, dtype, remove, note
      );
      return row;
    }

    function renderLayers() {
      list.replaceChildren.apply(list, state.layers.map(layerRow));
      addButton.disabled = state.layers.length >= MAX_LAYERS;
    }

    function cell(text, attrs) {
      return el("td", attrs || {}, text);
    }

    function showResults(result) {
      var rows = result.rows.map(function (r, i) {
        var formula = r.bias
          ? grouped(r.n) + "·" + grouped(r.units) + " + " + grouped(r.units) +
            " = " + grouped(r.params)
          : grouped(r.n) + "·" + grouped(r.units) + " = " +
            grouped(r.params) + t.noBias;
        var tr = el("tr");
        tr.append(
          cell(r.dtype === "float32"
            ? t.layerName(i + 1)
            : t.layerWithDtype(i + 1, r.dtype)),
          cell(formula, { class: "calc-formula" }),
          cell("(None, " + grouped(r.units) + ")"),
          cell(grouped(r.params), {
            "data-testid": "layer-params", "data-value": r.params.toString(),
          }),
          cell(readableBytes(r.bytes), {
            "data-testid": "layer-bytes", "data-value": r.bytes.toString(),
          })
        );
        return tr;
      });
      body.replaceChildren.apply(body, rows);
      var line = el("p", { class: "calc-total" });
      line.append(
        document.createTextNode(t.total[0]),
        el("strong", {
          "data-testid": "total-params", "data-value": result.total.toString(),
        }, grouped(result.total)),
        document.createTextNode(t.total[1]),
        el("span", {
          "data-testid": "total-bytes", "data-value": result.bytes.toString(),
        }, readableBytes(result.bytes)),
        document.createTextNode(t.total[2])
      );
      var trainable = el("p", { class: "calc-total" },
        t.trainable(grouped(result.total), readableBytes(result.bytes)));
      var frozen = el("p", { class: "calc-total" },
        t.frozen);
      totals.replaceChildren(line, trainable, frozen);
      code.textContent = kerasCode(result);
    }

    function showNothing() {
      body.replaceChildren();
      var none = el("p", { class: "calc-total" },
        t.noTotal);
      totals.replaceChildren(none);
      code.textContent = "";
    }

    function kerasCode(result) {
      var lines = ["import keras", "from keras import layers", "",
        "model = keras.Sequential(", "    ["];
      lines.push("        keras.Input(shape=(" + result.rows[0].n + ",)),");
      result.rows.forEach(function (r) {
        var args = [r.units.toString()];
        if (!r.bias) args.push("use_bias=False");
        if (r.dtype !== "float32") args.push('dtype="' + r.dtype + '"');
        lines.push("        layers.Dense(" + args.join(", ") + "),");
      });
      lines.push("    ]", ")", "model.summary()");
      return lines.join("\n");
    }

    function update() {
      var result = compute(state, t);
      fieldError(inputField, "");
      list.querySelectorAll("input[type=text]").forEach(function (f) {
        fieldError(f, "");
      });
      var messages = queryProblems.slice();
      result.errors.forEach(function (e) {
        messages.push(e.message);
        if (e.field === "input") fieldError(inputField, e.message);
        if (e.field && e.field.indexOf("units-") === 0) {
          fieldError(document.getElementById("calc-" + e.field), e.message);
        }
      });
      errorBox.textContent = messages.join(t.joiner);
      errorBox.hidden = messages.length === 0;
      root.toggleAttribute("data-invalid", messages.length > 0);
      if (messages.length) {
        showNothing();
      } else {
        showResults(result);
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
        units: "1", bias: true, dtype: last ? last.dtype : "float32",
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
    root.setAttribute("data-ready", "");
  }

  function init() {
    var root = document.querySelector("[data-calculator]");
    if (root && !root.hasAttribute("data-ready")) bind(root);
  }

  // Material's document$ emits on the first load and after every instant
  // navigation; without Material's bundle, bind once the page is parsed.
  if (typeof window.document$ !== "undefined") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
