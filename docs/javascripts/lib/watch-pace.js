/*
 * How fast "Watch it learn" (docs/watch.md) trains: the speed control's
 * stops, how many epochs are due at a moment of a run, and where a run
 * without animation (prefers-reduced-motion) stops. Pure functions, no DOM.
 */

/** Epochs per second, the speed control's stops; Infinity is "as fast as the
 * machine goes": each frame trains for FASTEST_FRAME_MS, then draws. */
export const SPEEDS = [1, 2, 5, 10, 30, 100, 1000, Infinity];
export const DEFAULT_SPEED = 2; // 5 epochs a second: Keras's 30 in 6 s
export const FASTEST_FRAME_MS = 100;
/** Training stops here, however long Play runs. */
export const MAX_EPOCHS = 10000;
/** Without animation, Play goes on by this many epochs once Keras's log is passed. */
export const STILL_STRIDE = 100;

/** The epochs due at `elapsed` ms after Play at `speed`, `done` of them run
 * since Play: never more than MAX_EPOCHS in all (`epoch` is the current one). */
export function epochsDue(speed, elapsed, done, epoch) {
  const due = Math.floor((elapsed * speed) / 1000) - done;
  return Math.max(0, Math.min(due, MAX_EPOCHS - epoch));
}

/** Where Play stops without animation: Keras's last epoch if it is ahead,
 * otherwise STILL_STRIDE more (at most MAX_EPOCHS). */
export function stillStop(epoch, kerasEpochs) {
  if (kerasEpochs && epoch < kerasEpochs) return kerasEpochs;
  return Math.min(epoch + STILL_STRIDE, MAX_EPOCHS);
}

/** The loss chart's last epoch: Keras's run (or 30) at first, then the next
 * of 1, 2, 5 times a power of ten above the epochs run. */
export function axisEnd(epoch, kerasEpochs) {
  const first = kerasEpochs || 30;
  if (epoch <= first) return first;
  for (let power = 10; ; power *= 10) {
    for (const m of [1, 2, 5]) if (m * power >= epoch) return m * power;
  }
}

/** The loss chart's epoch ticks: 0, the end, and a few round steps between. */
export function axisTicks(end) {
  const raw = end / 5;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw);
  const ticks = [];
  for (let e = 0; e < end - step / 2; e += step) ticks.push(e);
  ticks.push(end);
  return ticks;
}
