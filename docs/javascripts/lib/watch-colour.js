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
