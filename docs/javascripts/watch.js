/*
 * The "Watch it learn" page (docs/watch.md, docs/watch.zh.md): the question's
 * network drawn as the page's interface, training live beside what Keras
 * computed, and one neuron opened up to its sum.
 *
 * - The pure parts are modules: lib/watch-model.js (the network and Keras's
 *   Adam, in float32), lib/watch-neuron.js (an opened neuron's sum),
 *   lib/watch-pace.js (the speed control and the loss chart's axis),
 *   lib/watch-state.js (the state and its link), lib/watch-text.js (numbers as
 *   printed, the log), lib/watch-colour.js (the colour scales, a picture over
 *   the plane), lib/watch-net.js (where the network is drawn). This file reads
 *   the controls, draws, and compares, in small parts: the page's data, a
 *   training (newTraining), a player (newPlayer), the drawing of the network
 *   (buildNet), the figures, and bind(), which wires them to the controls.
 * - Keras's side is written into the page by densedocs/site/page_data.py:
 *   #data-watch-keras_runs (snippets/watch/keras_runs.py: Keras's seeded
 *   starts, and the logs of the captured runs) and #data-watch-stages
 *   (snippets/watch/stages.py: each row's stages, at the start and after
 *   training). Where Keras's start for the chosen hidden units is captured,
 *   training starts from it; otherwise from the page's own Glorot-uniform
 *   start, and the page says so. Without its data the page says what is
 *   missing and runs nothing.
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
 * - On load, the script's evaluation only defines; the page is bound to its
 *   controls in a task of its own, and the first drawing is made one part a
 *   task after it (inTurn): the training's start, the network (its SVG
 *   parsed from one string), Material's colours (a style read), the network's
 *   colours and the opened neuron, the log, the stages; then the neurons'
 *   pictures when the browser is idle, the plane's values in one task and a
 *   picture in each. The figures below them wait until they come near the
 *   screen or the reader uses a control, then each is drawn in an idle task
 *   of its own. No task of the start-up is a long one under Lighthouse's 4×
 *   CPU slowdown (its Total Blocking Time, `make bench`).
 * - Figures are pictures with a text alternative that states their numbers;
 *   colours come from Material's scheme, light or dark. Everything a reader
 *   types is shown with textContent only.
 */
import { addressKeeper } from "./lib/address-bar.js";
import { messagesFor } from "./lib/page-messages.js";
import { copyWeights, forward, glorotStart, newTrainer } from "./lib/watch-model.js";
import { drawnScale, hiddenNeuron, outputNeuron } from "./lib/watch-neuron.js";
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
import { check, findRun, fromQuery, toQuery, TRAINING_KEYS, X } from "./lib/watch-state.js";
import { fixed, inBrackets, listed, logText, shortList, signed } from "./lib/watch-text.js";
import { BLUE, css, diverging, pixelsOf, planeValues, readableOn, RED } from "./lib/watch-colour.js";
import { lineAt, NET, netLayout } from "./lib/watch-net.js";

const SEED = 0; // the page's own start, where Keras's is not captured
const RANGE = [-0.25, 1.25]; // the plane the boundary is drawn over
const DATA = { runs: "data-watch-keras_runs", stages: "data-watch-stages" };
const FIGURES = ["loss", "heat", "boundary"]; // below the network, drawn when near

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
    boundaryLater: "The network's output over the plane, x1 and x2 from −0.25 to 1.25: drawn when it comes into view.",
    boundaryAlt: (share, points) => "The network's output over the plane, x1 and x2 from −0.25 to 1.25: " +
      "above 0.5 (red) on " + share + "% of it, below (blue) on the rest. " +
      "At the four rows of X: " + points + ".",
    netAlt: (units, shown) => "The network: inputs x1 and x2, " + units + " hidden neurons (" + shown +
      " drawn), one output. Each line is a weight: red above 0, blue below, thicker when larger.",
    more: (n) => n + " more",
    scaleName: (share) => (share ? "a neuron's share:" : "a neuron's value:"),
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
    weightsNames: (epochs) => ({
      start: "Keras's start", trained: "after " + epochs + " epochs (Keras's)", live: "the training above, now",
    }),
    missingData: (id) => "This page's copy of Keras's runs (the element #" + id + ") is missing, " +
      "so nothing can run: the site was built without it.",
    weightIs: (from, to, v) => "weight " + from + " → " + to + " = " + v,
    weightHint: "Point at a line, or open a neuron, to read its weights.",
    neuronWeights: (name, parts) => "weights of " + name + ": " + parts,
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
    boundaryLater: "网络在平面上的输出，x1 和 x2 从 −0.25 到 1.25：滚动到这里时画出。",
    boundaryAlt: (share, points) => "网络在平面上的输出，x1 和 x2 从 −0.25 到 1.25：其中 " + share +
      "% 的区域大于 0.5（红色），其余小于 0.5（蓝色）。X 的四行：" + points + "。",
    netAlt: (units, shown) => "网络：输入 x1 和 x2，" + units + " 个隐藏神经元（画出 " + shown +
      " 个），一个输出。每条线是一个权重：大于 0 为红色，小于 0 为蓝色，越大越粗。",
    more: (n) => "另 " + n + " 个",
    scaleName: (share) => (share ? "神经元的份额：" : "神经元的值："),
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
    weightsNames: (epochs) => ({
      start: "Keras 的起点", trained: "训练 " + epochs + " 轮之后（Keras 的）", live: "上面正在训练的网络",
    }),
    missingData: (id) => "本页缺少 Keras 运行结果的副本（元素 #" + id + "），因此无法运行：构建网站时没有写入它。",
    weightIs: (from, to, v) => "权重 " + from + " → " + to + " = " + v,
    weightHint: "指向一条线，或展开一个神经元，即可读出它的权重。",
    neuronWeights: (name, parts) => name + " 的权重：" + parts,
    noRun: "还没有：请在上面按“播放”或“单步”",
    values: (n) => n + " 个值",
    atEpoch: (n) => "第 " + n + " 轮",
  },
};


