/*
 * The "Watch it learn" page (docs/watch.md, docs/watch.zh.md): the question's
 * network computing one row, and training live, beside what Keras computed.
 *
 * - The network's arithmetic is watch-model.js's (window.denseWatchModel);
 *   this file reads the page's controls, draws, and compares.
 * - Keras's side is written into the page by densedocs/site/page_data.py:
 *   #data-watch-keras_runs (snippets/watch/keras_runs.py: Keras's seeded
 *   starts, and the logs of the captured runs) and #data-watch-stages
 *   (snippets/watch/stages.py: each row's stages, at the start and after
 *   training). Where Keras's start for the chosen hidden units is captured,
 *   training starts from it; otherwise from the page's own Glorot-uniform
 *   start, and the page says so.
 * - The state lives in the URL query: ?data=and&units=32&activation=softmax
 *   &lr=0.1&epochs=30 (training) &row=3 or &x=0.5,1 and &weights=start,
 *   trained or live (the forward pass). A value that is not allowed is named
 *   in a message and nothing runs, never silently replaced.
 * - Play animates (about 12 epochs a second, a long run in at most 8 s); with
 *   prefers-reduced-motion it shows the end at once. It pauses while the tab
 *   is hidden.
 * - Canvases are pictures with a text alternative (role="img", aria-label)
 *   that states their numbers; colours come from Material's scheme, light or
 *   dark. Everything a reader types is shown with textContent only.
 */
