/*
 * Reading what model.summary() printed, as pure functions (no DOM):
 * Keras 3's box table (┏ ┃ │ ├ └, "Total params: 129 (516.00 B)") and the
 * Keras 2 / tf-keras table (____ and ==== rules, "Total params: 129"), with
 * any notebook text around it. A cell that wrapped over several lines is
 * joined again. Problems come back as { error: { key, line, values } }, the
 * line counted from 1 in the pasted text; the page words them.
 */

const HEADER = /Layer \(type\)/;
const TOTALS = {
  total: /^\s*Total params:\s*([\d,]+)(?:\s*\(([^)]*)\))?/,
  trainable: /^\s*Trainable params:\s*([\d,]+)(?:\s*\(([^)]*)\))?/,
  nonTrainable: /^\s*Non-trainable params:\s*([\d,]+)(?:\s*\(([^)]*)\))?/,
};

/** Does the text hold a summary's header row? */
export function looksLikeSummary(text) {
  return /Layer \(type\)[\s┃|]*Output Shape/.test(text);
}

/** "(None, 28, 3)" -> [null, 28, 3]; anything else ("multiple") -> null. */
export function parseShape(text) {
  const m = /^\((.*)\)$/.exec(text.trim());
  if (!m) return null;
  const parts = m[1].split(",").map((s) => s.trim()).filter((s, i, all) =>
    s !== "" || i < all.length - 1);
  const dims = [];
  for (const p of parts) {
    if (p === "None") dims.push(null);
    else if (/^\d+$/.test(p)) dims.push(Number(p));
    else return null;
  }
  return dims.length ? dims : null;
}

/** "dense_1 (Dense)" -> { name: "dense_1", type: "Dense" }. */
export function splitNameType(text) {
  const m = /^(.*?)\s*\(([^()]*)\)\s*$/.exec(text);
  if (!m) return { name: text.trim(), type: "" };
  return { name: m[1].trim(), type: m[2].replace(/\s+/g, "") };
}

function err(key, line, values) {
  return { error: { key, line, values: values || {} } };
}

function joinPieces(pieces, widths, folded) {
  // A piece that filled its cell was folded there, mid-word: no space.
  let out = "";
  pieces.forEach((piece, i) => {
    if (i === 0) out = piece.trim();
    else {
      const before = pieces[i - 1];
      const full = folded || before.trimEnd().length >= widths - 1;
      out += (full ? "" : " ") + piece.trim();
    }
  });
  return out;
}

function readParams(text) {
  const t = text.trim();
  if (/^[\d,]+$/.test(t)) return BigInt(t.replace(/,/g, ""));
  return null;
}

function makeRow(cells, lineNo, columns) {
  const nameType = splitNameType(cells[columns.name]);
  const shape = cells[columns.shape].trim();
  const paramText = cells[columns.params].trim();
  const params = readParams(paramText);
  if (params === null) {
    return err(/unbuilt/.test(paramText) ? "unbuilt" : "badParams", lineNo,
      { text: paramText.slice(0, 40) });
  }
  return {
    row: {
      name: nameType.name, type: nameType.type, shape: shape,
      dims: parseShape(shape), params: params, line: lineNo,
    },
  };
}

