/*
 * The "Watch it learn" page (docs/watch.md, docs/watch.zh.md): the question's
 * network drawn as the page's interface, training live beside what Keras
 * computed, and one neuron opened up to its sum.
 *
 * - The arithmetic is in pure modules: lib/watch-model.js (the network and
 *   Keras's Adam, in float32), lib/watch-neuron.js (an opened neuron's sum),
 *   lib/watch-pace.js (the speed control and the loss chart's axis). This
 *   file reads the controls, draws, and compares.
 * - Keras's side is written into the page by densedocs/site/page_data.py:
 *   #data-watch-keras_runs (snippets/watch/keras_runs.py: Keras's seeded
 *   starts, and the logs of the captured runs) and #data-watch-stages
 *   (snippets/watch/stages.py: each row's stages, at the start and after
 *   training). Where Keras's start for the chosen hidden units is captured,
 *   training starts from it; otherwise from the page's own Glorot-uniform
 *   start, and the page says so.
 * - The state lives in the URL query: ?data=and&units=32&activation=softmax
 *   &lr=0.1 (training), &row=3 or &x=0.5,1 (the row the opened neuron and
 *   the stages compute) and &weights=start, trained or live (the stages'
 *   weights). A value that is not allowed is named in a message and nothing
 *   runs, never silently replaced.
 * - Play runs until paused, at the speed control's epochs per second; past
 *   Keras's last logged epoch, the log, the loss chart and the epoch line say
 *   that the page goes on alone. With prefers-reduced-motion, Play jumps
 *   without animating: to Keras's last epoch, then 100 epochs at a time. It
 *   pauses while the tab is hidden. Nothing changes size while it runs.
 * - Figures are pictures with a text alternative that states their numbers;
 *   colours come from Material's scheme, light or dark. Everything a reader
 *   types is shown with textContent only.
 */
import { ACTIVATIONS, copyWeights, forward, glorotStart, newTrainer } from "./lib/watch-model.js";
import { hiddenNeuron, outputNeuron, shownNeurons } from "./lib/watch-neuron.js";
import {
  axisEnd,
  axisTicks,
  DEFAULT_SPEED,
  epochsDue,
  FASTEST_FRAME_MS,
  MAX_EPOCHS,
  SPEEDS,
  stillStop,
} from "./lib/watch-pace.js";

const X = [[0, 0], [0, 1], [1, 0], [1, 1]];
const DATASETS = ["and", "or", "xor"];
const WEIGHTS = ["start", "trained", "live"];
const UNITS = [1, 256];
const DEFAULTS = {
  data: "and", units: "32", activation: "softmax", lr: "0.1",
  row: "3", x: null, weights: "start",
};
const SEED = 0; // the page's own start, where Keras's is not captured
const RANGE = [-0.25, 1.25]; // the plane the boundary is drawn over
const LOG_TAIL = 200; // log lines kept past Keras's log
const SVG = "http://www.w3.org/2000/svg";

