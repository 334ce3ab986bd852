/*
 * "Explain your model" (docs/explain.md): the reader pastes what
 * model.summary() printed, or the model's code, and each layer's count,
 * output shape and bytes is explained the way Keras counts them. The
 * reading and the arithmetic are the pure modules of lib/ (the calculator
 * counts with the same layer-counts.js); this script only words and shows
 * their results.
 *
 * - The pasted text lives in the URL query, ?model=<text> (and an answer
 *   to the page's question as ?answer=<n>), so a link keeps the model. A
 *   link is a stranger's text: like the box, it is only ever shown with
 *   textContent or .value, never parsed as HTML.
 * - Messages come from MESSAGES, chosen by <html lang> (en, zh); the
 *   numbers and data-testid hooks are the same in both.
 * - Pasted code gets the summary Keras 3 would print (lib/summary-text.js).
 *   A stack of Dense layers is drawn as the calculator draws it, from the
 *   calculator's own modules (lib/calculator-state.js, dom/network-drawing.js),
 *   and linked to the calculator with the model in the link.
 */
import { addressKeeper } from "./lib/address-bar.js";
import { ACTIVATIONS, DTYPES, compute, toQuery } from "./lib/calculator-state.js";
import { CALCULATOR_WORDS } from "./lib/calculator-words.js";
import { parseCode } from "./lib/code-parse.js";
import { explainCode, explainSummary, markupNames } from "./lib/explain.js";
import { DTYPE_BYTES, grouped, readableBytes } from "./lib/layer-counts.js";
import { messagesFor } from "./lib/page-messages.js";
import { pageParts } from "./lib/page-parts.js";
import { looksLikeSummary, parseSummary } from "./lib/summary-parse.js";
import { summaryText } from "./lib/summary-text.js";
import { drawNetwork } from "./dom/network-drawing.js";

