/*
 * The "Watch it learn" page's numbers as it prints them (docs/watch.md): to
 * Keras's 4 decimals, with a real minus sign in a sum, in short lists, and the
 * training log, Keras's losses beside the page's while its log lasts. Pure
 * functions, no DOM: `t` is the page's messages in its language.
 */

/** Lines of the log kept past Keras's log (the rest are counted, not shown). */
export const LOG_TAIL = 200;

export const fixed = (v, digits = 4) => v.toFixed(digits);

/** A number as the page prints it in a sum: a real minus sign. */
export const signed = (v, digits = 4) => fixed(v, digits).replace(/^-/, "−");

/** A term of a sum: in brackets when negative. */
export const inBrackets = (v) => (v < 0 ? "(" + signed(v) + ")" : signed(v));

export const listed = (values, digits) => values.map((v) => fixed(v, digits)).join(", ");

/** At most 2·keep values: the first and last keep, and how many between. */
export function shortList(values, keep, digits) {
  if (values.length <= 2 * keep) return listed(values, digits);
  return listed(values.slice(0, keep), digits) + ", … (" + (values.length - 2 * keep) +
    " more) …, " + listed(values.slice(-keep), digits);
}

/** The training log: every epoch of Keras's log with Keras's loss beside the
 * page's, a line where Keras's log ends, then the last `tail` epochs. `keras`
 * is the captured run ({epochs, losses}) or null. */
export function logText(losses, accuracies, keras, t, tail = LOG_TAIL) {
  const line = (i) => {
    let text = t.epochLine(i + 1, fixed(accuracies[i]), fixed(losses[i]));
    if (keras && i < keras.losses.length) text += t.kerasSays(fixed(keras.losses[i]));
    return text;
  };
  if (!losses.length) return t.notStarted;
  const head = keras ? Math.min(keras.epochs, losses.length) : 0;
  const lines = [];
  for (let i = 0; i < head; i++) lines.push(line(i));
  if (keras && losses.length > keras.epochs) lines.push(t.kerasEnds(keras.epochs));
  const from = Math.max(head, losses.length - tail);
  if (from > head) lines.push(t.omitted(from - head));
  for (let i = from; i < losses.length; i++) lines.push(line(i));
  return lines.join("\n");
}