const MESSAGES = {
  en: {
    badChoice: (key, value, allowed) => key + "= is “" + value + "”: one of " + allowed.join(", ") + ".",
    badUnits: "Hidden units: a whole number from 1 to 256.",
    badRate: "Learning rate: a number above 0 and at most 10 (0.1 as asked).",
    badX: "x1 and x2: two numbers, such as 0.5 and 1.",
    badRow: "row= is not 0, 1, 2 or 3.",
    unknownKey: (key) => "The link has an unknown key " + key + "=.",
    kerasStart: (units) => "Start: Keras's weights for Dense(" + units + ") under " +
      "keras.utils.set_random_seed(0), captured by snippets/watch/keras_runs.py.",
    ownStart: (units) => "Start: drawn by this page, not by Keras. No Keras start for " +
      units + " hidden units is captured, so the page draws its own " +
      "Glorot-uniform start (Keras's default initializer) with its own " +
      "generator: the numbers below are not the ones Keras would print.",
    kerasRun: (n) => "Keras's log for this configuration is captured (" + n +
      " epochs): each of its losses stands next to the page's. Past it, the page trains alone.",
    noKerasRun: "No Keras log for this configuration is captured: the page's losses stand alone.",
    epochLine: (e, acc, loss) => "Epoch " + e + " - accuracy: " + acc + " - loss: " + loss,
    kerasSays: (loss) => "   Keras: " + loss,
    kerasEnds: (n) => "--- Keras's log ends at epoch " + n + "; from here the page trains alone ---",
    omitted: (n) => "… " + n + " epochs not shown …",
    notStarted: "Epoch 0: press Play or Step.",
    status: (e, loss, acc) => "Epoch " + e + (loss === null ? "" : " · loss " + loss + " · accuracy " + acc),
    past: (n) => "past Keras's " + n + " epochs: the page alone",
    play: "Play",
    pause: "Pause",
    speed: (s) => (s === Infinity ? "fastest" : s + (s === 1 ? " epoch/s" : " epochs/s")),
    speedText: (s) => (s === Infinity ? "as fast as it goes" : s + (s === 1 ? " epoch a second" : " epochs a second")),
    epochAxis: "epoch",
    lossAxis: "loss",
    kerasEndMark: "Keras's log ends",
    prediction: "prediction",
    lossAlt: (n, values, kerasToo, kerasEpochs) => "The loss per epoch, epochs 1 to " + n + ": " + values + "." +
      (kerasToo ? " Keras's logged losses (epochs 1 to " + kerasEpochs + ") are drawn as dots." : ""),
    lossNone: "No epoch has run yet.",
    heatAlt: (rows) => "The weights, blue below 0 and red above: " + rows + ".",
    boundaryAlt: (share, points) => "The network's output over the plane, x1 and x2 from −0.25 to 1.25: " +
      "above 0.5 (red) on " + share + "% of it, below (blue) on the rest. " +
      "At the four rows of X: " + points + ".",
    netAlt: (units, shown) => "The network: inputs x1 and x2, " + units + " hidden neurons (" + shown +
      " drawn), one output. Each line is a weight: red above 0, blue below, thicker when larger.",
    more: (n) => n + " more",
    neuronLabel: (i) => "Open neuron h" + i + "'s sum",
    outputLabel: "out: open the output neuron's sum",
    opened: (name, x, epoch) => name + ", for the row [" + x.join(", ") + "], at epoch " + epoch,
    share: (units, total) => "its share of the " + units + " values, which sum to " + total + ".",
    outputIs: "the prediction for this row.",
    others: (n) => "(the other " + n + " terms)",
    stageAlt: (name, values) => name + ": " + values + ".",
    softmaxLine: (n, sum) => "softmax: e^h / Σ e^h, " + n + " values. They sum to " + sum + ".",
    kerasStage: (diff) => "Keras (snippets/watch/stages.py) printed the same values: " +
      "the largest difference is " + diff + ".",
    noKerasStage: "Keras's values for this input and these weights are not captured.",
    weightsNames: { start: "Keras's start", trained: "after 30 epochs (Keras's)", live: "the training above, now" },
    noRun: "nothing yet: press Play or Step above",
    values: (n) => (n === 1 ? "1 value" : n + " values"),
    atEpoch: (n) => "epoch " + n,
  },
  zh: {
    badChoice: (key, value, allowed) => key + "= 是“" + value + "”：应为 " + allowed.join("、") + " 之一。",
    badUnits: "隐藏层神经元个数：应为 1 到 256 之间的整数。",
    badRate: "学习率：应为大于 0、不超过 10 的数（原题用 0.1）。",
    badX: "x1 和 x2：应为两个数，例如 0.5 和 1。",
    badRow: "row= 不是 0、1、2 或 3。",
    unknownKey: (key) => "链接中有未知的参数 " + key + "=。",
    kerasStart: (units) => "起点：Keras 在 keras.utils.set_random_seed(0) 下为 Dense(" + units +
      ") 创建的权重，由 snippets/watch/keras_runs.py 捕获。",
    ownStart: (units) => "起点：由本页生成，不是 Keras 的。没有捕获 " + units +
      " 个隐藏层神经元时 Keras 的起点，所以本页用自己的随机数生成器按 Glorot 均匀分布" +
      "（Keras 的默认初始化方式）抽取起点：下面的数不是 Keras 会打印的数。",
    kerasRun: (n) => "这个配置下 Keras 的训练日志已捕获（" + n +
      " 轮）：每一轮的损失都与本页的并列显示。超过这些轮数，就只有本页自己在训练。",
    noKerasRun: "这个配置下没有捕获 Keras 的训练日志：只显示本页算出的损失。",
    epochLine: (e, acc, loss) => "Epoch " + e + " - accuracy: " + acc + " - loss: " + loss,
    kerasSays: (loss) => "   Keras：" + loss,
    kerasEnds: (n) => "--- Keras 的日志到第 " + n + " 轮为止；此后只有本页自己在训练 ---",
    omitted: (n) => "…… 省略 " + n + " 轮 ……",
    notStarted: "第 0 轮：请按“播放”或“单步”。",
    status: (e, loss, acc) => "第 " + e + " 轮" + (loss === null ? "" : " · 损失 " + loss + " · 准确率 " + acc),
    past: (n) => "已超过 Keras 的 " + n + " 轮：只有本页",
    play: "播放",
    pause: "暂停",
    speed: (s) => (s === Infinity ? "最快" : "每秒 " + s + " 轮"),
    speedText: (s) => (s === Infinity ? "尽可能快" : "每秒 " + s + " 轮"),
    epochAxis: "轮",
    lossAxis: "损失",
    kerasEndMark: "Keras 的日志到此为止",
    prediction: "预测值",
    lossAlt: (n, values, kerasToo, kerasEpochs) => "第 1 到第 " + n + " 轮的损失：" + values + "。" +
      (kerasToo ? "Keras 日志中的损失（第 1 到第 " + kerasEpochs + " 轮）画成圆点。" : ""),
    lossNone: "还没有训练任何一轮。",
    heatAlt: (rows) => "权重，小于 0 为蓝色，大于 0 为红色：" + rows + "。",
    boundaryAlt: (share, points) => "网络在平面上的输出，x1 和 x2 从 −0.25 到 1.25：其中 " + share +
      "% 的区域大于 0.5（红色），其余小于 0.5（蓝色）。X 的四行：" + points + "。",
    netAlt: (units, shown) => "网络：输入 x1 和 x2，" + units + " 个隐藏神经元（画出 " + shown +
      " 个），一个输出。每条线是一个权重：大于 0 为红色，小于 0 为蓝色，越大越粗。",
    more: (n) => "另 " + n + " 个",
    neuronLabel: (i) => "展开神经元 h" + i + " 的求和",
    outputLabel: "out：展开输出神经元的求和",
    opened: (name, x, epoch) => name + "，输入行 [" + x.join(", ") + "]，第 " + epoch + " 轮",
    share: (units, total) => "是它在 " + units + " 个值中所占的份额，这些值的和是 " + total + "。",
    outputIs: "就是网络对这一行的预测。",
    others: (n) => "（其余 " + n + " 项）",
    stageAlt: (name, values) => name + "：" + values + "。",
    softmaxLine: (n, sum) => "softmax：e^h / Σ e^h，共 " + n + " 个值。它们的和是 " + sum + "。",
    kerasStage: (diff) => "Keras（snippets/watch/stages.py）打印的是同样的值：最大差值为 " + diff + "。",
    noKerasStage: "没有捕获 Keras 对这个输入、这组权重算出的值。",
    weightsNames: { start: "Keras 的起点", trained: "训练 30 轮之后（Keras 的）", live: "上面正在训练的网络" },
    noRun: "还没有：请在上面按“播放”或“单步”",
    values: (n) => n + " 个值",
    atEpoch: (n) => "第 " + n + " 轮",
  },
};

function pageMessages() {
  const lang = (document.documentElement.lang || "en").split("-")[0];
  return Object.prototype.hasOwnProperty.call(MESSAGES, lang) ? MESSAGES[lang] : MESSAGES.en;
}

const fixed = (v, digits = 4) => v.toFixed(digits);
/** A number as the page prints it in a sum: a real minus sign. */
const signed = (v, digits = 4) => fixed(v, digits).replace(/^-/, "−");
const inBrackets = (v) => (v < 0 ? "(" + signed(v) + ")" : signed(v));

function readData(id) {
  const node = document.getElementById(id);
  return node ? JSON.parse(node.textContent) : null;
}

// ---- the state and its URL ---------------------------------------------

