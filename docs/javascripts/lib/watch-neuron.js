/*
 * One neuron of the "Watch it learn" network opened up (docs/watch.md): the
 * sum it computes for one row, term by term, with the numbers of
 * lib/watch-model.js's forward pass, so that what the page prints is the stage
 * Keras's layer outputs (snippets/watch/stages.py). And which hidden neurons
 * the network diagram draws, and the scale their colours are on. Pure
 * functions, no DOM.
 */
import { neuronScale } from "./watch-colour.js";
import { forward } from "./watch-model.js";

/** The most hidden neurons the diagram draws one by one; past it, the first
 * and last SHOWN_EACH_SIDE, with the rest summed up between them, as the
 * site's network diagram does ("24 more"). */
export const SHOWN_ALL = 10;
export const SHOWN_EACH_SIDE = 4;

/** The diagram's slots for `units` hidden neurons: each an index (0-based),
 * or {more: n} for the n neurons not drawn. */
export function shownNeurons(units) {
  const all = Array.from({ length: units }, (_, i) => i);
  if (units <= SHOWN_ALL) return all;
  return all
    .slice(0, SHOWN_EACH_SIDE)
    .concat([{ more: units - 2 * SHOWN_EACH_SIDE }], all.slice(units - SHOWN_EACH_SIDE));
}

/** Hidden neuron j for the row x: h = x1·w1 + x2·w2 + b, then the activation.
 * For softmax, `share` is its a among all the units' values, which sum to
 * `total` (1 up to float32). */
export function hiddenNeuron(w, x, j, activation) {
  const stages = forward(w, x, activation);
  return {
    index: j,
    inputs: [x[0], x[1]],
    weights: [w.kernel[0][j], w.kernel[1][j]],
    bias: w.bias[j],
    h: stages.dense[j],
    a: stages.hidden[j],
    units: stages.hidden.length,
    total: stages.hidden.reduce((s, v) => s + v, 0),
  };
}

/** The output neuron for the row x: z = a1·v1 + … + an·vn + b, then the
 * sigmoid, which is the network's prediction. `largest` is the index of the
 * term ai·vi largest in size, `rest` the sum of the other terms: the page
 * prints z as that term, the rest and b, three numbers that add up to z. */
export function outputNeuron(w, x, activation) {
  const stages = forward(w, x, activation);
  const weights = w.kernel_2.map((row) => row[0]);
  const terms = stages.hidden.map((a, i) => a * weights[i]);
  let largest = 0;
  terms.forEach((term, i) => {
    if (Math.abs(term) > Math.abs(terms[largest])) largest = i;
  });
  return {
    inputs: stages.hidden,
    weights,
    bias: w.bias_2[0],
    largest,
    rest: terms.reduce((s, term, i) => (i === largest ? s : s + term), 0),
    z: stages.dense_2,
    p: stages.sigmoid,
  };
}

/** The scale lib/watch-colour.js's neuronScale() colours the drawn neurons
 * `js` on, for weights w: for an activation without fixed ends (relu,
 * linear), wide enough for their values at the `rows`. */
export function drawnScale(w, activation, js, rows) {
  let largest = 0;
  if (activation === "relu" || activation === "linear") {
    rows.forEach((x) => {
      const hidden = forward(w, x, activation).hidden;
      js.forEach((j) => { largest = Math.max(largest, Math.abs(hidden[j])); });
    });
  }
  return neuronScale(activation, w.bias.length, largest);
}
