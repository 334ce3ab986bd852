/*
 * The "Watch it learn" page's colours (docs/watch.md): a diverging scale, blue
 * below, the page's background at the middle, red above, in the page's scheme
 * (light or dark: `bg` is the background's RGB). Pure functions, no DOM.
 */

export const BLUE = [33, 102, 172];
export const RED = [178, 24, 43];

/** Blue (-1) through the background (0) to red (+1); beyond ±1, the end colour. */
export function diverging(t, bg) {
  const end = t > 0 ? RED : BLUE;
  const s = Math.min(Math.abs(t), 1);
  return [0, 1, 2].map((i) => Math.round(bg[i] + (end[i] - bg[i]) * s));
}

export function css(c, alpha = 1) {
  return "rgba(" + c[0] + "," + c[1] + "," + c[2] + "," + alpha + ")";
}

/** f at the centres of an n × n grid over the square [lo, hi]², row by row:
 * x2 from the top (hi) down, x1 from the left (lo); rows `from` to `to` only
 * (all by default), so that a large grid can be computed a slice at a time. */
export function planeValues(f, n, range, from = 0, to = n) {
  const span = range[1] - range[0];
  const values = [];
  for (let j = from; j < to; j++) {
    const x2 = range[1] - (span * (j + 0.5)) / n;
    for (let i = 0; i < n; i++) values.push(f(range[0] + (span * (i + 0.5)) / n, x2));
  }
  return values;
}

/** RGBA bytes (an ImageData's data) for numbers coloured by colour(v). */
export function pixelsOf(values, colour) {
  const pixels = new Uint8ClampedArray(values.length * 4);
  values.forEach((v, k) => {
    const c = colour(v);
    pixels[4 * k] = c[0];
    pixels[4 * k + 1] = c[1];
    pixels[4 * k + 2] = c[2];
    pixels[4 * k + 3] = 255;
  });
  return pixels;
}

/** The scale the network's hidden neurons are coloured on (their circles and
 * their pictures over the plane), for an activation and `units` neurons:
 * {ends: [low, middle, high], labels, at(v)}, at(v) being v's place on
 * the diverging scale, -1 (blue) through 0 (the background) to +1 (red), past
 * the ends the end colour; labels, the ends as the page prints them.
 * - softmax: a share against an equal share, 1/units, on a ratio scale (each
 *   doubling or halving the same step): 1/units² … 1/units … 1. On a scale
 *   of the shares themselves, one share near 1 leaves all the others white.
 * - sigmoid 0 … 0.5 … 1, tanh -1 … 0 … 1: their whole ranges.
 * - relu, linear: -limit … 0 … limit, limit the first of 1, 2, 5, 10, 20, …
 *   not below `largest` (the largest value among the neurons drawn). */
export function neuronScale(activation, units, largest = 1) {
  if (activation === "softmax") {
    const n = Math.max(units, 2); // one neuron's share is always 1: the top
    const step = Math.log(n);
    return {
      ends: [1 / (n * n), 1 / n, 1],
      labels: ["1/" + n * n, "1/" + n, "1"],
      at: (v) => clamp(Math.log(Math.max(v, 1e-30) * n) / step),
    };
  }
  if (activation === "sigmoid") return linearScale(0.5, 0.5);
  if (activation === "tanh") return linearScale(0, 1);
  let limit = 1;
  for (let k = 0; limit < largest; k++) limit = [2, 5, 10][k % 3] * 10 ** Math.floor(k / 3);
  return linearScale(0, limit);
}

function linearScale(middle, half) {
  const ends = [middle - half, middle, middle + half];
  return {
    ends,
    labels: ends.map((v) => String(v).replace("-", "−")),
    at: (v) => clamp((v - middle) / half),
  };
}

const clamp = (t) => Math.max(-1, Math.min(1, t));

/** WCAG's contrast ratio of two RGB colours. */
export function contrast(a, b) {
  const lum = (c) => {
    const [r, g, bl] = c.map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** Of the colours `choices`, the one that reads best on `fill`. */
export function readableOn(fill, choices) {
  return choices.reduce((best, c) => (contrast(c, fill) > contrast(best, fill) ? c : best));
}