/** Whole numbers only: "32" yes, "32.0", "3e1", " 32" no. */
function wholeIn(text, range) {
  if (!/^[0-9]{1,7}$/.test(text)) return null;
  const n = Number(text);
  return n >= range[0] && n <= range[1] ? n : null;
}

function rateOf(text) {
  if (!/^(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:e-?[0-9]+)?$/i.test(text)) return null;
  const n = Number(text);
  return n > 0 && n <= 10 ? n : null;
}

function xOf(text) {
  const parts = String(text).split(",");
  if (parts.length !== 2) return null;
  const xs = parts.map((p) => {
    p = p.trim();
    return /^-?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)$/.test(p) ? Number(p) : NaN;
  });
  return xs.every((v) => isFinite(v) && Math.abs(v) <= 1000) ? xs : null;
}

/** The state of a query string, and what is wrong with it. */
function fromQuery(search, t) {
  const state = Object.assign({}, DEFAULTS);
  const problems = [];
  const params = new URLSearchParams(search);
  params.forEach((value, key) => {
    if (!Object.prototype.hasOwnProperty.call(DEFAULTS, key)) {
      problems.push(t.unknownKey(key));
      return;
    }
    state[key] = value;
  });
  if (params.has("x")) state.row = null;
  return { state, problems };
}

function toQuery(state) {
  const params = new URLSearchParams();
  ["data", "units", "activation", "lr"].forEach((k) => params.set(k, state[k]));
  if (state.x !== null) params.set("x", state.x);
  else params.set("row", state.row);
  params.set("weights", state.weights);
  return "?" + params.toString().replace(/%2C/g, ",");
}

/** The configuration the state describes, or the problems that stop it. */
function check(state, t) {
  const problems = [];
  const c = {};
  function choice(key, allowed) {
    if (allowed.indexOf(state[key]) < 0) {
      problems.push({ key, message: t.badChoice(key, state[key], allowed) });
    }
    return state[key];
  }
  c.data = choice("data", DATASETS);
  c.activation = choice("activation", Object.keys(ACTIVATIONS));
  c.weights = choice("weights", WEIGHTS);
  c.units = wholeIn(state.units, UNITS);
  if (c.units === null) problems.push({ key: "units", message: t.badUnits });
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
  return { config: c, problems };
}

// ---- colours and canvases ----------------------------------------------

const BLUE = [33, 102, 172];
const RED = [178, 24, 43];

