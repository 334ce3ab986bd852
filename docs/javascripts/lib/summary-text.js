/*
 * The text Keras 3's model.summary() prints for a Sequential model, as pure
 * functions (no DOM), for "Explain your model" (docs/explain.md): the box
 * table that keras/src/utils/summary_utils.py (print_summary) builds with
 * rich, and the three lines of totals under it.
 *
 * - Width: Keras sizes the table to line_length = min(88, COLUMNS - 4); the
 *   site's captures run with COLUMNS=80 (densedocs/capture/environment.py),
 *   so LINE_LENGTH is 76. Its columns start at 45% and 80% of the line;
 *   rich then fits them, with their padding and borders, into the line
 *   (rich/table.py: ratio_reduce, Python's round).
 * - A cell too narrow for its text wraps as rich wraps it (rich/_wrap.py:
 *   at spaces, a word longer than the cell folded), each line stripped of
 *   its trailing spaces; East Asian wide characters take two cells.
 * - Names are the rows' own: a model read from code gets Keras's names in a
 *   fresh session (dense, dense_1, ...), where a notebook counts on
 *   (dense_41), and the model is "sequential".
 */

import { grouped, readableBytes } from "./keras-numbers.js";

export const LINE_LENGTH = 76;
const POSITIONS = [0.45, 0.8, 1.0];
const PADDING = 2; // one space each side of a cell

/** Python's round(): halves to even. */
function roundHalfEven(x) {
  const f = Math.floor(x);
  const d = x - f;
  if (d > 0.5) return f + 1;
  if (d < 0.5) return f;
  return f % 2 === 0 ? f : f + 1;
}

/** rich's ratio_reduce: take `total` off the values in proportion to ratios. */
function ratioReduce(total, ratios, maximums, values) {
  let totalRatio = ratios.reduce((a, r, i) => a + (maximums[i] ? r : 0), 0);
  let remaining = total;
  return values.map((value, i) => {
    const ratio = maximums[i] ? ratios[i] : 0;
    if (!ratio || totalRatio <= 0) return value;
    const distributed = Math.min(maximums[i], roundHalfEven((ratio * remaining) / totalRatio));
    remaining -= distributed;
    totalRatio -= ratio;
    return value - distributed;
  });
}

/** The text width of each column (its padding and borders not counted). */
export function columnWidths(lineLength = LINE_LENGTH) {
  let current = 0;
  const widths = POSITIONS.map((pos) => {
    const width = Math.floor(pos * lineLength) - current;
    current += width;
    return width + PADDING;
  });
  const room = lineLength - (POSITIONS.length + 1); // the borders
  const excess = widths.reduce((a, w) => a + w, 0) - room;
  const fitted = excess > 0 ? ratioReduce(excess, widths.map(() => 1), widths, widths) : widths;
  return fitted.map((w) => w - PADDING);
}

function wide(code) {
  return (code >= 0x1100 && code <= 0x115f) || (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) || (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) || (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) || (code >= 0x1f300 && code <= 0x1f64f) ||
    (code >= 0x1f900 && code <= 0x1f9ff) || (code >= 0x20000 && code <= 0x3fffd);
}

/** How many terminal cells text takes. */
export function cellLength(text) {
  let n = 0;
  for (const ch of text) n += wide(ch.codePointAt(0)) ? 2 : 1;
  return n;
}

/** text cut into pieces of at most width cells (rich's chop_cells). */
function chop(text, width) {
  const lines = [];
  let line = "";
  let size = 0;
  for (const ch of text) {
    const cells = cellLength(ch);
    if (size + cells > width && line) {
      lines.push(line);
      line = "";
      size = 0;
    }
    line += ch;
    size += cells;
  }
  if (line) lines.push(line);
  return lines;
}

/** The lines of a cell of `width`, as rich wraps text (rich/_wrap.py's divide_line). */
export function wrapCell(text, width) {
  const breaks = [];
  let offset = 0;
  const word = /\s*\S+\s*/y;
  let match;
  while ((match = word.exec(text)) !== null) {
    let start = match.index;
    const w = match[0];
    const length = cellLength(w.trimEnd());
    if (width - offset >= length) {
      offset += cellLength(w);
    } else if (length > width) {
      const folded = chop(w, width);
      folded.forEach((piece, i) => {
        if (start) breaks.push(start);
        if (i === folded.length - 1) offset = cellLength(piece);
        else start += piece.length;
      });
    } else if (offset && start) {
      breaks.push(start);
      offset = cellLength(w);
    }
  }
  const lines = [];
  let from = 0;
  for (const at of [...breaks, text.length]) {
    lines.push(text.slice(from, at).trimEnd());
    from = at;
  }
  return lines;
}

function pad(text, width, right) {
  const fill = " ".repeat(Math.max(0, width - cellLength(text)));
  return right ? fill + text : text + fill;
}

/** One row of the table: its cells wrapped, each cell's lines padded out. */
function tableRow(cells, widths, border) {
  const wrapped = cells.map((cell, i) => wrapCell(cell, widths[i]));
  const height = Math.max(...wrapped.map((lines) => lines.length));
  const out = [];
  for (let k = 0; k < height; k++) {
    const parts = wrapped.map((lines, i) => pad(lines[k] || "", widths[i], i === 2));
    out.push(border + " " + parts.join(" " + border + " ") + " " + border);
  }
  return out;
}

function rule(widths, [left, fill, middle, right]) {
  return left + widths.map((w) => fill.repeat(w + PADDING)).join(middle) + right;
}

/**
 * What Keras 3 prints for a Sequential model of rows [{ name, type, shape,
 * params }] (params BigInt, shape as Keras prints it) with totals { total,
 * trainable, nonTrainable, bytes, trainableBytes, nonTrainableBytes }
 * (explain.js's), ending in a newline.
 */
export function summaryText(rows, totals, { name = "sequential", lineLength = LINE_LENGTH } = {}) {
  const widths = columnWidths(lineLength);
  const lines = ['Model: "' + name + '"', rule(widths, ["┏", "━", "┳", "┓"])];
  lines.push(...tableRow(["Layer (type)", "Output Shape", "Param #"], widths, "┃"));
  lines.push(rule(widths, ["┡", "━", "╇", "┩"]));
  rows.forEach((r, i) => {
    if (i) lines.push(rule(widths, ["├", "─", "┼", "┤"]));
    lines.push(...tableRow([r.name + " (" + r.type + ")", r.shape, grouped(r.params)], widths, "│"));
  });
  lines.push(rule(widths, ["└", "─", "┴", "┘"]));
  const count = (label, n, bytes) => " " + label + ": " + grouped(n) + " (" + readableBytes(bytes) + ")";
  lines.push(
    count("Total params", totals.total, totals.bytes),
    count("Trainable params", totals.trainable, totals.trainableBytes),
    count("Non-trainable params", totals.nonTrainable, totals.nonTrainableBytes),
  );
  return lines.join("\n") + "\n";
}