(function () {
  "use strict";

  // Characters of the link's query, beyond which the address does not keep the
  // text: servers refuse longer addresses (414), and a link should open.
  var MAX_LINK = 8000;

  function shapeText(shape) {
    return "(" + shape.join(", ") + (shape.length === 1 ? ",)" : ")");
  }

  var MESSAGES = {
    en: {
      line: function (n) { return "Line " + n + ": "; },
      errors: {
        empty: "Paste what model.summary() printed, or the model's code.",
        noModel: "No model found: the text holds no summary table (a line with “Layer (type)”, “Output Shape” and “Param #”) and no Sequential model.",
        tooLong: function (v) { return "The text is " + grouped(v.chars) + " characters long; the page reads at most " + grouped(v.max) + "."; },
        tooDeep: function (v) { return "brackets nested more than " + v.depth + " deep: this is not a model's code."; },
        openString: "a string opened here is never closed.",
        unmatched: function (v) { return "“" + v.bracket + "” closes a bracket that was never opened."; },
        unclosed: function (v) { return "the bracket “" + v.bracket + "” opened here is never closed."; },
        syntax: "the page cannot read this line as Python.",
        notNumber: function (v) { return "“" + v.text + "” is not a whole number."; },
        badArgument: function (v) { return v.layer + "'s " + v.argument + " is “" + v.value + "”, which Keras does not accept here."; },
        badShape: function (v) { return v.argument + " must be a tuple of whole numbers, such as (2,), not “" + v.value + "”."; },
        notLayer: function (v) { return "“" + v.text + "” is not a layer."; },
        notLayerList: "Sequential(...) takes a list of layers: [...].",
        lateInput: "the model's input must come first.",
        noLayers: "the model has no layers.",
        noInput: "the first layer does not say its input size: add keras.Input(shape=(...)) first, or input_dim= or input_shape= to this layer.",
        badHeader: "the table's header has no “Output Shape” or “Param #” column.",
        badRow: "this row has not as many columns as the table.",
        halfTable: "the table ends here, before its last row: paste the whole summary.",
        badParams: function (v) { return "the Param # column says “" + v.text + "”, which is not a count."; },
        unbuilt: "the model was not built when it was summarised: its counts are not known yet.",
        noRows: "the table has no rows.",
        rank: function (v) { return v.layer + " needs an input of rank " + v.rank + ", such as (None, …), but gets " + v.shape + "."; },
        unknownDim: function (v) { return v.layer + " needs the last axis of " + v.shape + " to be known."; },
        reshape: function (v) { return "Reshape cannot turn " + v.from + " into " + v.to + ": the sizes differ."; },
        window: function (v) { return v.layer + "'s window " + v.size + " is larger than its input " + v.shape + "."; },
        markupName: function (v) { return "the layer name “" + v.name + "” holds < or >, as HTML does: the page shows it as plain text only, and nothing in it runs."; },
      },
      question: function (q) {
        if (q.kind === "columns") return "How many columns does " + q.values.name + " have? (" + q.text + ", line " + q.line + ")";
        if (q.kind === "rows") return "How many rows does " + q.values.name + " have? (" + q.text + ", line " + q.line + ")";
        return "What is " + q.text + "? (line " + q.line + ")";
      },
      answerNeeded: "Answer the question above: the page never guesses it.",
      read: function (r) {
        return r.text + " is " + r.value + ": " + r.name + ", defined on line " + r.line +
          ", is an array of shape " + shapeText(r.shape) + " (" + r.shape[0] + " rows, " +
          (r.shape.length > 1 ? r.shape[1] + " columns" : "one axis") + ").";
      },
      badAnswer: "Write a whole number of at least 1.",
      flag: function (f) {
        var names = f.names.length ? f.names.join(", ") : "…";
        return "Line " + f.line + ": " + f.module + " is Keras 1 and 2's module; Keras 3 has none. Write today: from keras.layers import " + names;
      },
      from: {
        input: function (shape, how) { return "Its input is " + shape + ", the model's input (" + how + ")."; },
        previous: function (shape) { return "Its input is " + shape + ", the previous layer's output."; },
        count: "The summary does not print this row's input: it is worked out from its count.",
      },
      readingsTitle: "Readings that give this count:",
      setting: {
        bias: "with a bias", noBias: "use_bias=False (no bias)",
        resetAfter: "reset_after=True (Keras 3's default)", noResetAfter: "reset_after=False",
        vocabulary: "", learned2: "center and scale (the default)",
        learned1: "center or scale off", learned0: "center and scale off", none: "",
      },
      inputs: function (n) { return n + (n === "1" ? " input" : " inputs"); },
      kernel: function (k) { return "kernel " + k; },
      vocabulary: function (v) { return "input_dim (vocabulary) " + v; },
      inner: function (t, merge) { return t + " inside, merge_mode=" + merge; },
      formula: "Parameters: ",
      outputShape: "Output shape: ",
      bytes: function (p, size, dtype) { return "Bytes: " + p + " × " + size + " B (" + dtype + ") = "; },
      notes: {
        other: "Not explained here: this page does not know this layer's formula, so its count is not guessed.",
        afterOther: "Not explained: it follows a layer this page does not explain, so its input is not known.",
        noShape: "Not explained: the row before has no shape the page can read.",
        noFit: "No formula on this page gives this count with these shapes.",
      },
      frozen: function (t, n) { return " (" + t + " trainable, " + n + " non-trainable: the moving mean and variance)"; },
      total: "Total params: ",
      trainable: "Trainable params: ",
      nonTrainable: "Non-trainable params: ",
      pastedDiffers: function (what, n) { return " — the pasted summary says " + n + "."; },
      summaryTitle: "What model.summary() prints for this code (Keras 3):",
      notKept: "The text is too long for a link: this page's address does not keep it.",
      readFrom: { summary: "Read as a summary (", code: "Read as code." },
      formats: { keras3: "Keras 3", keras2: "Keras 2 / tf-keras" },
      layerTitle: function (i, name, type) { return (i + 1) + ". " + name + " (" + type + ")"; },
      what: {
        InputLayer: "The model's input: it holds no weights.",
        Dense: "A fully connected layer: each unit weighs every input of the last axis and adds its bias.",
        Activation: "Applies a function to each value; it holds no weights.",
        Dropout: "During training, sets a random share of its inputs to 0; it holds no weights.",
        Flatten: "Lays all axes but the batch out in one row; it holds no weights.",
        Reshape: "Gives the same values another shape; it holds no weights.",
        Embedding: "A table with one row of output_dim numbers for each of input_dim words.",
        Conv1D: "Slides filters along one axis: each filter weighs a window of every input channel, plus a bias.",
        Conv2D: "Slides filters over two axes: each filter weighs a window of every input channel, plus a bias.",
        MaxPooling1D: "Keeps the largest value of each window; no weights.",
        MaxPooling2D: "Keeps the largest value of each window; no weights.",
        AveragePooling1D: "Keeps the mean of each window; no weights.",
        AveragePooling2D: "Keeps the mean of each window; no weights.",
        GlobalAveragePooling1D: "The mean over all positions, for each channel; no weights.",
        GlobalAveragePooling2D: "The mean over all positions, for each channel; no weights.",
        GlobalMaxPooling1D: "The largest value over all positions, for each channel; no weights.",
        GlobalMaxPooling2D: "The largest value over all positions, for each channel; no weights.",
        SimpleRNN: "A recurrent layer: a kernel for the input, one for its own previous output, and a bias.",
        LSTM: "A recurrent layer with 4 gates, each with an input kernel, a recurrent kernel and a bias.",
        GRU: "A recurrent layer with 3 gates; Keras 3's reset_after=True gives each gate two biases.",
        Bidirectional: "Runs its recurrent layer forwards and a copy backwards: twice the weights.",
        BatchNormalization: "Normalises each channel: learns gamma and beta, and keeps a moving mean and variance that are not trained.",
        LayerNormalization: "Normalises each sample over its last axis: learns gamma and beta.",
      },
      otherWhat: "A layer this page does not explain.",
    },
    zh: {
      line: function (n) { return "第 " + n + " 行："; },
      errors: {
        empty: "请粘贴 model.summary() 打印的内容，或者模型的代码。",
        noModel: "没有找到模型：文本中既没有摘要表格（含“Layer (type)”“Output Shape”和“Param #”的一行），也没有 Sequential 模型。",
        tooLong: function (v) { return "文本长 " + grouped(v.chars) + " 个字符；本页最多读取 " + grouped(v.max) + " 个。"; },
        tooDeep: function (v) { return "括号嵌套超过 " + v.depth + " 层：这不是模型的代码。"; },
        openString: "这里开始的字符串没有结束。",
        unmatched: function (v) { return "“" + v.bracket + "”关闭了一个从未打开的括号。"; },
        unclosed: function (v) { return "这里打开的括号“" + v.bracket + "”没有关闭。"; },
        syntax: "本页无法把这一行当作 Python 读取。",
        notNumber: function (v) { return "“" + v.text + "”不是整数。"; },
        badArgument: function (v) { return v.layer + " 的 " + v.argument + " 是“" + v.value + "”，Keras 在这里不接受。"; },
        badShape: function (v) { return v.argument + " 必须是由整数组成的元组，例如 (2,)，而不是“" + v.value + "”。"; },
        notLayer: function (v) { return "“" + v.text + "”不是一个层。"; },
        notLayerList: "Sequential(...) 接受一个层的列表：[...]。",
        lateInput: "模型的输入必须放在最前面。",
        noLayers: "这个模型没有层。",
        noInput: "第一层没有说明输入大小：请先加 keras.Input(shape=(...))，或者给这一层加 input_dim= 或 input_shape=。",
        badHeader: "表头中没有“Output Shape”或“Param #”列。",
        badRow: "这一行的列数与表格不符。",
        halfTable: "表格在最后一行之前就结束了：请粘贴完整的摘要。",
        badParams: function (v) { return "Param # 列写的是“" + v.text + "”，不是参数个数。"; },
        unbuilt: "打印摘要时模型还没有构建：参数个数还不知道。",
        noRows: "表格中没有任何行。",
        rank: function (v) { return v.layer + " 需要秩为 " + v.rank + " 的输入，例如 (None, …)，但得到的是 " + v.shape + "。"; },
        unknownDim: function (v) { return v.layer + " 需要知道 " + v.shape + " 的最后一个轴。"; },
        reshape: function (v) { return "Reshape 无法把 " + v.from + " 变成 " + v.to + "：大小不同。"; },
        window: function (v) { return v.layer + " 的窗口 " + v.size + " 比输入 " + v.shape + " 还大。"; },
        markupName: function (v) { return "层名“" + v.name + "”含有 < 或 >，像 HTML 那样：本页只把它当作纯文本显示，其中的内容都不会运行。"; },
      },
      question: function (q) {
        if (q.kind === "columns") return q.values.name + " 有几列？（" + q.text + "，第 " + q.line + " 行）";
        if (q.kind === "rows") return q.values.name + " 有几行？（" + q.text + "，第 " + q.line + " 行）";
        return q.text + " 是多少？（第 " + q.line + " 行）";
      },
      answerNeeded: "请回答上面的问题：本页从不猜测。",
      read: function (r) {
        return r.text + " 是 " + r.value + "：第 " + r.line + " 行定义的 " + r.name +
          " 是形状为 " + shapeText(r.shape) + " 的数组（" + r.shape[0] + " 行" +
          (r.shape.length > 1 ? "，" + r.shape[1] + " 列" : "") + "）。";
      },
      badAnswer: "请写一个不小于 1 的整数。",
      flag: function (f) {
        var names = f.names.length ? f.names.join(", ") : "…";
        return "第 " + f.line + " 行：" + f.module + " 是 Keras 1 和 2 的模块，Keras 3 中已经没有了。现在应写：from keras.layers import " + names;
      },
      from: {
        input: function (shape, how) { return "输入是 " + shape + "，即模型的输入（" + how + "）。"; },
        previous: function (shape) { return "输入是 " + shape + "，即上一层的输出。"; },
        count: "摘要没有打印这一行的输入：它是由参数个数推算出来的。",
      },
      readingsTitle: "能得到这个参数个数的解读：",
      setting: {
        bias: "有偏置", noBias: "use_bias=False（无偏置）",
        resetAfter: "reset_after=True（Keras 3 的默认值）", noResetAfter: "reset_after=False",
        vocabulary: "", learned2: "center 和 scale（默认）",
        learned1: "关掉 center 或 scale 之一", learned0: "关掉 center 和 scale", none: "",
      },
      inputs: function (n) { return n + " 个输入"; },
      kernel: function (k) { return "卷积核 " + k; },
      vocabulary: function (v) { return "input_dim（词表大小）" + v; },
      inner: function (t, merge) { return "内部是 " + t + "，merge_mode=" + merge; },
      formula: "参数：",
      outputShape: "输出形状：",
      bytes: function (p, size, dtype) { return "字节：" + p + " × " + size + " B（" + dtype + "）= "; },
      notes: {
        other: "本页不解释这一层：本页不知道它的公式，因此不猜它的参数个数。",
        afterOther: "未解释：它跟在一个本页不解释的层后面，输入未知。",
        noShape: "未解释：上一行没有本页能读的形状。",
        noFit: "在这些形状下，本页没有任何公式能得到这个参数个数。",
      },
      frozen: function (t, n) { return "（" + t + " 个可训练，" + n + " 个不可训练：移动均值和方差）"; },
      total: "参数总数（Total params）：",
      trainable: "可训练参数（Trainable params）：",
      nonTrainable: "不可训练参数（Non-trainable params）：",
      pastedDiffers: function (what, n) { return "——粘贴的摘要写的是 " + n + "。"; },
      summaryTitle: "这段代码的 model.summary() 会打印（Keras 3）：",
      notKept: "文本太长，链接放不下：本页地址不保留它。",
      readFrom: { summary: "按摘要读取（", code: "按代码读取。" },
      formats: { keras3: "Keras 3", keras2: "Keras 2 / tf-keras" },
      layerTitle: function (i, name, type) { return (i + 1) + ". " + name + "（" + type + "）"; },
      what: {
        InputLayer: "模型的输入：没有权重。",
        Dense: "全连接层：每个单元对最后一个轴上的每个输入加权，再加上自己的偏置。",
        Activation: "对每个值施加一个函数；没有权重。",
        Dropout: "训练时把随机一部分输入置为 0；没有权重。",
        Flatten: "把除批次以外的所有轴摊成一行；没有权重。",
        Reshape: "把同样的值换一个形状；没有权重。",
        Embedding: "一张表：input_dim 个词，每个词一行 output_dim 个数。",
        Conv1D: "沿一个轴滑动过滤器：每个过滤器对窗口内所有输入通道加权，再加一个偏置。",
        Conv2D: "沿两个轴滑动过滤器：每个过滤器对窗口内所有输入通道加权，再加一个偏置。",
        MaxPooling1D: "保留每个窗口中的最大值；没有权重。",
        MaxPooling2D: "保留每个窗口中的最大值；没有权重。",
        AveragePooling1D: "保留每个窗口的平均值；没有权重。",
        AveragePooling2D: "保留每个窗口的平均值；没有权重。",
        GlobalAveragePooling1D: "对每个通道取所有位置的平均值；没有权重。",
        GlobalAveragePooling2D: "对每个通道取所有位置的平均值；没有权重。",
        GlobalMaxPooling1D: "对每个通道取所有位置的最大值；没有权重。",
        GlobalMaxPooling2D: "对每个通道取所有位置的最大值；没有权重。",
        SimpleRNN: "循环层：一个输入的 kernel，一个作用于自己上一步输出的 kernel，和偏置。",
        LSTM: "有 4 个门的循环层，每个门有输入 kernel、循环 kernel 和偏置。",
        GRU: "有 3 个门的循环层；Keras 3 默认的 reset_after=True 让每个门有两份偏置。",
        Bidirectional: "把循环层正向运行一次、它的副本反向运行一次：权重加倍。",
        BatchNormalization: "对每个通道做归一化：学习 gamma 和 beta，并保存不参与训练的移动均值和方差。",
        LayerNormalization: "对每个样本的最后一个轴做归一化：学习 gamma 和 beta。",
      },
      otherWhat: "本页不解释的层。",
    },
  };

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) { node.setAttribute(key, attrs[key]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function worded(t, error) {
    var e = t.errors[error.key];
    var text = typeof e === "function" ? e(error.values) : e;
    return (error.line ? t.line(error.line) : "") + text;
  }

  /**
   * A stack of Dense (and Activation) layers on one input axis, as the
   * calculator's state (lib/calculator-state.js), or null.
   */
  function calculatorState(model) {
    if (!model || model.input.shape.length !== 2) return null;
    var layers = [];
    var ok = model.layers.every(function (layer) {
      var last = layers[layers.length - 1];
      if (layer.type === "Dense" && DTYPES.indexOf(layer.dtype) >= 0) {
        layers.push({
          units: String(layer.config.units), activation: layer.config.activation || "none",
          bias: Boolean(layer.config.use_bias), dtype: layer.dtype,
        });
        return true;
      }
      if (layer.type === "Activation" && last && last.activation === "none") {
        last.activation = layer.config.activation;
        return true;
      }
      return false;
    });
    if (!ok || !layers.length) return null;
    if (!layers.every(function (l) { return ACTIVATIONS.indexOf(l.activation) >= 0; })) return null;
    return { input: String(model.input.shape[1]), layers: layers };
  }

  function bind(root) {
    var lang = document.documentElement.lang;
    var t = messagesFor(MESSAGES, lang);
    var drawingWords = messagesFor(CALCULATOR_WORDS, lang);
    var parts = pageParts(root, {
      box: "[data-testid=paste]", errorBox: "[data-testid=error]",
      questionBox: "[data-explain-question]", questionText: "[data-explain-question-text]",
      answer: "[data-testid=answer]", status: "[data-explain-status]",
      flags: "[data-explain-flags]", list: "[data-explain-rows]",
      totals: "[data-explain-totals]", summary: "[data-explain-summary]",
      example: "[data-explain-example]",
    }, "explain.js");
    // The drawing and its link follow the box's <div> (Markdown makes the link).
    Object.assign(parts, pageParts(document, {
      calc: "[data-explain-calc]", calcLink: "[data-explain-calc-link]",
      diagram: "[data-explain-diagram]",
    }, "explain.js"));
    var box = parts.box;
    var errorBox = parts.errorBox;
    var questionBox = parts.questionBox;
    var questionText = parts.questionText;
    var answer = parts.answer;
    var status = parts.status;
    var flags = parts.flags;
    var list = parts.list;
    var totals = parts.totals;
    var summary = parts.summary;
    var calc = parts.calc;
    var calcLink = parts.calcLink;
    var calcBase = calcLink.getAttribute("href").split("?")[0];
    var diagram = parts.diagram;
    var example = parts.example;
    var question = null;

    function clear() {
      flags.replaceChildren();
      list.replaceChildren();
      totals.replaceChildren();
      summary.replaceChildren();
      summary.hidden = true;
      calc.hidden = true;
      diagram.replaceChildren();
      status.textContent = "";
    }

    function showError(message) {
      errorBox.textContent = message;
      errorBox.hidden = !message;
    }

    function rowItem(r, i, input, before) {
      var li = el("li", {
        class: "explain-row", "data-testid": "row", "data-params": r.params.toString(),
        "data-shape": r.shape, "data-explained": r.explained ? "true" : "false",
        "data-bytes": r.bytes.toString(),
      });
      li.append(el("h3", { class: "explain-row__title" }, t.layerTitle(i, r.name, r.type)));
      li.append(el("p", {}, t.what[r.type] || t.otherWhat));
      if (r.note === "other" || r.note === "afterOther" || r.note === "noShape") {
        li.append(el("p", { class: "explain-row__note" }, t.notes[r.note]));
        li.append(el("p", {}, "Param #: " + grouped(r.params) + (r.shape === "?" ? "" : ", " + r.shape)));
        return li;
      }
      if (r.from === "input") {
        var given = shapeText(input.shape.slice(1));
        var how = input.from === "Input" ? "keras.Input(shape=" + given + ")"
          : input.from === "input_dim" ? "input_dim=" + input.shape[1]
            : "input_shape=" + given;
        li.append(el("p", {}, t.from.input(r.input ? fmt(r.input) : "", how)));
      } else if (r.from === "previous" && r.input) {
        li.append(el("p", {}, t.from.previous(fmt(r.input))));
      } else if (r.from === "previous" && before) {
        li.append(el("p", {}, t.from.previous(before.shape)));
      } else if (r.from === "count" && r.params > 0n) {
        li.append(el("p", {}, t.from.count));
      }
      if (r.note === "noFit") {
        li.append(el("p", { class: "explain-row__note" }, t.notes.noFit));
      }
      if (r.formula) {
        var p = el("p", {});
        p.append(t.formula, el("code", {}, r.formula));
        if (r.nonTrainable > 0n) p.append(t.frozen(grouped(r.trainable), grouped(r.nonTrainable)));
        li.append(p);
      }
      var readings = r.readings || [];
      var firstRow = r.from === "count" && r.params > 0n;
      if (readings.length > 1 || (readings.length === 1 && (firstRow || readings[0].inner))) {
        li.append(el("p", {}, t.readingsTitle));
        var ul = el("ul", { class: "explain-readings" });
        r.readings.forEach(function (x) {
          var parts = [];
          if (x.inner) parts.push(t.inner(x.inner, x.merge));
          if (t.setting[x.setting]) parts.push(t.setting[x.setting]);
          if (x.inputs !== undefined) parts.push(t.inputs(x.inputs.toString()));
          if (x.kernelText && !x.firstRow) parts.push(t.kernel(x.kernelText));
          if (x.vocabulary !== undefined) parts.push(t.vocabulary(x.vocabulary.toString()));
          var item = el("li", {});
          item.append(el("code", {}, x.formula), ": " + parts.join(", "));
          ul.append(item);
        });
        li.append(ul);
      }
      var shape = el("p", {});
      shape.append(t.outputShape, el("code", {}, r.shape));
      li.append(shape);
      var bytesLine = el("p", {});
      bytesLine.append(t.bytes(grouped(r.params), DTYPE_BYTES[r.dtype].toString(), r.dtype) + readableBytes(r.bytes));
      li.append(bytesLine);
      return li;
    }

    function fmt(shape) {
      return "(" + shape.map(function (d) { return d === null ? "None" : String(d); }).join(", ") + ")";
    }

    function totalLine(testid, label, value, bytes, pasted) {
      var p = el("p", {
        "data-testid": testid, "data-value": value.toString(), "data-bytes": bytes.toString(),
      });
      p.append(label, el("strong", {}, grouped(value)), " (" + readableBytes(bytes) + ")");
      if (pasted && pasted.value !== value) p.append(t.pastedDiffers(label, grouped(pasted.value)));
      return p;
    }

    function showTotals(tt, pasted) {
      pasted = pasted || {};
      totals.append(
        totalLine("total-params", t.total, tt.total, tt.bytes, pasted.total),
        totalLine("trainable-params", t.trainable, tt.trainable, tt.trainableBytes, pasted.trainable),
        totalLine("non-trainable-params", t.nonTrainable, tt.nonTrainable, tt.nonTrainableBytes, pasted.nonTrainable),
      );
    }

    /** What model.summary() prints, as Keras 3's box text: known only when every row is. */
    function showSummary(explained) {
      if (!explained.totals) return;
      // Marked up as the pages' captured summaries are (densedocs/site/summaries.py):
      // on a phone it opens at its Param # column, like theirs.
      var block = el("div", { class: "highlight summary" });
      var pre = el("pre", { tabindex: "0" });
      var code = el("code", {});
      code.append(el("span", { class: "summary__text", "data-testid": "summary-text" },
        summaryText(explained.rows, explained.totals)));
      pre.append(code);
      block.append(pre);
      summary.append(el("p", {}, t.summaryTitle), block);
      summary.hidden = false;
    }

    /** A stack of Dense layers: drawn as the calculator draws it, and linked to it. */
    function showDrawing(model) {
      var state = calculatorState(model);
      var result = state && compute(state, drawingWords);
      if (!result || result.errors.length) return;
      calcLink.setAttribute("href", calcBase + toQuery(state));
      calc.hidden = false;
      drawNetwork(diagram, { input: result.input, layers: result.rows, total: result.total },
        drawingWords.diagram);
      var figure = diagram.parentNode;
      if (figure.scrollWidth > figure.clientWidth) figure.setAttribute("tabindex", "0");
      else figure.removeAttribute("tabindex");
    }

    /** A message for each name that holds markup: the rows are explained all the same. */
    function showNames(rows) {
      showError(markupNames(rows).map(function (e) { return worded(t, e); }).join(" "));
    }

    function answers() {
      if (!question) return {};
      var v = answer.value.trim();
      var out = {};
      if (/^\d+$/.test(v) && Number(v) >= 1) out[question.text] = Number(v);
      return out;
    }

    function render() {
      clear();
      var text = box.value;
      if (text.trim() === "") {
        questionBox.hidden = true;
        question = null;
        showError(t.errors.empty);
        return;
      }
      if (looksLikeSummary(text)) {
        questionBox.hidden = true;
        question = null;
        var parsed = parseSummary(text);
        if (parsed.error) return showError(worded(t, parsed.error));
        showError("");
        status.textContent = t.readFrom.summary + t.formats[parsed.format] + ").";
        var e = explainSummary(parsed);
        var items = e.rows.map(function (r, i) { return rowItem(r, i, null, e.rows[i - 1]); });
        list.append.apply(list, items);
        showTotals(e.totals, parsed.totals);
        showNames(e.rows);
        return;
      }
      var given = answers();
      var model = parseCode(text, given);
      if (model.question) {
        var q = model.question;
        if (!question || question.text !== q.text) {
          question = q;
          answer.value = "";
        }
        questionText.textContent = t.question(q);
        questionBox.hidden = false;
        showError(answer.value.trim() === "" ? t.answerNeeded : t.badAnswer);
        return;
      }
      if (!Object.keys(given).length) {
        questionBox.hidden = true;
        question = null;
      }
      if (model.error) return showError(worded(t, model.error));
      var explained = explainCode(model);
      model.read.forEach(function (r) {
        flags.append(el("p", { class: "explain-read", "data-testid": "read" }, t.read(r)));
      });
      model.flags.forEach(function (f) {
        flags.append(el("p", { class: "explain-flag", "data-testid": "flag" }, t.flag(f)));
      });
      var rows = explained.rows.map(function (r, i) {
        return rowItem(r, i, model.input, explained.rows[i - 1]);
      });
      list.append.apply(list, rows);
      if (explained.error) return showError(worded(t, explained.error));
      showNames(explained.rows);
      status.textContent = t.readFrom.code;
      if (explained.totals) showTotals(explained.totals, null);
      showSummary(explained);
      showDrawing(model);
    }

    /** The address keeps the pasted text, once per burst of changes. */
    var keep = addressKeeper(history, location, function () {
      var params = new URLSearchParams();
      if (box.value !== "") params.set("model", box.value);
      if (question && answer.value.trim() !== "") params.set("answer", answer.value.trim());
      var query = params.toString();
      if (query.length > MAX_LINK) {
        status.textContent = t.notKept;
        return "";
      }
      return query ? "?" + query : "";
    });

    function changed() {
      render();
      keep();
    }

    var params = new URLSearchParams(location.search);
    box.value = params.get("model") || "";
    if (params.get("answer") !== null) {
      render();
      answer.value = params.get("answer");
    }
    box.addEventListener("input", changed);
    answer.addEventListener("input", changed);
    example.addEventListener("click", function () {
      var code = document.querySelector(".explain-example pre code");
      box.value = code ? code.textContent : "";
      changed();
    });
    if (params.has("model")) {
      render(); // a link's model, even an empty one, is explained or refused
    } else {
      clear();
      showError("");
    }
    root.setAttribute("data-ready", "");
  }

  function init() {
    var root = document.querySelector("[data-explain]");
    if (root) bind(root);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