function colours(root) {
  const style = getComputedStyle(root);
  function rgb(name, fallback) {
    const probe = document.createElement("span");
    probe.style.color = style.getPropertyValue(name).trim() || fallback;
    root.appendChild(probe);
    const value = getComputedStyle(probe).color.match(/[0-9.]+/g).map(Number);
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

function css(c, alpha = 1) {
  return "rgba(" + c[0] + "," + c[1] + "," + c[2] + "," + alpha + ")";
}

/** Blue (-1) through the background (0) to red (+1). */
function diverging(t, bg) {
  const end = t > 0 ? RED : BLUE;
  const s = Math.min(Math.abs(t), 1);
  return [0, 1, 2].map((i) => Math.round(bg[i] + (end[i] - bg[i]) * s));
}

/** A canvas sized to its box at the screen's pixel ratio; its 2D context. */
function surface(canvas, height) {
  const width = canvas.clientWidth || 300;
  const ratio = window.devicePixelRatio || 1;
  if (canvas.width !== Math.round(width * ratio)) canvas.width = Math.round(width * ratio);
  if (canvas.height !== Math.round(height * ratio)) canvas.height = Math.round(height * ratio);
  const ctx = canvas.getContext("2d");
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, width, height);
  ctx.font = "12px " + (getComputedStyle(canvas).fontFamily || "sans-serif");
  ctx.lineWidth = 1;
  return { ctx, width, height };
}

const listed = (values, digits) => values.map((v) => fixed(v, digits)).join(", ");

/** At most 2·keep values: the first and last keep, and how many between. */
function shortList(values, keep, digits) {
  if (values.length <= 2 * keep) return listed(values, digits);
  return listed(values.slice(0, keep), digits) + ", … (" + (values.length - 2 * keep) +
    " more) …, " + listed(values.slice(-keep), digits);
}

/** A horizontal colour scale from -limit (blue) through 0 to +limit (red). */
function drawScale(s, x, y, width, labels, bg, fg) {
  const steps = 40;
  for (let i = 0; i < steps; i++) {
    s.ctx.fillStyle = css(diverging((i + 0.5) / steps * 2 - 1, bg));
    s.ctx.fillRect(x + (width * i) / steps, y, width / steps + 0.5, 8);
  }
  s.ctx.strokeStyle = css(fg, 0.5);
  s.ctx.strokeRect(x + 0.5, y + 0.5, width - 1, 7);
  s.ctx.fillStyle = css(fg);
  [["left", x], ["center", x + width / 2], ["right", x + width]].forEach(([align, at], i) => {
    s.ctx.textAlign = align;
    s.ctx.fillText(labels[i], at, y + 21);
  });
  s.ctx.textAlign = "left";
}

function drawBars(canvas, values, c, symmetric) {
  const s = surface(canvas, 90);
  let top = symmetric ? Math.max(...values.map(Math.abs)) : Math.max(...values);
  top = top || 1;
  const zeroY = symmetric ? s.height / 2 : s.height - 4;
  const scale = symmetric ? (s.height / 2 - 4) / top : (s.height - 8) / top;
  const w = s.width / values.length;
  s.ctx.strokeStyle = css(c.light);
  s.ctx.beginPath();
  s.ctx.moveTo(0, zeroY);
  s.ctx.lineTo(s.width, zeroY);
  s.ctx.stroke();
  values.forEach((v, i) => {
    s.ctx.fillStyle = symmetric ? css(diverging(v / top, c.bg)) : css(c.line);
    const h = v * scale;
    s.ctx.fillRect(i * w + w * 0.1, Math.min(zeroY, zeroY - h), Math.max(w * 0.8, 1), Math.abs(h));
  });
}

function drawLoss(canvas, losses, keras, c, t) {
  const s = surface(canvas, 190);
  const left = 44, bottom = 34, right = 14, top = 22;
  const end = axisEnd(losses.length, keras && keras.length);
  const all = losses.concat(keras || []);
  const high = Math.max(0.8, ...all) * 1.05;
  const px = (e) => left + ((s.width - left - right) * e) / end;
  const py = (v) => top + (s.height - top - bottom) * (1 - v / high);
  s.ctx.strokeStyle = css(c.light);
  s.ctx.fillStyle = css(c.fg);
  s.ctx.beginPath();
  s.ctx.moveTo(left, top);
  s.ctx.lineTo(left, s.height - bottom);
  s.ctx.lineTo(s.width - right, s.height - bottom);
  s.ctx.stroke();
  s.ctx.textAlign = "right";
  [0, high / 2, high].forEach((v) => s.ctx.fillText(fixed(v, 2), left - 4, py(v) + 4));
  const ticks = axisTicks(end);
  ticks.forEach((e, i) => {
    s.ctx.textAlign = i === ticks.length - 1 ? "right" : i === 0 ? "left" : "center";
    s.ctx.fillText(String(e), i === ticks.length - 1 ? px(e) + right - 2 : px(e), s.height - bottom + 15);
  });
  s.ctx.textAlign = "center";
  s.ctx.fillText(t.epochAxis, left + (s.width - left - right) / 2, s.height - 3);
  s.ctx.textAlign = "left";
  s.ctx.fillText(t.lossAxis, 4, 13);
  if (keras) {
    // Keras's log: its losses as dots, and where it ends, a dashed line.
    s.ctx.fillStyle = css(c.fg, 0.55);
    keras.forEach((v, i) => {
      s.ctx.beginPath();
      s.ctx.arc(px(i + 1), py(v), 2.5, 0, 2 * Math.PI);
      s.ctx.fill();
    });
    const x = px(keras.length);
    s.ctx.strokeStyle = css(c.fg, 0.7);
    s.ctx.setLineDash([4, 3]);
    s.ctx.beginPath();
    s.ctx.moveTo(x, top - 6);
    s.ctx.lineTo(x, s.height - bottom);
    s.ctx.stroke();
    s.ctx.setLineDash([]);
    s.ctx.fillStyle = css(c.fg);
    s.ctx.textAlign = x > s.width / 2 ? "right" : "left";
    s.ctx.fillText(t.kerasEndMark, x + (x > s.width / 2 ? -4 : 4), top - 8);
    s.ctx.textAlign = "left";
  }
  s.ctx.strokeStyle = css(c.line);
  s.ctx.lineWidth = 2;
  s.ctx.beginPath();
  losses.forEach((v, i) => {
    if (i === 0) s.ctx.moveTo(px(1), py(v));
    else s.ctx.lineTo(px(i + 1), py(v));
  });
  s.ctx.stroke();
}

const HEAT_ROWS = [
  ["kernel x1", (w) => w.kernel[0]],
  ["kernel x2", (w) => w.kernel[1]],
  ["bias", (w) => w.bias],
  ["kernel_2", (w) => w.kernel_2.map((r) => r[0])],
  ["bias_2", (w) => w.bias_2],
];
const HEAT_LEFT = 70;

function drawHeat(canvas, w, c) {
  const rowH = 20, gap = 4;
  const s = surface(canvas, HEAT_ROWS.length * (rowH + gap) + 34);
  const rows = HEAT_ROWS.map((r) => r[1](w));
  const limit = Math.ceil(Math.max(...rows.map((vs) => Math.max(...vs.map(Math.abs))))) || 1;
  const cell = (s.width - HEAT_LEFT) / w.bias.length;
  rows.forEach((values, r) => {
    const y = r * (rowH + gap) + 2;
    s.ctx.fillStyle = css(c.fg);
    s.ctx.fillText(HEAT_ROWS[r][0], 0, y + 14);
    values.forEach((v, i) => {
      s.ctx.fillStyle = css(diverging(v / limit, c.bg));
      s.ctx.fillRect(HEAT_LEFT + i * cell, y, Math.max(cell - 1, 1), rowH);
      // An outline, so that a weight of 0 (the background's colour) is a cell too.
      if (cell >= 4) {
        s.ctx.strokeStyle = css(c.fg, 0.3);
        s.ctx.strokeRect(HEAT_LEFT + i * cell + 0.5, y + 0.5, Math.max(cell - 2, 1), rowH - 1);
      }
    });
  });
  drawScale(s, HEAT_LEFT, HEAT_ROWS.length * (rowH + gap) + 2, Math.min(s.width - HEAT_LEFT, 240),
    ["−" + limit, "0", "+" + limit], c.bg, c.fg);
  return limit;
}

/** The output over the plane, with x1 and x2 axes and the prediction's colour
 * scale; the plot's box is kept in data-plot (left, top, size) for the tests. */
function drawBoundary(canvas, w, activation, Y, c, t) {
  const left = 40, top = 6, bottom = 62;
  const width = Math.min(canvas.clientWidth || 280, 300);
  const size = width - left - 6;
  const s = surface(canvas, size + top + bottom);
  canvas.setAttribute("data-plot", [left, top, size].join(","));
  const n = 40;
  const span = RANGE[1] - RANGE[0];
  const cell = size / n;
  let above = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const x1 = RANGE[0] + (span * (i + 0.5)) / n;
      const x2 = RANGE[1] - (span * (j + 0.5)) / n;
      const p = forward(w, [x1, x2], activation).sigmoid;
      if (p > 0.5) above += 1;
      s.ctx.fillStyle = css(diverging((p - 0.5) * 2, c.bg));
      s.ctx.fillRect(left + i * cell, top + j * cell, cell + 0.5, cell + 0.5);
    }
  }
  const sx = (v) => left + ((v - RANGE[0]) / span) * size;
  const sy = (v) => top + ((RANGE[1] - v) / span) * size;
  s.ctx.strokeStyle = css(c.fg, 0.6);
  s.ctx.strokeRect(left + 0.5, top + 0.5, size - 1, size - 1);
  s.ctx.fillStyle = css(c.fg);
  [0, 0.5, 1].forEach((v) => {
    s.ctx.textAlign = "center";
    s.ctx.fillText(String(v), sx(v), top + size + 14);
    s.ctx.textAlign = "right";
    s.ctx.fillText(String(v), left - 4, sy(v) + 4);
    s.ctx.fillRect(sx(v), top + size, 1, 3);
    s.ctx.fillRect(left - 3, sy(v), 3, 1);
  });
  s.ctx.textAlign = "center";
  s.ctx.fillText("x1", left + size / 2, top + size + 27);
  s.ctx.save();
  s.ctx.translate(10, top + size / 2);
  s.ctx.rotate(-Math.PI / 2);
  s.ctx.fillText("x2", 0, 0);
  s.ctx.restore();
  drawScale(s, left, top + size + 34, size, ["0", "0.5 " + t.prediction, "1"], c.bg, c.fg);
  X.forEach((x, r) => {
    const cx = sx(x[0]);
    const cy = sy(x[1]);
    // A ring of the background around each point: a point on a region of its
    // own colour (a row the network gets right) still stands out.
    s.ctx.beginPath();
    s.ctx.arc(cx, cy, 10, 0, 2 * Math.PI);
    s.ctx.fillStyle = css(c.bg);
    s.ctx.fill();
    s.ctx.beginPath();
    s.ctx.arc(cx, cy, 6.5, 0, 2 * Math.PI);
    s.ctx.fillStyle = css(Y[r] ? RED : BLUE);
    s.ctx.fill();
    s.ctx.strokeStyle = css(c.fg);
    s.ctx.lineWidth = 1.5;
    s.ctx.stroke();
    s.ctx.lineWidth = 1;
  });
  s.ctx.textAlign = "left";
  return Math.round((100 * above) / (n * n));
}

