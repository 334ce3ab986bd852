/*
 * What the parameter calculator (docs/calculator.md, calculator.zh.md) says,
 * in each language (pure: plain text, no DOM): its labels and messages, and
 * (.diagram) the words of the network's drawing, which "Explain your model"
 * draws with too. A page picks its table with messagesFor (page-messages.js)
 * and shows every entry with textContent, never as HTML.
 */

import { ACTIVATIONS, DTYPES } from "./calculator-state.js";

/** Chinese puts no space between Chinese words, but one after Latin text. */
function zhJoin(what, rest) {
  return /[A-Za-z0-9]$/.test(what) ? what + " " + rest : what + rest;
}

export const CALCULATOR_WORDS = {
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