(function () {
  "use strict";

  if (window.denseWatchLoaded) return;
  window.denseWatchLoaded = true;

  var X = [[0, 0], [0, 1], [1, 0], [1, 1]];
  var DATASETS = ["and", "or", "xor"];
  var WEIGHTS = ["start", "trained", "live"];
  var LIMITS = { units: [1, 256], epochs: [1, 5000] };
  var DEFAULTS = {
    data: "and", units: "32", activation: "softmax", lr: "0.1", epochs: "30",
    row: "3", x: null, weights: "start",
  };
  var SEED = 0; // the page's own start, where Keras's is not captured
  var EPOCH_MS = 80;
  var MAX_RUN_MS = 8000;
  var RANGE = [-0.25, 1.25]; // the plane the boundary is drawn over

  var MESSAGES = {
    en: {
      badChoice: function (key, value, allowed) {
        return key + "= is “" + value + "”: one of " + allowed.join(", ") + ".";
      },
      badWhole: function (label, lo, hi) {
        return label + ": a whole number from " + lo + " to " + hi + ".";
      },
      badRate: "Learning rate: a number above 0 and at most 10 (0.1 as asked).",
      badX: "x1 and x2: two numbers, such as 0.5 and 1.",
      badRow: "row= is not 0, 1, 2 or 3.",
      unknownKey: function (key) { return "The link has an unknown key " + key + "=."; },
      units: "Hidden units",
      epochs: "Epochs",
      kerasStart: function (units) {
        return "Start: Keras's weights for Dense(" + units + ") under " +
          "keras.utils.set_random_seed(0), captured by snippets/watch/keras_runs.py.";
      },
      ownStart: function (units) {
        return "Start: drawn by this page, not by Keras. No Keras start for " +
          units + " hidden units is captured, so the page draws its own " +
          "Glorot-uniform start (Keras's default initializer) with its own " +
          "generator: the numbers below are not the ones Keras would print.";
      },
      kerasRun: "Keras's log for this configuration is captured: each of its losses stands next to the page's.",
      noKerasRun: "No Keras log for this configuration is captured: the page's losses stand alone.",
      epochLine: function (e, n, acc, loss) {
        return "Epoch " + e + "/" + n + " - accuracy: " + acc + " - loss: " + loss;
      },
      kerasSays: function (loss) { return "   Keras: " + loss; },
      notStarted: "Epoch 0: press Play or Step.",
      play: "Play",
      pause: "Pause",
      done: "Done",
      input: "input",
      target: "target",
      page: "this page",
      keras: "Keras",
      lossTitle: "Loss per epoch",
      lossAlt: function (n, values, kerasToo) {
        return "The loss per epoch, epochs 1 to " + n + ": " + values + "." +
          (kerasToo ? " Keras's logged losses are drawn as dots on the line." : "");
      },
      lossNone: "No epoch has run yet.",
      heatAlt: function (rows) {
        return "The weights, blue below 0 and red above: " + rows + ".";
      },
      boundaryAlt: function (share, points) {
        return "The network's output over the plane, x1 and x2 from −0.25 to 1.25: " +
          "above 0.5 (red) on " + share + "% of it, below (blue) on the rest. " +
          "At the four rows of X: " + points + ".";
      },
      stageAlt: function (name, values) { return name + ": " + values + "."; },
      sumIs: function (s) { return "They sum to " + s + "."; },
      kerasStage: function (diff) {
        return "Keras (snippets/watch/stages.py) printed the same values: " +
          "the largest difference is " + diff + ".";
      },
      noKerasStage: "Keras's values for this input and these weights are not captured.",
      weightsNames: {
        start: "Keras's start", trained: "after 30 epochs (Keras's)",
        live: "the training below, now",
      },
      noRun: "nothing yet: press Play or Step below",
      values: function (n) { return n === 1 ? "1 value" : n + " values"; },
      atEpoch: function (n) { return "epoch " + n; },
    },
    zh: {
      badChoice: function (key, value, allowed) {
        return key + "= 是“" + value + "”：应为 " + allowed.join("、") + " 之一。";
      },
      badWhole: function (label, lo, hi) {
        return label + "：应为 " + lo + " 到 " + hi + " 之间的整数。";
      },
      badRate: "学习率：应为大于 0、不超过 10 的数（原题用 0.1）。",
      badX: "x1 和 x2：应为两个数，例如 0.5 和 1。",
      badRow: "row= 不是 0、1、2 或 3。",
      unknownKey: function (key) { return "链接中有未知的参数 " + key + "=。"; },
      units: "隐藏单元数",
      epochs: "轮数",
      kerasStart: function (units) {
        return "起点：Keras 在 keras.utils.set_random_seed(0) 下为 Dense(" + units +
          ") 创建的权重，由 snippets/watch/keras_runs.py 捕获。";
      },
      ownStart: function (units) {
        return "起点：由本页生成，不是 Keras 的。没有捕获 " + units +
          " 个隐藏单元时 Keras 的起点，所以本页用自己的随机数生成器按 Glorot 均匀分布" +
          "（Keras 的默认初始化方式）抽取起点：下面的数不是 Keras 会打印的数。";
      },
      kerasRun: "这个配置下 Keras 的训练日志已捕获：每一轮的损失都与本页的并列显示。",
      noKerasRun: "这个配置下没有捕获 Keras 的训练日志：只显示本页算出的损失。",
      epochLine: function (e, n, acc, loss) {
        return "Epoch " + e + "/" + n + " - accuracy: " + acc + " - loss: " + loss;
      },
      kerasSays: function (loss) { return "   Keras：" + loss; },
      notStarted: "第 0 轮：请按“播放”或“单步”。",
      play: "播放",
      pause: "暂停",
      done: "已完成",
      input: "输入",
      target: "目标",
      page: "本页",
      keras: "Keras",
      lossTitle: "每一轮的损失",
      lossAlt: function (n, values, kerasToo) {
        return "第 1 到第 " + n + " 轮的损失：" + values + "。" +
          (kerasToo ? "Keras 日志中的损失画成线上的圆点。" : "");
      },
      lossNone: "还没有训练任何一轮。",
      heatAlt: function (rows) {
        return "权重，小于 0 为蓝色，大于 0 为红色：" + rows + "。";
      },
      boundaryAlt: function (share, points) {
        return "网络在平面上的输出，x1 和 x2 从 −0.25 到 1.25：其中 " + share +
          "% 的区域大于 0.5（红色），其余小于 0.5（蓝色）。X 的四行：" + points + "。";
      },
      stageAlt: function (name, values) { return name + "：" + values + "。"; },
      sumIs: function (s) { return "它们的和是 " + s + "。"; },
      kerasStage: function (diff) {
        return "Keras（snippets/watch/stages.py）打印的是同样的值：最大差值为 " + diff + "。";
      },
      noKerasStage: "没有捕获 Keras 对这个输入、这组权重算出的值。",
      weightsNames: {
        start: "Keras 的起点", trained: "训练 30 轮之后（Keras 的）",
        live: "下面正在训练的网络",
      },
      noRun: "还没有：请在下面按“播放”或“单步”",
      values: function (n) { return n + " 个值"; },
      atEpoch: function (n) { return "第 " + n + " 轮"; },
    },
  };

  function pageMessages() {
    var lang = (document.documentElement.lang || "en").split("-")[0];
    return Object.prototype.hasOwnProperty.call(MESSAGES, lang)
      ? MESSAGES[lang]
      : MESSAGES.en;
  }

  function fixed(v, digits) { return v.toFixed(digits === undefined ? 4 : digits); }

  function readData(id) {
    var node = document.getElementById(id);
    return node ? JSON.parse(node.textContent) : null;
  }

  // ---- the state and its URL ---------------------------------------------

  /** Whole numbers only: "32" yes, "32.0", "3e1", " 32" no. */
  function wholeIn(text, range) {
    if (!/^[0-9]{1,7}$/.test(text)) return null;
    var n = Number(text);
    return n >= range[0] && n <= range[1] ? n : null;
  }

  function rateOf(text) {
    if (!/^(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:e-?[0-9]+)?$/i.test(text)) return null;
    var n = Number(text);
    return n > 0 && n <= 10 ? n : null;
  }

  function xOf(text) {
    var parts = String(text).split(",");
    if (parts.length !== 2) return null;
    var xs = parts.map(function (p) {
      p = p.trim();
      return /^-?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)$/.test(p) ? Number(p) : NaN;
    });
    return xs.every(function (v) { return isFinite(v) && Math.abs(v) <= 1000; })
      ? xs : null;
  }

  /** The state of a query string, and what is wrong with it. */
  function fromQuery(search, t) {
    var state = Object.assign({}, DEFAULTS);
    var problems = [];
    var params = new URLSearchParams(search);
    params.forEach(function (value, key) {
      if (!Object.prototype.hasOwnProperty.call(DEFAULTS, key)) {
        problems.push(t.unknownKey(key));
        return;
      }
      state[key] = value;
    });
    if (params.has("x")) state.row = null;
    return { state: state, problems: problems };
  }

  function toQuery(state) {
    var params = new URLSearchParams();
    ["data", "units", "activation", "lr", "epochs"].forEach(function (k) {
      params.set(k, state[k]);
    });
    if (state.x !== null) params.set("x", state.x); else params.set("row", state.row);
    params.set("weights", state.weights);
    return "?" + params.toString().replace(/%2C/g, ",");
  }

  /** The configuration the state describes, or the problems that stop it. */
  function check(state, t) {
    var problems = [];
    var c = {};
    function choice(key, allowed) {
      if (allowed.indexOf(state[key]) < 0) {
        problems.push({ key: key, message: t.badChoice(key, state[key], allowed) });
      }
      return state[key];
    }
    c.data = choice("data", DATASETS);
    c.activation = choice("activation", window.denseWatchModel.ACTIVATIONS);
    c.weights = choice("weights", WEIGHTS);
    c.units = wholeIn(state.units, LIMITS.units);
    if (c.units === null) {
      problems.push({ key: "units", message: t.badWhole(t.units, 1, 256) });
    }
    c.epochs = wholeIn(state.epochs, LIMITS.epochs);
    if (c.epochs === null) {
      problems.push({ key: "epochs", message: t.badWhole(t.epochs, 1, 5000) });
    }
    c.lr = rateOf(state.lr);
    if (c.lr === null) problems.push({ key: "lr", message: t.badRate });
    if (state.x !== null) {
      c.x = xOf(state.x);
      if (c.x === null) problems.push({ key: "x", message: t.badX });
    } else {
      c.row = wholeIn(state.row, [0, 3]);
      if (c.row === null) problems.push({ key: "row", message: t.badRow });
      else c.x = X[c.row];
    }
    return { config: c, problems: problems };
  }

  // ---- colours and canvases ----------------------------------------------

  var BLUE = [33, 102, 172];
  var RED = [178, 24, 43];

  function colours(root) {
    var style = getComputedStyle(root);
    function rgb(name, fallback) {
      var probe = document.createElement("span");
      probe.style.color = style.getPropertyValue(name).trim() || fallback;
      root.appendChild(probe);
      var value = getComputedStyle(probe).color.match(/[0-9.]+/g).map(Number);
      root.removeChild(probe);
      return value.slice(0, 3);
    }
    return {
      fg: rgb("--md-default-fg-color", "#000"),
      bg: rgb("--md-default-bg-color", "#fff"),
      light: rgb("--md-default-fg-color--lighter", "#ccc"),
      line: rgb("--md-primary-fg-color", "#3f51b5"),
    };
  }

  function css(c, alpha) {
    return "rgba(" + c[0] + "," + c[1] + "," + c[2] + "," + (alpha === undefined ? 1 : alpha) + ")";
  }

  /** Blue (-1) through the background (0) to red (+1). */
  function diverging(t, bg) {
    var end = t > 0 ? RED : BLUE;
    var s = Math.min(Math.abs(t), 1);
    return [0, 1, 2].map(function (i) { return Math.round(bg[i] + (end[i] - bg[i]) * s); });
  }

  /** A canvas sized to its box at the screen's pixel ratio; its 2D context. */
  function surface(canvas, height) {
    var width = canvas.clientWidth || 300;
    var ratio = window.devicePixelRatio || 1;
    if (canvas.width !== Math.round(width * ratio)) canvas.width = Math.round(width * ratio);
    if (canvas.height !== Math.round(height * ratio)) canvas.height = Math.round(height * ratio);
    var ctx = canvas.getContext("2d");
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, width, height);
    ctx.font = "12px " + (getComputedStyle(canvas).fontFamily || "sans-serif");
    return { ctx: ctx, width: width, height: height };
  }

  function listed(values, digits) {
    return values.map(function (v) { return fixed(v, digits); }).join(", ");
  }

  /** At most 2·keep values: the first and last keep, and how many between. */
  function shortList(values, keep, digits) {
    if (values.length <= 2 * keep) return listed(values, digits);
    return listed(values.slice(0, keep), digits) + ", … (" + (values.length - 2 * keep) +
      " more) …, " + listed(values.slice(-keep), digits);
  }

  function drawBars(canvas, values, c, symmetric) {
    var s = surface(canvas, 90);
    var top = symmetric ? Math.max.apply(null, values.map(Math.abs)) : Math.max.apply(null, values);
    top = top || 1;
    var zeroY = symmetric ? s.height / 2 : s.height - 4;
    var scale = symmetric ? (s.height / 2 - 4) / top : (s.height - 8) / top;
    var w = s.width / values.length;
    s.ctx.strokeStyle = css(c.light);
    s.ctx.beginPath();
    s.ctx.moveTo(0, zeroY);
    s.ctx.lineTo(s.width, zeroY);
    s.ctx.stroke();
    values.forEach(function (v, i) {
      s.ctx.fillStyle = symmetric ? css(diverging(v / top, c.bg)) : css(c.line);
      var h = v * scale;
      s.ctx.fillRect(i * w + w * 0.1, Math.min(zeroY, zeroY - h), Math.max(w * 0.8, 1), Math.abs(h));
    });
  }

  function drawLoss(canvas, losses, keras, epochs, c, t) {
    var s = surface(canvas, 180);
    var left = 44, bottom = 24, right = 8, top = 18;
    var all = losses.concat(keras ? keras.slice(0, epochs) : []);
    var high = Math.max(0.8, Math.max.apply(null, all.length ? all : [0.8])) * 1.05;
    function px(e) { return left + (s.width - left - right) * (epochs > 1 ? (e - 1) / (epochs - 1) : 0.5); }
    function py(v) { return top + (s.height - top - bottom) * (1 - v / high); }
    s.ctx.strokeStyle = css(c.light);
    s.ctx.fillStyle = css(c.fg);
    s.ctx.beginPath();
    s.ctx.moveTo(left, top);
    s.ctx.lineTo(left, s.height - bottom);
    s.ctx.lineTo(s.width - right, s.height - bottom);
    s.ctx.stroke();
    s.ctx.textAlign = "right";
    [0, high / 2, high].forEach(function (v) { s.ctx.fillText(fixed(v, 2), left - 4, py(v) + 4); });
    s.ctx.textAlign = "center";
    s.ctx.fillText("1", px(1), s.height - 6);
    s.ctx.fillText(String(epochs), px(epochs), s.height - 6);
    s.ctx.textAlign = "left";
    s.ctx.fillText(t.lossTitle, left + 6, 12);
    if (keras) {
      s.ctx.fillStyle = css(c.fg, 0.55);
      keras.slice(0, Math.min(epochs, keras.length)).forEach(function (v, i) {
        s.ctx.beginPath();
        s.ctx.arc(px(i + 1), py(v), 3, 0, 2 * Math.PI);
        s.ctx.fill();
      });
    }
    s.ctx.strokeStyle = css(c.line);
    s.ctx.lineWidth = 2;
    s.ctx.beginPath();
    losses.forEach(function (v, i) {
      if (i === 0) s.ctx.moveTo(px(1), py(v)); else s.ctx.lineTo(px(i + 1), py(v));
    });
    s.ctx.stroke();
    s.ctx.lineWidth = 1;
  }

  var HEAT_ROWS = [
    ["kernel x1", function (w) { return w.kernel[0]; }],
    ["kernel x2", function (w) { return w.kernel[1]; }],
    ["bias", function (w) { return w.bias; }],
    ["kernel_2", function (w) { return w.kernel_2.map(function (r) { return r[0]; }); }],
    ["bias_2", function (w) { return w.bias_2; }],
  ];

  function drawHeat(canvas, w, c) {
    var rowH = 20, gap = 4, left = 70;
    var s = surface(canvas, HEAT_ROWS.length * (rowH + gap) + 4);
    var rows = HEAT_ROWS.map(function (r) { return r[1](w); });
    var limit = Math.ceil(Math.max.apply(null, rows.map(function (vs) {
      return Math.max.apply(null, vs.map(Math.abs));
    }))) || 1;
    var cell = (s.width - left) / w.bias.length;
    rows.forEach(function (values, r) {
      var y = r * (rowH + gap) + 2;
      s.ctx.fillStyle = css(c.fg);
      s.ctx.fillText(HEAT_ROWS[r][0], 0, y + 14);
      values.forEach(function (v, i) {
        s.ctx.fillStyle = css(diverging(v / limit, c.bg));
        s.ctx.fillRect(left + i * cell, y, Math.max(cell - 1, 1), rowH);
      });
    });
    return limit;
  }

  function drawBoundary(canvas, w, activation, Y, c) {
    var size = Math.min(canvas.clientWidth || 240, 320);
    canvas.style.height = size + "px";
    var s = surface(canvas, size);
    var n = 40;
    var span = RANGE[1] - RANGE[0];
    var cell = s.width / n;
    var above = 0;
    var model = window.denseWatchModel;
    for (var i = 0; i < n; i++) {
      for (var j = 0; j < n; j++) {
        var x1 = RANGE[0] + span * (i + 0.5) / n;
        var x2 = RANGE[1] - span * (j + 0.5) / n;
        var p = model.forward(w, [x1, x2], activation).sigmoid;
        if (p > 0.5) above += 1;
        s.ctx.fillStyle = css(diverging((p - 0.5) * 2, c.bg));
        s.ctx.fillRect(i * cell, j * (s.height / n), cell + 0.5, s.height / n + 0.5);
      }
    }
    X.forEach(function (x, r) {
      var cx = (x[0] - RANGE[0]) / span * s.width;
      var cy = (RANGE[1] - x[1]) / span * s.height;
      // A ring of the background around each point: a point on a region of its
      // own colour (a row the network gets right) still stands out.
      s.ctx.beginPath();
      s.ctx.arc(cx, cy, 11, 0, 2 * Math.PI);
      s.ctx.fillStyle = css(c.bg);
      s.ctx.fill();
      s.ctx.beginPath();
      s.ctx.arc(cx, cy, 7, 0, 2 * Math.PI);
      s.ctx.fillStyle = css(Y[r] ? RED : BLUE);
      s.ctx.fill();
      s.ctx.strokeStyle = css(c.fg);
      s.ctx.lineWidth = 1.5;
      s.ctx.stroke();
      var label = "[" + x[0] + ", " + x[1] + "]";
      var lx = Math.min(cx + 14, s.width - 40);
      s.ctx.strokeStyle = css(c.bg);
      s.ctx.lineWidth = 3;
      s.ctx.lineJoin = "round";
      s.ctx.strokeText(label, lx, cy + 4);
      s.ctx.lineWidth = 1;
      s.ctx.fillStyle = css(c.fg);
      s.ctx.fillText(label, lx, cy + 4);
    });
    return Math.round((100 * above) / (n * n));
  }

  // ---- the page ----------------------------------------------------------

  function bind(root) {
    var t = pageMessages();
    var model = window.denseWatchModel;
    var runs = readData("data-watch-keras_runs");
    var stagesData = readData("data-watch-stages");
    var parsed = fromQuery(location.search, t);
    var state = parsed.state;
    var linkProblems = parsed.problems;
    var palette = colours(root);

    // The page's two parts (the forward pass, the training) are apart, with a
    // heading between them: their elements are looked up in the document.
    function q(name) { return document.querySelector("[data-watch-" + name + "]"); }
    function all(name) { return document.querySelectorAll("[data-watch-" + name + "]"); }

    var fields = {
      data: q("field=data"), units: q("field=units"), activation: q("field=activation"),
      lr: q("field=lr"), epochs: q("field=epochs"), x1: q("field=x1"), x2: q("field=x2"),
    };
    var rowRadios = all("row");
    var weightRadios = all("weights");
    var errorBox = q("error");
    var playButton = q("play");
    var stepButton = q("step");
    var resetButton = q("reset");

    var trainer = null;
    var losses = [];
    var accuracies = [];
    var config = null;
    var keras = null; // Keras's captured run for this configuration
    var start = null;
    var playing = false;
    var playStart = 0;
    var epochAtPlay = 0;
    var resumeOnShow = false;
    var reduced = window.matchMedia("(prefers-reduced-motion: reduce)");

    function findRun(c) {
      return (runs.runs || []).filter(function (r) {
        return r.data === c.data && r.units === c.units && r.activation === c.activation &&
          r.learning_rate === c.lr;
      })[0] || null;
    }

    function showFields() {
      ["data", "units", "activation", "lr", "epochs"].forEach(function (k) {
        fields[k].value = state[k];
      });
      var x = state.x !== null ? state.x.split(",") : X[Number(state.row)] || ["", ""];
      fields.x1.value = String(x[0]).trim();
      fields.x2.value = x[1] === undefined ? "" : String(x[1]).trim();
      rowRadios.forEach(function (r) {
        r.checked = state.x === null && r.value === state.row;
      });
      weightRadios.forEach(function (r) { r.checked = r.value === state.weights; });
    }

    function markFields(problems) {
      Object.keys(fields).forEach(function (k) {
        var key = k === "x1" || k === "x2" ? "x" : k;
        var bad = problems.some(function (p) { return p.key === key; });
        if (bad) fields[k].setAttribute("aria-invalid", "true");
        else fields[k].removeAttribute("aria-invalid");
      });
    }

    function reset() {
      pause();
      var checked = check(state, t);
      var messages = linkProblems.concat(checked.problems.map(function (p) { return p.message; }));
      markFields(checked.problems);
      errorBox.textContent = messages.join(" ");
      errorBox.hidden = messages.length === 0;
      root.toggleAttribute("data-invalid", messages.length > 0);
      if (messages.length) {
        config = null;
        trainer = null;
        playButton.disabled = stepButton.disabled = true;
        return;
      }
      config = checked.config;
      var kerasStart = runs.starts[String(config.units)];
      start = kerasStart ? model.copyWeights(kerasStart) : model.glorotStart(config.units, SEED);
      q("start").textContent = kerasStart ? t.kerasStart(config.units) : t.ownStart(config.units);
      root.setAttribute("data-start", kerasStart ? "keras" : "page");
      keras = kerasStart ? findRun(config) : null;
      q("keras-run").textContent = keras ? t.kerasRun : t.noKerasRun;
      trainer = model.newTrainer(start, X, runs.datasets[config.data], config.activation, config.lr);
      losses = [];
      accuracies = [];
      playButton.disabled = stepButton.disabled = false;
      showTraining();
      showForward();
    }

    function step() {
      var r = trainer.step();
      losses.push(r.loss);
      accuracies.push(r.accuracy);
    }

    function logLines() {
      return losses.map(function (loss, i) {
        var line = t.epochLine(i + 1, config.epochs, fixed(accuracies[i]), fixed(loss));
        if (keras && i < keras.losses.length) line += t.kerasSays(fixed(keras.losses[i]));
        return line;
      });
    }

    function showTraining() {
      var Y = runs.datasets[config.data];
      var w = trainer.weights();
      var done = losses.length >= config.epochs;
      var lines = logLines();
      var log = q("log");
      log.textContent = lines.length ? lines.join("\n") : t.notStarted;
      log.setAttribute("data-losses", JSON.stringify(losses));
      log.scrollTop = log.scrollHeight;
      q("epoch").textContent = lines.length ? lines[lines.length - 1].trim() : t.notStarted;
      root.setAttribute("data-epoch", String(losses.length));
      playButton.textContent = playing ? t.pause : t.play;
      playButton.setAttribute("aria-pressed", playing ? "true" : "false");
      playButton.disabled = stepButton.disabled = done;
      if (done) playButton.textContent = t.done;

      var kerasLosses = keras ? keras.losses : null;
      var lossCanvas = q("loss");
      drawLoss(lossCanvas, losses, kerasLosses, config.epochs, palette, t);
      lossCanvas.setAttribute("aria-label", losses.length
        ? t.lossAlt(losses.length, shortList(losses, 30), !!keras) : t.lossNone);

      var body = q("predictions");
      var finalKeras = keras && losses.length === keras.epochs ? keras.predictions : null;
      body.textContent = "";
      X.forEach(function (x, r) {
        var p = model.forward(w, x, config.activation).sigmoid;
        var tr = document.createElement("tr");
        [
          "[" + x.join(", ") + "]", String(Y[r]), fixed(p),
          finalKeras ? fixed(finalKeras[r]) : "—",
        ].forEach(function (text, k) {
          var cell = document.createElement(k === 0 ? "th" : "td");
          if (k === 0) cell.scope = "row";
          cell.textContent = text;
          tr.appendChild(cell);
        });
        tr.cells[2].setAttribute("data-value", String(p));
        body.appendChild(tr);
      });

      var heat = q("heat");
      var limit = drawHeat(heat, w, palette);
      heat.setAttribute("data-weights", JSON.stringify(w));
      heat.setAttribute("aria-label", t.heatAlt(HEAT_ROWS.map(function (r) {
        return r[0] + " " + listed(r[1](w), 2);
      }).join("; ") + " (scale ±" + limit + ")"));

      var boundary = q("boundary");
      var share = drawBoundary(boundary, w, config.activation, Y, palette);
      boundary.setAttribute("aria-label", t.boundaryAlt(share, X.map(function (x) {
        return "[" + x.join(", ") + "] " + fixed(model.forward(w, x, config.activation).sigmoid);
      }).join(", ")));
      if (state.weights === "live") showForward();
    }

    /** The weights the forward pass uses, and Keras's stages for them. */
    function forwardWeights() {
      if (state.weights === "live") return { w: trainer.weights(), keras: null };
      var question = runs.runs[0];
      var w = state.weights === "start" ? runs.starts[String(question.units)] : question.trained;
      var rows = stagesData[state.weights];
      var kerasStages = state.x === null ? rows[Number(state.row)] : null;
      return { w: w, keras: kerasStages, activation: question.activation };
    }

    function showForward() {
      if (!config) return;
      var chosen = forwardWeights();
      var activation = chosen.activation || config.activation;
      var s = model.forward(chosen.w, config.x, activation);
      var x = config.x;
      var k = chosen.keras;
      q("forward-weights").textContent = t.weightsNames[state.weights] +
        (state.weights === "live" ? " (" + (losses.length ? t.atEpoch(losses.length) : t.noRun) + ")" : "");
      var stages = [
        { name: "dense", values: s.dense, kerasValues: k && k.dense },
        { name: "hidden", values: s.hidden, kerasValues: k && (k.softmax || k.hidden) },
        { name: "dense_2", values: [s.dense_2], kerasValues: k && k.dense_2 },
        { name: "sigmoid", values: [s.sigmoid], kerasValues: k && k.sigmoid },
      ];
      q("formula-dense").textContent = "[" + x.join(", ") + "] · kernel (2 × " + s.dense.length +
        ") + bias (" + s.dense.length + ") = " + t.values(s.dense.length);
      q("formula-hidden").textContent = activation === "softmax"
        ? "softmax: e^h / Σ e^h, " + t.values(s.hidden.length) + ". " +
          t.sumIs(fixed(s.hidden.reduce(function (a, b) { return a + b; }, 0)))
        : activation + "(h), " + t.values(s.hidden.length);
      var z = s.dense_2;
      q("formula-dense_2").textContent = "a · kernel_2 (" + s.hidden.length + " × 1) + bias_2 = " + fixed(z);
      q("formula-sigmoid").textContent = "sigmoid(" + fixed(z) + ") = 1 / (1 + e^(" +
        fixed(-z) + ")) = " + fixed(s.sigmoid);
      stages.forEach(function (stage) {
        var values = q("values-" + stage.name);
        values.textContent = listed(stage.values);
        values.setAttribute("data-values", JSON.stringify(stage.values));
        var plot = q("plot-" + stage.name);
        if (plot) {
          drawBars(plot, stage.values, palette, stage.name === "dense");
          plot.setAttribute("aria-label", t.stageAlt(stage.name, listed(stage.values)));
        }
        var note = q("keras-" + stage.name);
        if (stage.kerasValues) {
          var diff = Math.max.apply(null, stage.values.map(function (v, i) {
            return Math.abs(v - stage.kerasValues[i]);
          }));
          note.textContent = t.kerasStage(diff === 0 ? "0" : diff.toExponential(1));
        } else {
          note.textContent = t.noKerasStage;
        }
      });
    }

    // ---- playing -------------------------------------------------------

    function frame(now) {
      if (!playing) return;
      var remaining = config.epochs - epochAtPlay;
      var duration = Math.min(remaining * EPOCH_MS, MAX_RUN_MS);
      var target = epochAtPlay + Math.floor(((now - playStart) / duration) * remaining);
      target = Math.min(target, config.epochs);
      var advanced = false;
      while (losses.length < target) { step(); advanced = true; }
      if (losses.length >= config.epochs) playing = false;
      if (advanced || !playing) showTraining();
      if (playing) requestAnimationFrame(frame);
    }

    function play() {
      if (!trainer || losses.length >= config.epochs) return;
      if (reduced.matches) {
        while (losses.length < config.epochs) step();
        showTraining();
        return;
      }
      playing = true;
      epochAtPlay = losses.length;
      playStart = performance.now();
      showTraining();
      requestAnimationFrame(frame);
    }

    function pause() {
      if (!playing) return;
      playing = false;
      if (trainer) showTraining();
    }

    // ---- controls ------------------------------------------------------

    var urlPending = false;
    function changed(resetTraining) {
      linkProblems = [];
      if (resetTraining) reset(); else { markFields(check(state, t).problems); showForward(); }
      if (!urlPending) {
        urlPending = true;
        queueMicrotask(function () {
          urlPending = false;
          history.replaceState(history.state, "", toQuery(state) + location.hash);
        });
      }
    }

    ["data", "units", "activation", "lr", "epochs"].forEach(function (k) {
      fields[k].addEventListener(fields[k].tagName === "SELECT" ? "change" : "input", function () {
        state[k] = fields[k].value.trim();
        changed(true);
      });
    });
    function typedX() {
      state.x = fields.x1.value.trim() + "," + fields.x2.value.trim();
      rowRadios.forEach(function (r) { r.checked = false; });
      var checked = check(state, t);
      if (checked.problems.some(function (p) { return p.key === "x"; })) {
        changed(true);
      } else {
        if (!config) { changed(true); return; }
        config.x = checked.config.x;
        changed(false);
      }
    }
    fields.x1.addEventListener("input", typedX);
    fields.x2.addEventListener("input", typedX);
    rowRadios.forEach(function (radio) {
      radio.addEventListener("change", function () {
        state.row = radio.value;
        state.x = null;
        var x = X[Number(radio.value)];
        fields.x1.value = String(x[0]);
        fields.x2.value = String(x[1]);
        if (config) config.x = x;
        changed(!config);
      });
    });
    weightRadios.forEach(function (radio) {
      radio.addEventListener("change", function () {
        state.weights = radio.value;
        changed(!config);
      });
    });
    playButton.addEventListener("click", function () { if (playing) pause(); else play(); });
    stepButton.addEventListener("click", function () {
      pause();
      if (trainer && losses.length < config.epochs) { step(); showTraining(); }
    });
    resetButton.addEventListener("click", function () { reset(); });
    document.querySelectorAll("[data-watch-forward-form], [data-watch-train-form]").forEach(function (form) {
      form.addEventListener("submit", function (e) { e.preventDefault(); });
    });

    document.addEventListener("visibilitychange", function () {
      if (document.hidden && playing) { resumeOnShow = true; pause(); }
      else if (!document.hidden && resumeOnShow) { resumeOnShow = false; play(); }
    });
    function redraw() {
      palette = colours(root);
      if (trainer) showTraining();
      showForward();
    }
    new MutationObserver(redraw).observe(document.body, {
      attributes: true, attributeFilter: ["data-md-color-scheme"],
    });
    var lastWidth = root.clientWidth;
    new ResizeObserver(function () {
      if (root.clientWidth !== lastWidth) { lastWidth = root.clientWidth; redraw(); }
    }).observe(root);

    showFields();
    reset();
    root.setAttribute("data-ready", "");
  }

  function init() {
    var root = document.querySelector("[data-watch]");
    var ready = window.denseWatchModel;
    if (root && ready && !root.hasAttribute("data-ready")) bind(root);
  }

  window.denseWatchInit = init;
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