/** The page's data: Keras's runs and stages, parsed; a missing element is an
 * error that names it. */
function pageData(t) {
  const read = (id) => {
    const node = document.getElementById(id);
    if (!node) throw new Error(t.missingData(id));
    return JSON.parse(node.textContent);
  };
  return { runs: read(DATA.runs), stages: read(DATA.stages) };
}

/** Runs fn in a task of its own when the browser is idle (soon, at the latest). */
function whenIdle(fn) {
  if (window.requestIdleCallback) window.requestIdleCallback(fn, { timeout: 500 });
  else setTimeout(fn, 0);
}

// ---- colours and canvases ----------------------------------------------

/** Material's colours as RGB, read through one probe element. */
function readColours(root) {
  const style = getComputedStyle(root);
  const probe = document.createElement("span");
  root.appendChild(probe);
  function rgb(name, fallback) {
    probe.style.color = style.getPropertyValue(name).trim() || fallback;
    return getComputedStyle(probe).color.match(/[0-9.]+/g).map(Number).slice(0, 3);
  }
  const c = {
    fg: rgb("--md-default-fg-color", "#000"),
    bg: rgb("--md-default-bg-color", "#fff"),
    light: rgb("--md-default-fg-color--lighter", "#ccc"),
    line: rgb("--md-primary-fg-color", "#3f51b5"),
  };
  root.removeChild(probe);
  return c;
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

/** A picture of values on an n × n grid over the plane RANGE², coloured by
 * colour(v): a canvas of n × n pixels. */
function planePicture(values, n, colour) {
  const canvas = document.createElement("canvas");
  canvas.width = canvas.height = n;
  canvas.getContext("2d").putImageData(new ImageData(pixelsOf(values, colour), n, n), 0, 0);
  return canvas;
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

/** The weights' colour scale: ± the largest weight, rounded up. */
function heatLimit(w) {
  return Math.ceil(Math.max(...HEAT_ROWS.map((r) => Math.max(...r[1](w).map(Math.abs))))) || 1;
}

function drawHeat(canvas, w, c) {
  const rowH = 20, gap = 4;
  const s = surface(canvas, HEAT_ROWS.length * (rowH + gap) + 34);
  const rows = HEAT_ROWS.map((r) => r[1](w));
  const limit = heatLimit(w);
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
const BOUNDARY_N = 40; // the boundary's grid: 40 × 40 points
const BOUNDARY_SLICE = 10; // its rows computed in one task, when it waits for idle time
const outputAt = (w, activation) => (x1, x2) => forward(w, [x1, x2], activation).sigmoid;

function drawBoundary(canvas, w, activation, Y, c, t, values) {
  const left = 40, top = 6, bottom = 62;
  const width = Math.min(canvas.clientWidth || 280, 300);
  const size = width - left - 6;
  const s = surface(canvas, size + top + bottom);
  canvas.setAttribute("data-plot", [left, top, size].join(","));
  const span = RANGE[1] - RANGE[0];
  // The output at BOUNDARY_N² points, one pixel each, scaled up without smoothing.
  values = values || planeValues(outputAt(w, activation), BOUNDARY_N, RANGE);
  s.ctx.imageSmoothingEnabled = false;
  s.ctx.drawImage(planePicture(values, BOUNDARY_N, (p) => diverging((p - 0.5) * 2, c.bg)),
    left, top, size, size);
  const above = values.filter((p) => p > 0.5).length;
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
  return Math.round((100 * above) / values.length);
}

// ---- the network diagram (SVG) -------------------------------------------

/** An SVG element's markup: its attributes and its content (text, escaped,
 * or the markup of its children). The diagram is parsed in one step, a
 * fraction of the time of creating its 130 elements one by one. */
function tag(name, attrs, content = "", children = false) {
  const escape = (v) => String(v).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");
  return "<" + name + Object.keys(attrs).map((k) => " " + k + '="' + escape(attrs[k]) + '"').join("") + ">" +
    (children ? content : escape(content)) + "</" + name + ">";
}

const svgText = (x, y, content, attrs = {}) => tag("text", Object.assign({ x, y, "text-anchor": "middle" }, attrs), content);

/** A line's width and opacity for a weight: thicker and stronger when larger. */
function weightStyle(line, v) {
  const s = Math.min(Math.abs(v), 2) / 2;
  line.setAttribute("stroke-width", (0.75 + 3.75 * s).toFixed(2));
  line.setAttribute("stroke-opacity", (0.35 + 0.65 * s).toFixed(2));
  line.setAttribute("class", v < 0 ? "watch-w-neg" : "watch-w-pos");
  line.setAttribute("data-weight", String(v));
}

/** A drawn line's weight in weights w. */
const lineWeight = (l, w) => (l.kind === "in" ? w.kernel[l.r][l.j] : w.kernel_2[l.j][0]);
const lineEnds = (l) => (l.kind === "in" ? ["x" + (l.r + 1), "h" + (l.j + 1)] : ["h" + (l.j + 1), "out"]);

/** Each drawn hidden neuron's value over the input plane, as the small
 * picture beside it, on the scale its circle is coloured on: the plane's
 * values now, and a function that makes neuron j's picture (a data URL). */
const PICTURE_N = 12; // each picture: 12 × 12 points, smoothed as the browser scales it up
function neuronPictures(w, activation, scale, bg) {
  const plane = planeValues((x1, x2) => forward(w, [x1, x2], activation).hidden, PICTURE_N, RANGE);
  const canvas = document.createElement("canvas");
  canvas.width = canvas.height = PICTURE_N;
  const ctx = canvas.getContext("2d");
  return (j) => {
    const pixels = pixelsOf(plane, (hidden) => diverging(scale.at(hidden[j]), bg));
    ctx.putImageData(new ImageData(pixels, PICTURE_N, PICTURE_N), 0, 0);
    return canvas.toDataURL();
  };
}

/** Draws the network for `units` hidden neurons into holder: the lines, the
 * neurons (each a button that opens its sum), each hidden neuron's picture
 * over the plane, and a line of text at the top that reads the weight of the
 * line the pointer is on, or the opened or focused neuron's weights; the
 * scale the neurons are coloured on, in `legend`. Returns
 * {update(w, x, activation, opened, palette), pictures(w, activation, palette)},
 * which restyle it, and its `size` (the hidden neurons drawn). */
function buildNet(holder, legend, units, t, onOpen) {
  const layout = netLayout(units);
  const shown = layout.slots.filter((s) => s.more === undefined);
  const half = NET.picture / 2;
  const square = (slot, cls) => ({
    x: NET.hiddenX + 20, y: slot.y - half, width: NET.picture, height: NET.picture, class: cls,
  });
  const out = layout.output;
  holder.innerHTML = tag("svg", {
    viewBox: "0 0 " + layout.width + " " + layout.height, class: "watch-net-svg", role: "group",
    "aria-label": t.netAlt(units, shown.length), "data-watch-net-svg": "",
  }, [
    tag("g", { "aria-hidden": "true" }, layout.lines.map((l) =>
      tag("line", { x1: l.x1, y1: l.y1, x2: l.x2, y2: l.y2 })).join(""), true),
    svgText(4, 13, "", {
      "text-anchor": "start", class: "watch-net-weight", "data-watch-net-weight": "", "aria-live": "polite",
    }),
    ...layout.inputs.map((p, r) => tag("circle", { cx: p.x, cy: p.y, r: 16, class: "watch-input" }) +
      svgText(p.x, p.y + 4, "x" + (r + 1)) + svgText(p.x, p.y + 32, "", { class: "watch-net-value" })),
    tag("g", { "aria-hidden": "true", class: "watch-net-pictures" }, shown.map((slot) =>
      tag("image", Object.assign(square(slot, "watch-net-picture"), { preserveAspectRatio: "none" })) +
      tag("rect", square(slot, "watch-net-frame"))).join(""), true),
    ...layout.slots.map((slot) => (slot.more !== undefined
      ? svgText(NET.hiddenX, slot.y + 4, "⋮ " + t.more(slot.more), { class: "watch-net-more" })
      : tag("g", {
        "data-testid": "neuron", "data-index": slot.j, tabindex: "0", role: "button",
        "aria-pressed": "false", "aria-label": t.neuronLabel(slot.j + 1), class: "watch-neuron-node",
      }, tag("circle", { cx: NET.hiddenX, cy: slot.y, r: 14 }) +
        svgText(NET.hiddenX, slot.y + 4, "h" + (slot.j + 1)), true))),
    tag("g", {
      "data-testid": "output-neuron", tabindex: "0", role: "button", "aria-pressed": "false",
      "aria-label": t.outputLabel, class: "watch-neuron-node watch-output",
    }, tag("circle", { cx: out.x, cy: out.y, r: 17 }) + svgText(out.x, out.y + 4, "out"), true),
    svgText(out.x, out.y + 34, "", { class: "watch-net-value", "data-watch-net-out": "" }),
  ].join(""), true);
  const root = holder.firstChild;
  const lineNodes = Array.from(root.querySelectorAll("line"));
  const readout = root.querySelector("[data-watch-net-weight]");
  const inputValues = Array.from(root.querySelectorAll(".watch-net-value")).slice(0, 2);
  const pictures = root.querySelectorAll(".watch-net-picture");
  const neurons = Array.from(root.querySelectorAll("[data-testid=neuron]"), (g, i) => ({
    j: shown[i].j, g, circle: g.firstChild, label: g.lastChild, picture: pictures[i],
  }));
  const js = neurons.map((n) => n.j);
  const outNode = root.querySelector("[data-testid=output-neuron]");
  const outCircle = outNode.firstChild;
  const outValue = root.querySelector("[data-watch-net-out]");

  let weights = null;
  let pointed = -1; // the line under the pointer
  let focused = null; // a neuron focused from the keyboard
  let openedNow = 0;
  /** The readout: the pointed line's weight; else the focused or opened
   * neuron's weights in, and out. */
  function read() {
    if (!weights) return;
    const value = (l) => t.weightIs(...lineEnds(l), signed(lineWeight(l, weights)));
    lineNodes.forEach((node, i) => node.classList.toggle("watch-w-pointed", i === pointed));
    if (pointed >= 0) {
      readout.textContent = value(layout.lines[pointed]);
      return;
    }
    const which = focused !== null ? focused : openedNow;
    const own = layout.lines.filter((l) => (which === "output" ? l.kind === "out" : l.j === which));
    readout.textContent = which === "output" ? t.weightHint : t.neuronWeights("h" + (which + 1),
      own.map((l) => lineEnds(l).find((end) => end !== "h" + (which + 1)) + " " +
        signed(lineWeight(l, weights), 2)).join(" · "));
  }
  function open(node, which) {
    node.addEventListener("click", () => onOpen(which));
    node.addEventListener("keydown", (e) => {
      if (e.key === "Enter" || e.key === " ") {
        e.preventDefault();
        onOpen(which);
      }
    });
    node.addEventListener("focus", () => { focused = which; read(); });
    node.addEventListener("blur", () => { focused = null; read(); });
  }
  neurons.forEach((n) => open(n.g, n.j));
  open(outNode, "output");
  // A pointer on a line (a mouse over it, a finger or pen down on it).
  function point(e) {
    const m = root.getScreenCTM();
    if (!m) return;
    const p = new DOMPoint(e.clientX, e.clientY).matrixTransform(m.inverse());
    const at = lineAt(p.x, p.y, layout.lines);
    if (at !== pointed) {
      pointed = at;
      read();
    }
  }
  root.addEventListener("pointermove", point);
  root.addEventListener("pointerdown", point);
  root.addEventListener("pointerleave", (e) => {
    if (e.pointerType === "touch") return; // a finger lifted: the weight stays read
    pointed = -1;
    read();
  });
  return {
    update(w, x, activation, opened, palette) {
      weights = w;
      openedNow = opened;
      const stages = forward(w, x, activation);
      const scale = drawnScale(w, activation, js, X);
      showScale(legend, scale, activation, t);
      layout.lines.forEach((l, i) => weightStyle(lineNodes[i], lineWeight(l, w)));
      inputValues.forEach((node, r) => { node.textContent = "= " + x[r]; });
      // Each neuron's value for the row, on the legend's scale; its name in
      // the page's text colour or its background's, whichever reads better.
      neurons.forEach((n) => {
        const a = stages.hidden[n.j];
        const fill = diverging(scale.at(a), palette.bg);
        n.circle.setAttribute("fill", css(fill));
        n.label.style.fill = css(readableOn(fill, [palette.fg, palette.bg]));
        n.g.setAttribute("data-value", String(a));
        n.g.setAttribute("aria-pressed", String(opened === n.j));
      });
      outCircle.setAttribute("fill", css(diverging((stages.sigmoid - 0.5) * 2, palette.bg)));
      outNode.setAttribute("aria-pressed", String(opened === "output"));
      outValue.textContent = fixed(stages.sigmoid, 2);
      read();
    },
    /** The neurons' pictures over the plane for weights w: the plane's
     * values now, and a function for each picture that draws it. */
    pictures(w, activation, palette) {
      const picture = neuronPictures(w, activation, drawnScale(w, activation, js, X), palette.bg);
      return neurons.map((n) => () => n.picture.setAttribute("href", picture(n.j)));
    },
    size: neurons.length,
  };
}

/** The legend of the neurons' colours: what the value is, and the scale's
 * ends and middle (its bar, blue through the background to red, is CSS). */
function showScale(legend, scale, activation, t) {
  const words = [t.scaleName(activation === "softmax")].concat(scale.labels);
  if (legend.getAttribute("data-labels") === words.join("|")) return;
  legend.setAttribute("data-labels", words.join("|"));
  ["name", "low", "middle", "high"].forEach((part, i) => {
    legend.querySelector("[data-watch-scale-" + part + "]").textContent = words[i];
  });
}

// ---- a training: its configuration, Keras's run for it, its epochs ---------

/** A training of the network from Keras's start (or the page's own): its
 * losses and accuracies so far, and Keras's captured run, if any. */
function newTraining(runs) {
  const training = {
    config: null, keras: null, trainer: null, kerasStart: false, losses: [], accuracies: [],
    /** Starts over for a checked configuration. */
    start(config) {
      const kerasStart = runs.starts[String(config.units)];
      const start = kerasStart ? copyWeights(kerasStart) : glorotStart(config.units, SEED);
      training.config = config;
      training.kerasStart = !!kerasStart;
      training.keras = kerasStart ? findRun(runs.runs || [], config) : null;
      training.trainer = newTrainer(start, X, runs.datasets[config.data], config.activation, config.lr);
      training.losses = [];
      training.accuracies = [];
    },
    stop() {
      training.config = null;
      training.trainer = null;
    },
    step() {
      const r = training.trainer.step();
      training.losses.push(r.loss);
      training.accuracies.push(r.accuracy);
    },
    epoch: () => training.losses.length,
    canStep: () => !!training.trainer && training.losses.length < MAX_EPOCHS,
    weights: () => training.trainer.weights(),
  };
  return training;
}

// ---- the player: Play, Pause, the speed, the tab hidden ----------------------

/** Plays a training at `speed` epochs a second (Infinity: as fast as it goes,
 * drawing every FASTEST_FRAME_MS); calls shown() after the epochs of a frame. */
function newPlayer(training, shown, reduced) {
  let playStart = 0;
  let ranSincePlay = 0;
  let resumeOnShow = false;
  const player = { playing: false, speed: SPEEDS[DEFAULT_SPEED] };

  function frame(now) {
    if (!player.playing) return;
    const before = training.epoch();
    if (player.speed === Infinity) {
      const until = performance.now() + FASTEST_FRAME_MS;
      while (training.epoch() < MAX_EPOCHS && performance.now() < until) training.step();
    } else {
      const due = epochsDue(player.speed, now - playStart, ranSincePlay, training.epoch());
      for (let i = 0; i < due; i++) training.step();
      ranSincePlay += due;
    }
    if (training.epoch() >= MAX_EPOCHS) player.playing = false;
    if (training.epoch() !== before || !player.playing) shown();
    if (player.playing) requestAnimationFrame(frame);
  }

  player.play = () => {
    if (!training.canStep()) return;
    if (reduced.matches) {
      const stop = stillStop(training.epoch(), training.keras && training.keras.epochs);
      while (training.epoch() < stop) training.step();
      shown();
      return;
    }
    player.playing = true;
    playStart = performance.now();
    ranSincePlay = 0;
    // As fast as it goes: the first epochs now, not after a drawing and a frame.
    if (player.speed === Infinity) frame(playStart);
    else {
      shown();
      requestAnimationFrame(frame);
    }
  };
  player.pause = () => {
    if (!player.playing) return;
    player.playing = false;
    if (training.trainer) shown();
  };
  player.setSpeed = (speed) => {
    player.speed = speed;
    // The new speed counts from now.
    playStart = performance.now();
    ranSincePlay = 0;
  };
  player.step = () => {
    player.pause();
    if (training.canStep()) {
      training.step();
      shown();
    }
  };
  /** Paused while the tab is hidden, and playing again when it is shown. */
  player.visibility = (hidden) => {
    if (hidden && player.playing) {
      resumeOnShow = true;
      player.pause();
    } else if (!hidden && resumeOnShow) {
      resumeOnShow = false;
      player.play();
    }
  };
  return player;
}

// ---- the page ----------------------------------------------------------

/** The page's elements, by their data-watch-* names. */
function pageElements(root) {
  const q = (name) => root.querySelector("[data-watch-" + name + "]");
  return {
    q,
    fields: {
      data: q("field=data"), units: q("field=units"), activation: q("field=activation"),
      lr: q("field=lr"), x1: q("field=x1"), x2: q("field=x2"),
    },
    speedField: q("field=speed"),
    rowRadios: root.querySelectorAll("[data-watch-row]"),
    weightRadios: root.querySelectorAll("[data-watch-weights]"),
    errorBox: q("error"),
    playButton: q("play"),
    stepButton: q("step"),
    resetButton: q("reset"),
    more: q("more"),
  };
}

/** The message box: the problems that stop the page, or none. */
function showProblems(root, el, messages) {
  el.errorBox.textContent = messages.join(" ");
  el.errorBox.hidden = messages.length === 0;
  root.toggleAttribute("data-invalid", messages.length > 0);
  if (messages.length) el.playButton.disabled = el.stepButton.disabled = true;
}

function bind(root) {
  const t = messagesFor(MESSAGES, document.documentElement.lang);
  const el = pageElements(root);
  const q = el.q;
  let data;
  try {
    data = pageData(t);
  } catch (error) {
    showProblems(root, el, [error.message]);
    root.setAttribute("data-ready", "");
    return;
  }
  const runs = data.runs;
  const question = runs.runs[0];
  const parsed = fromQuery(location.search, t);
  const state = parsed.state;
  let linkProblems = parsed.problems;
  let palette = null;
  const fields = el.fields;
  const training = newTraining(runs);
  const player = newPlayer(training, showTraining, window.matchMedia("(prefers-reduced-motion: reduce)"));
  let net = null;
  let netUnits = null;
  let opened = 0; // a hidden neuron's index, or "output"

  function showFields() {
    TRAINING_KEYS.forEach((k) => { fields[k].value = state[k]; });
    const x = state.x !== null ? state.x.split(",") : X[Number(state.row)] || ["", ""];
    fields.x1.value = String(x[0]).trim();
    fields.x2.value = x[1] === undefined ? "" : String(x[1]).trim();
    el.rowRadios.forEach((r) => { r.checked = state.x === null && r.value === state.row; });
    el.weightRadios.forEach((r) => { r.checked = r.value === state.weights; });
    el.speedField.value = String(DEFAULT_SPEED);
    showSpeed();
  }

  function showSpeed() {
    const speed = SPEEDS[Number(el.speedField.value)];
    player.setSpeed(speed);
    q("speed-label").textContent = t.speed(speed);
    el.speedField.setAttribute("aria-valuetext", t.speedText(speed));
    root.setAttribute("data-speed", String(speed));
  }

  function markFields(problems) {
    Object.keys(fields).forEach((k) => {
      const key = k === "x1" || k === "x2" ? "x" : k;
      if (problems.some((p) => p.key === key)) fields[k].setAttribute("aria-invalid", "true");
      else fields[k].removeAttribute("aria-invalid");
    });
  }

  /** Training starts over from the state's configuration, if it is valid;
   * returns whether it is. */
  function restart(withNet = true) {
    player.pause();
    const checked = check(state, t);
    const messages = linkProblems.concat(checked.problems.map((p) => p.message));
    markFields(checked.problems);
    showProblems(root, el, messages);
    if (messages.length) {
      training.stop();
      return false;
    }
    training.start(checked.config);
    const config = training.config;
    q("start").textContent = training.kerasStart ? t.kerasStart(config.units) : t.ownStart(config.units);
    root.setAttribute("data-start", training.kerasStart ? "keras" : "page");
    q("keras-run").textContent = training.keras ? t.kerasRun(training.keras.epochs) : t.noKerasRun;
    if (opened !== "output" && opened >= config.units) opened = 0;
    if (withNet) drawNet();
    el.playButton.disabled = el.stepButton.disabled = false;
    return true;
  }

  /** The network's drawing, made again when the hidden units changed. */
  function drawNet() {
    const units = training.config.units;
    if (netUnits === units) return;
    net = buildNet(q("net"), q("scale"), units, t, openNeuron);
    netUnits = units;
  }

  /** Starts over, and shows the start. */
  function reset() {
    if (!restart()) return;
    showTraining();
    showForward();
  }

  function showTraining(neuronToo = true) {
    const { losses, accuracies, keras } = training;
    const epoch = losses.length;
    const log = q("log");
    log.textContent = logText(losses, accuracies, keras, t);
    log.setAttribute("data-losses", JSON.stringify(losses));
    if (epoch) log.scrollTop = log.scrollHeight; // (at 0, a layout for nothing)
    const last = epoch - 1;
    q("epoch").textContent = t.status(epoch, epoch ? fixed(losses[last]) : null,
      epoch ? fixed(accuracies[last], 2) : null);
    root.setAttribute("data-epoch", String(epoch));
    root.toggleAttribute("data-past-keras", !!keras && epoch > keras.epochs);
    q("past").textContent = keras ? t.past(keras.epochs) : "";
    el.playButton.textContent = player.playing ? t.pause : t.play;
    el.playButton.setAttribute("aria-pressed", player.playing ? "true" : "false");
    el.playButton.disabled = el.stepButton.disabled = epoch >= MAX_EPOCHS;
    q("neuron-sum").setAttribute("aria-busy", String(player.playing));
    if (neuronToo) showNeuron();
    if (state.weights === "live" && el.more.open) showForward();
    showPredictions();
    if (pendingBatches) {
      // The waiting batch draws what is current when it ends.
      if (figuresDue) figuresBusy(true);
      return;
    }
    if (figuresDue) drawFigures();
    else drawPictures();
  }

  /** The figures below the first screen (the loss, the weights, the boundary)
   * are drawn once they come near the screen, or once the reader uses a
   * control; until then only the network and its pictures are. */
  let figuresDue = false;
  function figuresNow(byReader) {
    if (figuresDue) return;
    figuresDue = true;
    if (!training.config) return;
    // The reader's own action draws them at once; coming into view, when idle.
    if (byReader) drawFigures();
    else drawLater();
  }

  /** The figures, each drawn in an idle task of its own (on load, when they
   * come near the screen, and after the colour scheme or the width changed):
   * no long task blocks the page. While a batch waits, training does not draw
   * them itself; the batch draws what is current when it runs. */
  let pendingBatches = 0;
  function drawLater() {
    pendingBatches += 1;
    const at = training.epoch();
    const config = training.config;
    const due = figuresDue;
    if (due) figuresBusy(true);
    // The boundary's grid, a slice of rows in each task, for the weights now.
    const slices = [];
    const rows = [];
    for (let from = 0; from < BOUNDARY_N; from += BOUNDARY_SLICE) {
      slices.push(() => {
        if (training.config !== config || training.epoch() !== at) return;
        const f = outputAt(training.weights(), config.activation);
        rows.push(...planeValues(f, BOUNDARY_N, RANGE, from, Math.min(from + BOUNDARY_SLICE, BOUNDARY_N)));
      });
    }
    const unchanged = () => training.config === config && training.epoch() === at;
    const drawers = !figuresDue ? pictureSteps() : [
      drawLossChart, drawWeights, ...slices,
      () => drawBoundaryPlot(unchanged() ? rows : null), ...pictureSteps(),
    ];
    drawers.forEach((draw, i) => whenIdle(() => {
      if (training.config) draw();
      if (i < drawers.length - 1) return;
      pendingBatches -= 1;
      if (pendingBatches || !figuresDue || !training.config) return;
      // Epochs trained while the batch waited, or figures that became due
      // meanwhile (a reader's Play before the idle tasks ran), are drawn now.
      if (!due || !unchanged()) drawFigures();
      else figuresBusy(false);
    }));
  }

  /** The figures that change with each epoch. */
  function drawFigures() {
    drawLossChart();
    drawWeights();
    drawBoundaryPlot();
    drawPictures();
    figuresBusy(false);
  }

  /** The figures below the network say while they are behind the training. */
  function figuresBusy(busy) {
    FIGURES.forEach((name) => q(name).setAttribute("aria-busy", String(busy)));
  }

  function drawLossChart() {
    const { losses, keras } = training;
    const epoch = losses.length;
    const lossCanvas = q("loss");
    drawLoss(lossCanvas, losses, keras ? keras.losses : null, colours(root), t);
    lossCanvas.setAttribute("aria-label", epoch
      ? t.lossAlt(epoch, shortList(losses, 30), !!keras, keras && keras.epochs) : t.lossNone);
  }

  /** The predictions' table: this page's, and Keras's after its last epoch. */
  function showPredictions() {
    const config = training.config;
    const Y = runs.datasets[config.data];
    const w = training.weights();
    const body = q("predictions");
    body.textContent = "";
    X.forEach((x, r) => {
      const p = forward(w, x, config.activation).sigmoid;
      const tr = document.createElement("tr");
      ["[" + x.join(", ") + "]", String(Y[r]), fixed(p), training.keras ? fixed(training.keras.predictions[r]) : "—"]
        .forEach((content, k) => {
          const cell = document.createElement(k === 0 ? "th" : "td");
          if (k === 0) cell.scope = "row";
          cell.textContent = content;
          tr.appendChild(cell);
        });
      tr.cells[2].setAttribute("data-value", String(p));
      body.appendChild(tr);
    });
  }

  /** The weights' cells, and their text alternative (drawn or not yet). */
  function drawWeights(labelOnly) {
    const w = training.weights();
    const heat = q("heat");
    const limit = labelOnly === true ? heatLimit(w) : drawHeat(heat, w, colours(root));
    heat.setAttribute("data-weights", JSON.stringify(w));
    heat.setAttribute("aria-label", t.heatAlt(HEAT_ROWS.map((r) => r[0] + " " + listed(r[1](w), 2))
      .join("; ") + " (scale ±" + limit + ")"));
  }

  /** The boundary, from its grid's values if they are computed. */
  function drawBoundaryPlot(values) {
    const config = training.config;
    const Y = runs.datasets[config.data];
    const w = training.weights();
    const boundary = q("boundary");
    const share = drawBoundary(boundary, w, config.activation, Y, colours(root), t, values);
    boundary.setAttribute("aria-label", t.boundaryAlt(share, X.map((x) =>
      "[" + x.join(", ") + "] " + fixed(forward(w, x, config.activation).sigmoid)).join(", ")));
  }

  function drawPictures() {
    if (!net) return; // (not drawn yet: the first drawing draws it)
    net.pictures(training.weights(), training.config.activation, colours(root)).forEach((draw) => draw());
  }

  /** The pictures in idle tasks: the plane's values, then a picture a task;
   * if the training or the network changed meanwhile, the last draws them all
   * again, for now. */
  function pictureSteps() {
    let draws = [];
    let drawn = null;
    const now = () => [net, training.config, training.epoch()];
    if (!net) return [() => {}];
    return [
      () => {
        drawn = now();
        draws = net.pictures(training.weights(), training.config.activation, colours(root));
      },
      ...Array.from({ length: net.size }, (_, i) => () => draws[i] && draws[i]()),
      () => {
        if (!drawn || now().some((v, i) => v !== drawn[i])) drawPictures();
      },
    ];
  }

  function openNeuron(which) {
    opened = which;
    if (training.config) showNeuron();
  }

  /** The network's colours and the opened neuron's sum for the chosen row,
   * with the training's weights now. */
  function showNeuron() {
    colourNet();
    showSum();
  }

  function colourNet() {
    const config = training.config;
    if (net) net.update(training.weights(), config.x, config.activation, opened, colours(root));
  }

  function showSum() {
    const config = training.config;
    const w = training.weights();
    const x = config.x;
    const box = q("neuron-sum");
    box.textContent = "";
    neuronLines(opened, w, x, config.activation, training.epoch(), t).forEach(([parts, cls]) => {
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
    });
  }

  /** The weights the stages use, and Keras's stages for them. */
  function forwardWeights() {
    if (state.weights === "live") return { w: training.weights(), keras: null };
    const w = state.weights === "start" ? runs.starts[String(question.units)] : question.trained;
    const rows = data.stages[state.weights];
    return { w, keras: state.x === null ? rows[Number(state.row)] : null, activation: question.activation };
  }

  function showForward() {
    if (!training.config) return;
    const chosen = forwardWeights();
    const activation = chosen.activation || training.config.activation;
    const x = training.config.x;
    const s = forward(chosen.w, x, activation);
    const k = chosen.keras;
    const epoch = training.epoch();
    q("forward-weights").textContent = t.weightsNames(question.epochs)[state.weights] +
      (state.weights === "live" ? " (" + (epoch ? t.atEpoch(epoch) : t.noRun) + ")" : "");
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
        if (el.more.open) drawBars(plot, stage.values, colours(root), stage.name === "dense");
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

  /** Material's colours, read once and again when the scheme changes. */
  function colours(root) {
    if (!palette) palette = readColours(root);
    return palette;
  }

  // ---- controls ------------------------------------------------------

  const keepAddress = addressKeeper(history, location, () => toQuery(state));
  function changed(resetTraining) {
    linkProblems = [];
    if (resetTraining) reset();
    else {
      markFields(check(state, t).problems);
      if (training.config) showNeuron();
      showForward();
    }
    keepAddress();
  }

  TRAINING_KEYS.forEach((k) => {
    fields[k].addEventListener(fields[k].tagName === "SELECT" ? "change" : "input", () => {
      state[k] = fields[k].value.trim();
      changed(true);
    });
  });
  function typedX() {
    state.x = fields.x1.value.trim() + "," + fields.x2.value.trim();
    el.rowRadios.forEach((r) => { r.checked = false; });
    const checked = check(state, t);
    if (checked.problems.some((p) => p.key === "x") || !training.config) {
      changed(true);
    } else {
      training.config.x = checked.config.x;
      changed(false);
    }
  }
  fields.x1.addEventListener("input", typedX);
  fields.x2.addEventListener("input", typedX);
  el.rowRadios.forEach((radio) => {
    radio.addEventListener("change", () => {
      state.row = radio.value;
      state.x = null;
      const x = X[Number(radio.value)];
      fields.x1.value = String(x[0]);
      fields.x2.value = String(x[1]);
      if (training.config) training.config.x = x;
      changed(!training.config);
    });
  });
  el.weightRadios.forEach((radio) => {
    radio.addEventListener("change", () => {
      state.weights = radio.value;
      changed(!training.config);
    });
  });
  el.speedField.addEventListener("input", showSpeed);
  el.playButton.addEventListener("click", () => (player.playing ? player.pause() : player.play()));
  el.stepButton.addEventListener("click", player.step);
  el.resetButton.addEventListener("click", reset);
  root.querySelectorAll("form").forEach((form) => {
    form.addEventListener("submit", (e) => e.preventDefault());
  });
  el.more.addEventListener("toggle", showForward);

  function redraw() {
    palette = null;
    if (!training.config) return;
    showNeuron();
    if (el.more.open) showForward();
    drawLater();
  }
  watchSurroundings(root, player, redraw);

  showFields();
  // The first drawing, after the page's text is parsed, one part a task (each
  // short enough not to count in Lighthouse's Total Blocking Time at its 4×
  // slowdown); the figures in idle tasks after them.
  inTurn([
    () => restart(false),
    drawNet,
    () => colours(root), // a style read: the new drawing's style is computed here
    colourNet,
    showSum,
    () => {
      pendingBatches += 1;
      showTraining(false);
      pendingBatches -= 1;
    },
    () => {
      showForward();
      // Until they are drawn, the figures say what they will show.
      q("loss").setAttribute("aria-label", t.lossNone);
      drawWeights(true);
      q("boundary").setAttribute("aria-label", t.boundaryLater);
      drawLater();
      whenNear(root, FIGURES.map(q), figuresNow);
    },
  ], () => training.config !== null, () => root.setAttribute("data-ready", ""));
}

/** Runs steps one a task, while going() holds; then done(). */
function inTurn(steps, going, done) {
  let i = 0;
  const next = () => {
    if (i < steps.length && (i === 0 || going())) {
      steps[i++]();
      setTimeout(next, 0);
    } else done();
  };
  setTimeout(next, 0);
}

/** Calls fn(byReader) once: when one of `figures` comes within half a screen
 * of the screen (false), or the reader first uses a control of the page (true). */
function whenNear(root, figures, fn) {
  const events = ["pointerdown", "keydown", "input", "change"];
  const near = new IntersectionObserver((entries) => {
    if (entries.some((e) => e.isIntersecting)) once(false);
  }, { rootMargin: "0px 0px 50% 0px" });
  const used = () => once(true);
  function once(byReader) {
    near.disconnect();
    events.forEach((name) => root.removeEventListener(name, used, true));
    fn(byReader);
  }
  figures.forEach((figure) => near.observe(figure));
  events.forEach((name) => root.addEventListener(name, used, true));
}

/** What happens around the page: the tab hidden or shown, the colour scheme
 * switched, the page's width changed. The observers are disconnected when the
 * page is left, and connected again if it comes back from the back/forward
 * cache. */
function watchSurroundings(root, player, redraw) {
  const onVisibility = () => player.visibility(document.hidden);
  let lastWidth = null;
  const body = document.body;
  let lastScheme = body.getAttribute("data-md-color-scheme");
  // Material's bundle sets the scheme as the page loads, often to the same one.
  const scheme = new MutationObserver(() => {
    const now = body.getAttribute("data-md-color-scheme");
    if (now !== lastScheme) {
      lastScheme = now;
      redraw();
    }
  });
  const size = new ResizeObserver(() => {
    const width = root.clientWidth;
    if (lastWidth !== null && width !== lastWidth) redraw();
    lastWidth = width;
  });
  function connect() {
    document.addEventListener("visibilitychange", onVisibility);
    lastScheme = body.getAttribute("data-md-color-scheme");
    scheme.observe(body, { attributes: true, attributeFilter: ["data-md-color-scheme"] });
    size.observe(root);
  }
  function disconnect() {
    document.removeEventListener("visibilitychange", onVisibility);
    scheme.disconnect();
    size.disconnect();
    lastWidth = null;
  }
  connect();
  window.addEventListener("pagehide", () => {
    player.pause();
    disconnect();
  });
  window.addEventListener("pageshow", (e) => {
    if (e.persisted) {
      connect();
      redraw();
    }
  });
}

/** The opened neuron's sum, line by line: [parts, class], each part a string
 * or a {text, term, value} that the tests read. */
function neuronLines(opened, w, x, activation, epoch, t) {
  const lines = [];
  const line = (parts, cls) => lines.push([parts, cls]);
  if (opened === "output") {
    const n = outputNeuron(w, x, activation);
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
    return lines;
  }
  const j = opened;
  const name = "h" + (j + 1);
  const n = hiddenNeuron(w, x, j, activation);
  line([t.opened(name, x, epoch)], "watch-neuron-title");
  line([name + " = x1·w1 + x2·w2 + b"]);
  line(["= " + x[0] + "·" + inBrackets(n.weights[0]) + " + " + x[1] + "·" +
    inBrackets(n.weights[1]) + " + " + inBrackets(n.bias)]);
  line(["= ", { text: signed(n.h), term: "h", value: n.h }]);
  if (activation === "softmax") {
    line(["a" + (j + 1) + " = e^" + name + " / (e^h1 + … + e^h" + n.units + ") = ",
      { text: signed(n.a), term: "a", value: n.a }]);
    line([t.share(n.units, fixed(n.total))], "watch-neuron-note");
  } else {
    line(["a" + (j + 1) + " = " + activation + "(" + name + ") = ",
      { text: signed(n.a), term: "a", value: n.a }]);
  }
  return lines;
}

// Bound in a task of its own: the script's evaluation, which blocks the
// page's parsing, only compiles it.
setTimeout(() => bind(document.querySelector("[data-watch]")), 0);
