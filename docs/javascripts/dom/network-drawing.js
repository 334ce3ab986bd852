/*
 * The network's drawing as SVG in a page (the calculator's, and "Explain
 * your model"'s): lib/network-layout.js lays it out; this measures the text
 * in the host's font and builds the elements, with createElementNS and
 * textContent only. Its <title> and <desc> state every number it shows.
 * Colours are CSS classes (docs/stylesheets/extra.css, .calc-d-*), from
 * Material's light and dark schemes.
 *
 * Shared by the page scripts (docs/javascripts/dom/: their modules that
 * touch the DOM, unlike lib/), and published only inside their bundles.
 */

import { FONT, layoutNetwork } from "../lib/network-layout.js";

const SVG = "http://www.w3.org/2000/svg";

function svgNode(tag, attrs, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

let canvas = null;

/** How wide text is drawn in the host's font, in px (bold: a little more). */
function measurer(host) {
  canvas = canvas || document.createElement("canvas").getContext("2d");
  const family = getComputedStyle(host).fontFamily || "sans-serif";
  return (text, bold) => {
    canvas.font = (bold ? "bold " : "") + FONT + "px " + family;
    return canvas.measureText(text).width;
  };
}

/**
 * Replaces host's content with the drawing of model (see network-layout.js)
 * in words (calculator-words.js's .diagram); returns its width in px. As
 * drawn, or from 0.8 to 1.1 times that to fit its box; wider, it scrolls.
 */
export function drawNetwork(host, model, words) {
  const layout = layoutNetwork(model, words, measurer(host));
  const { width, height } = layout;
  const svg = svgNode("svg", {
    xmlns: SVG, class: "calc-diagram__svg", width, height,
    style: "min-width: " + Math.round(width * 0.8) + "px; max-width: " +
      Math.round(width * 1.1) + "px",
    viewBox: "0 0 " + width + " " + height, role: "img",
    "aria-labelledby": "calc-diagram-title calc-diagram-desc",
    "font-size": FONT, "data-testid": "diagram",
  });
  svg.append(svgNode("title", { id: "calc-diagram-title" }, layout.title));
  svg.append(svgNode("desc", { id: "calc-diagram-desc" }, layout.desc));
  for (const item of layout.items) svg.append(svgNode(item.tag, item.attrs, item.text));
  host.replaceChildren(svg);
  return width;
}
