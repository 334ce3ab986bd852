/*
 * Where the "Watch it learn" page draws its network (docs/watch.md): the
 * inputs, the hidden neurons lib/watch-neuron.js's shownNeurons() chooses, the
 * output, and a line for each weight drawn, in the SVG's own units; and which
 * line a pointer is on. Pure functions, no DOM.
 */
import { shownNeurons } from "./watch-neuron.js";

export const NET = { width: 360, slot: 34, pad: 20, inputX: 44, hiddenX: 190, outputX: 316, picture: 22 };

/** The drawing of a network with `units` hidden neurons: its height, the
 * inputs' and output's centres, the slots (a neuron {j, y} or {more, y}), and
 * the lines: {kind: "in", r, j} from input r to neuron j, {kind: "out", j} from
 * neuron j to the output, each with its ends x1, y1, x2, y2. */
export function netLayout(units) {
  const shown = shownNeurons(units);
  const height = NET.pad * 2 + shown.length * NET.slot;
  const mid = height / 2;
  const inputs = [mid - 46, mid + 46].map((y) => ({ x: NET.inputX, y }));
  const output = { x: NET.outputX, y: mid };
  const slots = shown.map((s, k) => {
    const y = NET.pad + NET.slot * (k + 0.5);
    return typeof s === "number" ? { j: s, y } : { more: s.more, y };
  });
  const lines = [];
  slots.forEach((s) => {
    if (s.more !== undefined) return;
    inputs.forEach((p, r) => {
      lines.push({ kind: "in", r, j: s.j, x1: p.x, y1: p.y, x2: NET.hiddenX, y2: s.y });
    });
    lines.push({ kind: "out", j: s.j, x1: NET.hiddenX, y1: s.y, x2: output.x, y2: output.y });
  });
  return { width: NET.width, height, inputs, output, slots, lines };
}

/** The distance from point (x, y) to the segment of a line. */
export function distanceToLine(x, y, l) {
  const dx = l.x2 - l.x1;
  const dy = l.y2 - l.y1;
  const along = Math.max(0, Math.min(1, ((x - l.x1) * dx + (y - l.y1) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (l.x1 + along * dx), y - (l.y1 + along * dy));
}

/** The index of the line nearest (x, y), if within `reach`; else -1. Points
 * inside a neuron's circle (radius `radius` around a line's ends) are on the
 * neuron, not on a line. */
export function lineAt(x, y, lines, reach = 6, radius = 16) {
  let best = -1;
  let bestDistance = reach;
  lines.forEach((l, i) => {
    if (Math.hypot(x - l.x1, y - l.y1) < radius || Math.hypot(x - l.x2, y - l.y2) < radius) return;
    const d = distanceToLine(x, y, l);
    if (d <= bestDistance) {
      best = i;
      bestDistance = d;
    }
  });
  return best;
}