// ---- the network diagram (SVG) -------------------------------------------

const NET = { width: 360, slot: 34, pad: 20, inputX: 44, hiddenX: 190, outputX: 316 };

function svg(name, attrs, parent) {
  const node = document.createElementNS(SVG, name);
  Object.keys(attrs).forEach((k) => node.setAttribute(k, attrs[k]));
  if (parent) parent.appendChild(node);
  return node;
}

function text(parent, x, y, content, attrs = {}) {
  const node = svg("text", Object.assign({ x, y, "text-anchor": "middle" }, attrs), parent);
  node.textContent = content;
  return node;
}

/** A line's width and opacity for a weight: thicker and stronger when larger. */
function weightStyle(line, v) {
  const s = Math.min(Math.abs(v), 2) / 2;
  line.setAttribute("stroke-width", (0.75 + 3.75 * s).toFixed(2));
  line.setAttribute("stroke-opacity", (0.35 + 0.65 * s).toFixed(2));
  line.setAttribute("class", v < 0 ? "watch-w-neg" : "watch-w-pos");
  line.setAttribute("data-weight", String(v));
}

/** Draws the network for `units` hidden neurons into holder; returns update(w,
 * stages) that restyles its lines and fills for new weights. */
function buildNet(holder, units, t, onOpen) {
  holder.textContent = "";
  const slots = shownNeurons(units);
  const height = NET.pad * 2 + slots.length * NET.slot;
  const mid = height / 2;
  const root = svg("svg", {
    viewBox: "0 0 " + NET.width + " " + height, class: "watch-net-svg", role: "group",
    "aria-label": t.netAlt(units, slots.filter((s) => typeof s === "number").length),
    "data-watch-net-svg": "",
  }, holder);
  const lines = svg("g", { "aria-hidden": "true" }, root);
  const slotY = (k) => NET.pad + NET.slot * (k + 0.5);
  const inputY = [mid - 46, mid + 46];
  const inLines = [];
  const outLines = [];
  slots.forEach((slot, k) => {
    if (typeof slot !== "number") return;
    [0, 1].forEach((r) => {
      inLines.push({ r, j: slot, node: svg("line", { x1: NET.inputX, y1: inputY[r], x2: NET.hiddenX, y2: slotY(k) }, lines) });
    });
    outLines.push({ j: slot, node: svg("line", { x1: NET.hiddenX, y1: slotY(k), x2: NET.outputX, y2: mid }, lines) });
  });
  const inputValues = [0, 1].map((r) => {
    svg("circle", { cx: NET.inputX, cy: inputY[r], r: 16, class: "watch-input" }, root);
    text(root, NET.inputX, inputY[r] + 4, "x" + (r + 1));
    return text(root, NET.inputX, inputY[r] + 32, "", { class: "watch-net-value" });
  });
  const neurons = [];
  slots.forEach((slot, k) => {
    if (typeof slot !== "number") {
      text(root, NET.hiddenX, slotY(k) + 4, "⋮ " + t.more(slot.more), { class: "watch-net-more" });
      return;
    }
    const g = svg("g", {
      "data-testid": "neuron", "data-index": slot, tabindex: "0", role: "button",
      "aria-pressed": "false", "aria-label": t.neuronLabel(slot + 1), class: "watch-neuron-node",
    }, root);
    const circle = svg("circle", { cx: NET.hiddenX, cy: slotY(k), r: 14 }, g);
    text(g, NET.hiddenX, slotY(k) + 4, "h" + (slot + 1));
    neurons.push({ j: slot, g, circle });
  });
  const out = svg("g", {
    "data-testid": "output-neuron", tabindex: "0", role: "button", "aria-pressed": "false",
    "aria-label": t.outputLabel, class: "watch-neuron-node watch-output",
  }, root);
  const outCircle = svg("circle", { cx: NET.outputX, cy: mid, r: 17 }, out);
  text(out, NET.outputX, mid + 4, "out");
  const outValue = text(root, NET.outputX, mid + 34, "", { class: "watch-net-value" });
  function open(node, which) {
    node.addEventListener("click", () => onOpen(which));
    node.addEventListener("keydown", (e) => {
      if (e.key === "Enter" || e.key === " ") {
        e.preventDefault();
        onOpen(which);
      }
    });
  }
  neurons.forEach((n) => open(n.g, n.j));
  open(out, "output");
  return {
    update(w, x, stages, opened, palette) {
      inLines.forEach((l) => weightStyle(l.node, w.kernel[l.r][l.j]));
      outLines.forEach((l) => weightStyle(l.node, w.kernel_2[l.j][0]));
      inputValues.forEach((node, r) => { node.textContent = "= " + x[r]; });
      const top = Math.max(...stages.hidden.map(Math.abs)) || 1;
      neurons.forEach((n) => {
        const a = stages.hidden[n.j];
        n.circle.setAttribute("fill", css(diverging(a / top, palette.bg)));
        n.g.setAttribute("aria-pressed", String(opened === n.j));
      });
      outCircle.setAttribute("fill", css(diverging((stages.sigmoid - 0.5) * 2, palette.bg)));
      out.setAttribute("aria-pressed", String(opened === "output"));
      outValue.textContent = fixed(stages.sigmoid, 2);
    },
  };
}