function keras3(lines, start) {
  // Column borders from the header line (┃), rows between ├ or └ rules.
  const header = lines[start];
  const cells = header.split("┃").slice(1, -1);
  const names = cells.map((c) => c.trim());
  const columns = {
    name: names.indexOf("Layer (type)"),
    shape: names.indexOf("Output Shape"),
    params: names.indexOf("Param #"),
  };
  if (columns.shape < 0 || columns.params < 0) return err("badHeader", start + 1);
  const widths = cells.map((c) => c.length);
  const rows = [];
  let pieces = null;
  let first = 0;
  function flush() {
    if (!pieces) return null;
    const joined = pieces.map((p, i) => joinPieces(p, widths[i] - 1, false));
    const made = makeRow(joined, first + 1, columns);
    pieces = null;
    if (made.error) return made;
    rows.push(made.row);
    return null;
  }
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i].trim();
    if (/^[┡├]/.test(line)) {
      const bad = flush();
      if (bad) return bad;
      continue;
    }
    if (/^└/.test(line)) {
      const bad = flush();
      if (bad) return bad;
      return { rows, end: i };
    }
    if (/^│/.test(line)) {
      const parts = line.split("│").slice(1, -1);
      if (parts.length !== cells.length) return err("badRow", i + 1);
      if (!pieces) {
        pieces = parts.map(() => []);
        first = i;
      }
      parts.forEach((p, j) => {
        if (p.trim() !== "") pieces[j].push(p.slice(1));
      });
      continue;
    }
    return err("halfTable", i + 1);
  }
  return err("halfTable", lines.length);
}

function keras2(lines, start) {
  // Fixed columns: each starts where its header's title starts.
  const header = lines[start];
  const starts = [0, header.indexOf("Output Shape"), header.indexOf("Param #")];
  const connected = header.indexOf("Connected to");
  const ends = [starts[1], starts[2], connected > 0 ? connected : Infinity];
  const columns = { name: 0, shape: 1, params: 2 };
  const rows = [];
  let pieces = null;
  let first = 0;
  function flush() {
    if (!pieces) return null;
    const joined = pieces.map((p) => p.map((s) => s.trim()).join(""));
    const made = makeRow(joined, first + 1, columns);
    pieces = null;
    if (made.error) return made;
    rows.push(made.row);
    return null;
  }
  let i = start + 1;
  if (i < lines.length && /^\s*=+\s*$/.test(lines[i])) i += 1;
  for (; i < lines.length; i++) {
    const line = lines[i];
    if (/^\s*=+\s*$/.test(line)) {
      const bad = flush();
      if (bad) return bad;
      return { rows, end: i };
    }
    if (/^\s*_*\s*$/.test(line)) {
      const bad = flush();
      if (bad) return bad;
      continue;
    }
    if (TOTALS.total.test(line)) return err("halfTable", i + 1);
    const parts = starts.map((s, j) => line.slice(s, ends[j]));
    if (!pieces) {
      pieces = parts.map(() => []);
      first = i;
    }
    parts.forEach((p, j) => {
      if (p.trim() !== "") pieces[j].push(p);
    });
  }
  return err("halfTable", lines.length);
}

function readTotals(lines, from) {
  const totals = {};
  for (let i = from; i < Math.min(lines.length, from + 12); i++) {
    for (const key of Object.keys(TOTALS)) {
      const m = TOTALS[key].exec(lines[i]);
      if (m && !(key in totals)) {
        totals[key] = { value: BigInt(m[1].replace(/,/g, "")), bytes: m[2] || null, line: i + 1 };
      }
    }
  }
  return totals;
}

/**
 * The first summary in the text: { format: "keras3" | "keras2", model,
 * rows: [{ name, type, shape, dims, params, line }], totals }, or { error }.
 */
export function parseSummary(text) {
  const lines = String(text).split(/\r\n|\r|\n/);
  const start = lines.findIndex((l) => HEADER.test(l) && /Output Shape/.test(l));
  if (start < 0) return err("noHeader", 1);
  let model = null;
  for (let i = start - 1; i >= Math.max(0, start - 4); i--) {
    const m = /Model: "([^"]*)"/.exec(lines[i]);
    if (m) {
      model = m[1];
      break;
    }
  }
  const boxed = lines[start].includes("┃");
  const table = boxed ? keras3(lines, start) : keras2(lines, start);
  if (table.error) return table;
  if (table.rows.length === 0) return err("noRows", start + 1);
  return {
    format: boxed ? "keras3" : "keras2",
    model,
    rows: table.rows,
    totals: readTotals(lines, table.end + 1),
  };
}