// ---- the page ----------------------------------------------------------

function bind(root) {
  const t = pageMessages();
  const runs = readData("data-watch-keras_runs");
  const stagesData = readData("data-watch-stages");
  const parsed = fromQuery(location.search, t);
  const state = parsed.state;
  let linkProblems = parsed.problems;
  let palette = colours(root);

  const q = (name) => root.querySelector("[data-watch-" + name + "]");
  const all = (name) => root.querySelectorAll("[data-watch-" + name + "]");

  const fields = {
    data: q("field=data"), units: q("field=units"), activation: q("field=activation"),
    lr: q("field=lr"), x1: q("field=x1"), x2: q("field=x2"),
  };
  const speedField = q("field=speed");
  const rowRadios = all("row");
  const weightRadios = all("weights");
  const errorBox = q("error");
  const playButton = q("play");
  const stepButton = q("step");
  const resetButton = q("reset");
  const more = q("more");

  let trainer = null;
  let losses = [];
  let accuracies = [];
  let config = null;
  let keras = null; // Keras's captured run for this configuration
  let net = null;
  let opened = 0; // a hidden neuron's index, or "output"
  let playing = false;
  let playStart = 0;
  let ranSincePlay = 0;
  let resumeOnShow = false;
  let speed = SPEEDS[DEFAULT_SPEED];
  let later = true; // the figures of the first drawing wait for a task of their own
  const reduced = window.matchMedia("(prefers-reduced-motion: reduce)");

  const findRun = (c) => (runs.runs || []).filter((r) =>
    r.data === c.data && r.units === c.units && r.activation === c.activation &&
    r.learning_rate === c.lr)[0] || null;

  function showFields() {
    ["data", "units", "activation", "lr"].forEach((k) => { fields[k].value = state[k]; });
    const x = state.x !== null ? state.x.split(",") : X[Number(state.row)] || ["", ""];
    fields.x1.value = String(x[0]).trim();
    fields.x2.value = x[1] === undefined ? "" : String(x[1]).trim();
    rowRadios.forEach((r) => { r.checked = state.x === null && r.value === state.row; });
    weightRadios.forEach((r) => { r.checked = r.value === state.weights; });
    speedField.value = String(DEFAULT_SPEED);
    showSpeed();
  }

  function showSpeed() {
    speed = SPEEDS[Number(speedField.value)];
    q("speed-label").textContent = t.speed(speed);
    speedField.setAttribute("aria-valuetext", t.speedText(speed));
    root.setAttribute("data-speed", String(speed));
  }

  function markFields(problems) {
    Object.keys(fields).forEach((k) => {
      const key = k === "x1" || k === "x2" ? "x" : k;
      if (problems.some((p) => p.key === key)) fields[k].setAttribute("aria-invalid", "true");
      else fields[k].removeAttribute("aria-invalid");
    });
  }

  function reset() {
    pause();
    const checked = check(state, t);
    const messages = linkProblems.concat(checked.problems.map((p) => p.message));
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
    const rebuild = !config || config.units !== checked.config.units;
    config = checked.config;
    const kerasStart = runs.starts[String(config.units)];
    const start = kerasStart ? copyWeights(kerasStart) : glorotStart(config.units, SEED);
    q("start").textContent = kerasStart ? t.kerasStart(config.units) : t.ownStart(config.units);
    root.setAttribute("data-start", kerasStart ? "keras" : "page");
    keras = kerasStart ? findRun(config) : null;
    q("keras-run").textContent = keras ? t.kerasRun(keras.epochs) : t.noKerasRun;
    trainer = newTrainer(start, X, runs.datasets[config.data], config.activation, config.lr);
    losses = [];
    accuracies = [];
    if (opened !== "output" && opened >= config.units) opened = 0;
    if (rebuild) net = buildNet(q("net"), config.units, t, openNeuron);
    playButton.disabled = stepButton.disabled = false;
    showTraining();
    showForward();
  }

  function step() {
    const r = trainer.step();
    losses.push(r.loss);
    accuracies.push(r.accuracy);
  }

  function logText() {
    const line = (i) => {
      let text = t.epochLine(i + 1, fixed(accuracies[i]), fixed(losses[i]));
      if (keras && i < keras.losses.length) text += t.kerasSays(fixed(keras.losses[i]));
      return text;
    };
    if (!losses.length) return t.notStarted;
    const head = keras ? Math.min(keras.epochs, losses.length) : 0;
    const lines = [];
    for (let i = 0; i < head; i++) lines.push(line(i));
    if (keras && losses.length > keras.epochs) lines.push(t.kerasEnds(keras.epochs));
    const from = Math.max(head, losses.length - LOG_TAIL);
    if (from > head) lines.push(t.omitted(from - head));
    for (let i = from; i < losses.length; i++) lines.push(line(i));
    return lines.join("\n");
  }

  function showTraining() {
    const epoch = losses.length;
    const log = q("log");
    log.textContent = logText();
    log.setAttribute("data-losses", JSON.stringify(losses));
    log.scrollTop = log.scrollHeight;
    const last = epoch - 1;
    q("epoch").textContent = t.status(epoch, epoch ? fixed(losses[last]) : null,
      epoch ? fixed(accuracies[last], 2) : null);
    const past = !!keras && epoch > keras.epochs;
    root.setAttribute("data-epoch", String(epoch));
    root.toggleAttribute("data-past-keras", past);
    q("past").textContent = keras ? t.past(keras.epochs) : "";
    playButton.textContent = playing ? t.pause : t.play;
    playButton.setAttribute("aria-pressed", playing ? "true" : "false");
    playButton.disabled = stepButton.disabled = epoch >= MAX_EPOCHS;
    q("neuron-sum").setAttribute("aria-busy", String(playing));
    showNeuron();
    if (state.weights === "live" && more.open) showForward();
    if (!later) {
      drawFigures();
      return;
    }
    // On load, the figures below the network are drawn in tasks of their
    // own, after the first screen: no long task blocks the page.
    later = false;
    const at = losses.length;
    setTimeout(() => { if (config && losses.length === at) drawFigures(true); }, 0);
    setTimeout(() => { if (config && losses.length === at) drawFigures(false, true); }, 0);
  }

  /** The loss, the predictions and the weights (all but the boundary), and
   * the boundary: the figures that change with each epoch. */
  function drawFigures(notBoundary, onlyBoundary) {
    const Y = runs.datasets[config.data];
    const w = trainer.weights();
    const epoch = losses.length;
    if (!onlyBoundary) drawCharts(Y, w, epoch);
    if (!notBoundary) {
      const boundary = q("boundary");
      const share = drawBoundary(boundary, w, config.activation, Y, palette, t);
      boundary.setAttribute("aria-label", t.boundaryAlt(share, X.map((x) =>
        "[" + x.join(", ") + "] " + fixed(forward(w, x, config.activation).sigmoid)).join(", ")));
    }
  }

  function drawCharts(Y, w, epoch) {
    const lossCanvas = q("loss");
    drawLoss(lossCanvas, losses, keras ? keras.losses : null, palette, t);
    lossCanvas.setAttribute("aria-label", epoch
      ? t.lossAlt(epoch, shortList(losses, 30), !!keras, keras && keras.epochs) : t.lossNone);

    const body = q("predictions");
    body.textContent = "";
    X.forEach((x, r) => {
      const p = forward(w, x, config.activation).sigmoid;
      const tr = document.createElement("tr");
      ["[" + x.join(", ") + "]", String(Y[r]), fixed(p), keras ? fixed(keras.predictions[r]) : "—"]
        .forEach((content, k) => {
          const cell = document.createElement(k === 0 ? "th" : "td");
          if (k === 0) cell.scope = "row";
          cell.textContent = content;
          tr.appendChild(cell);
        });
      tr.cells[2].setAttribute("data-value", String(p));
      body.appendChild(tr);
    });

    const heat = q("heat");
    const limit = drawHeat(heat, w, palette);
    heat.setAttribute("data-weights", JSON.stringify(w));
    heat.setAttribute("aria-label", t.heatAlt(HEAT_ROWS.map((r) => r[0] + " " + listed(r[1](w), 2))
      .join("; ") + " (scale ±" + limit + ")"));
  }

  function openNeuron(which) {
    opened = which;
    if (config) showNeuron();
  }

  /** The opened neuron's sum for the chosen row, with the training's weights now. */
  function showNeuron() {
    const w = trainer.weights();
    const x = config.x;
    const stages = forward(w, x, config.activation);
    net.update(w, x, stages, opened, palette);
    const box = q("neuron-sum");
    box.textContent = "";
    const line = (parts, cls) => {
      const p = document.createElement("p");
      p.className = cls || "watch-formula";
      parts.forEach((part) => {
        if (typeof part === "string") p.appendChild(document.createTextNode(part));
        else {
          const b = document.createElement("b");
          b.textContent = part.text;
          b.setAttribute("data-term", part.term);
          b.setAttribute("data-value", String(part.value));
          p.appendChild(b);
        }
      });
      box.appendChild(p);
    };
    const epoch = losses.length;
    if (opened === "output") {
      const n = outputNeuron(w, x, config.activation);
      const last = n.inputs.length;
      line([t.opened("out", x, epoch)], "watch-neuron-title");
      const k = n.largest + 1;
      if (last <= 2) {
        line(["z = " + n.inputs.map((_, i) => "a" + (i + 1) + "·v" + (i + 1)).join(" + ") + " + b"]);
        line(["= " + n.inputs.map((a, i) => signed(a) + "·" + inBrackets(n.weights[i])).join(" + ") +
          " + " + inBrackets(n.bias)]);
      } else {
        line(["z = a1·v1 + … + a" + last + "·v" + last + " + b"]);
        line(["= a" + k + "·v" + k + " + " + t.others(last - 1) + " + b"]);
        line(["= " + signed(n.inputs[n.largest]) + "·" + inBrackets(n.weights[n.largest]) +
          " + " + inBrackets(n.rest) + " + " + inBrackets(n.bias)]);
      }
      line(["= ", { text: signed(n.z), term: "z", value: n.z }]);
      line(["sigmoid(z) = 1 / (1 + e^−z) = ", { text: signed(n.p), term: "p", value: n.p }]);
      line([t.outputIs], "watch-neuron-note");
      return;
    }
    const j = opened;
    const name = "h" + (j + 1);
    const n = hiddenNeuron(w, x, j, config.activation);
    line([t.opened(name, x, epoch)], "watch-neuron-title");
    line([name + " = x1·w1 + x2·w2 + b"]);
    line(["= " + x[0] + "·" + inBrackets(n.weights[0]) + " + " + x[1] + "·" +
      inBrackets(n.weights[1]) + " + " + inBrackets(n.bias)]);
    line(["= ", { text: signed(n.h), term: "h", value: n.h }]);
    if (config.activation === "softmax") {
      line(["a" + (j + 1) + " = e^" + name + " / (e^h1 + … + e^h" + n.units + ") = ",
        { text: signed(n.a), term: "a", value: n.a }]);
      line([t.share(n.units, fixed(n.total))], "watch-neuron-note");
    } else {
      line(["a" + (j + 1) + " = " + config.activation + "(" + name + ") = ",
        { text: signed(n.a), term: "a", value: n.a }]);
    }
  }

  /** The weights the stages use, and Keras's stages for them. */
  function forwardWeights() {
    if (state.weights === "live") return { w: trainer.weights(), keras: null };
    const question = runs.runs[0];
    const w = state.weights === "start" ? runs.starts[String(question.units)] : question.trained;
    const rows = stagesData[state.weights];
    return { w, keras: state.x === null ? rows[Number(state.row)] : null, activation: question.activation };
  }

  function showForward() {
    if (!config) return;
    const chosen = forwardWeights();
    const activation = chosen.activation || config.activation;
    const s = forward(chosen.w, config.x, activation);
    const x = config.x;
    const k = chosen.keras;
    q("forward-weights").textContent = t.weightsNames[state.weights] +
      (state.weights === "live" ? " (" + (losses.length ? t.atEpoch(losses.length) : t.noRun) + ")" : "");
    const stages = [
      { name: "dense", values: s.dense, kerasValues: k && k.dense },
      { name: "hidden", values: s.hidden, kerasValues: k && (k.softmax || k.hidden) },
      { name: "dense_2", values: [s.dense_2], kerasValues: k && k.dense_2 },
      { name: "sigmoid", values: [s.sigmoid], kerasValues: k && k.sigmoid },
    ];
    q("formula-dense").textContent = "[" + x.join(", ") + "] · kernel (2 × " + s.dense.length +
      ") + bias (" + s.dense.length + ") = " + t.values(s.dense.length);
    q("formula-hidden").textContent = activation === "softmax"
      ? t.softmaxLine(s.hidden.length, fixed(s.hidden.reduce((a, b) => a + b, 0)))
      : activation + "(h), " + t.values(s.hidden.length);
    const z = s.dense_2;
    q("formula-dense_2").textContent = "a · kernel_2 (" + s.hidden.length + " × 1) + bias_2 = " + fixed(z);
    q("formula-sigmoid").textContent = "sigmoid(" + fixed(z) + ") = 1 / (1 + e^(" +
      fixed(-z) + ")) = " + fixed(s.sigmoid);
    stages.forEach((stage) => {
      const values = q("values-" + stage.name);
      values.textContent = listed(stage.values);
      values.setAttribute("data-values", JSON.stringify(stage.values));
      const plot = q("plot-" + stage.name);
      if (plot) {
        if (more.open) drawBars(plot, stage.values, palette, stage.name === "dense");
        plot.setAttribute("aria-label", t.stageAlt(stage.name, listed(stage.values)));
      }
      const note = q("keras-" + stage.name);
      if (stage.kerasValues) {
        const diff = Math.max(...stage.values.map((v, i) => Math.abs(v - stage.kerasValues[i])));
        note.textContent = t.kerasStage(diff === 0 ? "0" : diff.toExponential(1));
      } else {
        note.textContent = t.noKerasStage;
      }
    });
  }

  // ---- playing -------------------------------------------------------

  function frame(now) {
    if (!playing) return;
    const before = losses.length;
    if (speed === Infinity) {
      const until = performance.now() + FASTEST_FRAME_MS;
      while (losses.length < MAX_EPOCHS && performance.now() < until) step();
    } else {
      const due = epochsDue(speed, now - playStart, ranSincePlay, losses.length);
      for (let i = 0; i < due; i++) step();
      ranSincePlay += due;
    }
    if (losses.length >= MAX_EPOCHS) playing = false;
    if (losses.length !== before || !playing) showTraining();
    if (playing) requestAnimationFrame(frame);
  }

  function play() {
    if (!trainer || losses.length >= MAX_EPOCHS) return;
    if (reduced.matches) {
      const stop = stillStop(losses.length, keras && keras.epochs);
      while (losses.length < stop) step();
      showTraining();
      return;
    }
    playing = true;
    playStart = performance.now();
    ranSincePlay = 0;
    // As fast as it goes: the first epochs now, not after a drawing and a frame.
    if (speed === Infinity) frame(playStart);
    else {
      showTraining();
      requestAnimationFrame(frame);
    }
  }

  function pause() {
    if (!playing) return;
    playing = false;
    if (trainer) showTraining();
  }

  // ---- controls ------------------------------------------------------

  let urlPending = false;
  function changed(resetTraining) {
    linkProblems = [];
    if (resetTraining) reset();
    else {
      markFields(check(state, t).problems);
      if (config) showNeuron();
      showForward();
    }
    if (!urlPending) {
      urlPending = true;
      queueMicrotask(() => {
        urlPending = false;
        history.replaceState(history.state, "", toQuery(state) + location.hash);
      });
    }
  }

  ["data", "units", "activation", "lr"].forEach((k) => {
    fields[k].addEventListener(fields[k].tagName === "SELECT" ? "change" : "input", () => {
      state[k] = fields[k].value.trim();
      changed(true);
    });
  });
  function typedX() {
    state.x = fields.x1.value.trim() + "," + fields.x2.value.trim();
    rowRadios.forEach((r) => { r.checked = false; });
    const checked = check(state, t);
    if (checked.problems.some((p) => p.key === "x") || !config) {
      changed(true);
    } else {
      config.x = checked.config.x;
      changed(false);
    }
  }
  fields.x1.addEventListener("input", typedX);
  fields.x2.addEventListener("input", typedX);
  rowRadios.forEach((radio) => {
    radio.addEventListener("change", () => {
      state.row = radio.value;
      state.x = null;
      const x = X[Number(radio.value)];
      fields.x1.value = String(x[0]);
      fields.x2.value = String(x[1]);
      if (config) config.x = x;
      changed(!config);
    });
  });
  weightRadios.forEach((radio) => {
    radio.addEventListener("change", () => {
      state.weights = radio.value;
      changed(!config);
    });
  });
  speedField.addEventListener("input", () => {
    showSpeed();
    // The new speed counts from now.
    playStart = performance.now();
    ranSincePlay = 0;
  });
  playButton.addEventListener("click", () => (playing ? pause() : play()));
  stepButton.addEventListener("click", () => {
    pause();
    if (trainer && losses.length < MAX_EPOCHS) {
      step();
      showTraining();
    }
  });
  resetButton.addEventListener("click", () => reset());
  root.querySelectorAll("form").forEach((form) => {
    form.addEventListener("submit", (e) => e.preventDefault());
  });
  more.addEventListener("toggle", () => showForward());

  document.addEventListener("visibilitychange", () => {
    if (document.hidden && playing) {
      resumeOnShow = true;
      pause();
    } else if (!document.hidden && resumeOnShow) {
      resumeOnShow = false;
      play();
    }
  });
  function redraw() {
    palette = colours(root);
    if (trainer) showTraining();
    showForward();
  }
  new MutationObserver(redraw).observe(document.body, {
    attributes: true, attributeFilter: ["data-md-color-scheme"],
  });
  let lastWidth = root.clientWidth;
  new ResizeObserver(() => {
    if (root.clientWidth !== lastWidth) {
      lastWidth = root.clientWidth;
      redraw();
    }
  }).observe(root);

  showFields();
  reset();
  root.setAttribute("data-ready", "");
}

function init() {
  const root = document.querySelector("[data-watch]");
  if (root && !root.hasAttribute("data-ready")) bind(root);
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
else init();
