/*
 * What the calculator (docs/calculator.md) and "Explain your model"
 * (layer-counts.js) share, as pure functions (no DOM): a Dense layer's
 * count, the bytes of each dtype's variables, and numbers as Keras prints
 * them. Small on purpose: the calculator's page loads only this.
 */

/** Bytes of one variable of each dtype (mixed precision keeps float32). */
export const DTYPE_BYTES = {
  float32: 4n, float16: 2n, bfloat16: 2n, float64: 8n,
  mixed_float16: 4n, mixed_bfloat16: 4n,
};

const UNITS = ["B", "KB", "MB", "GB", "TB", "PB"];

/** 1234567n -> "1,234,567", like Python's f"{n:,}". */
export function grouped(n) {
  return n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/**
 * Keras's readable_memory_size(bytes) (keras/src/utils/summary_utils.py):
 * divide by 1024 while the value reaches 1024, then "{:.2f} {unit}" with
 * Python's round-half-even on the exact value. 516n -> "516.00 B".
 */
export function readableBytes(bytes) {
  const n = BigInt(Number(bytes)); // Keras divides a float: a double first
  let scale = 1n;
  let unit = 0;
  while (unit < UNITS.length - 1 && n >= scale * 1024n) {
    scale *= 1024n;
    unit += 1;
  }
  let hundredths = (n * 100n) / scale;
  const rest = (n * 100n) % scale;
  const odd = hundredths % 2n === 1n;
  if (rest * 2n > scale || (rest * 2n === scale && odd)) hundredths += 1n;
  const cents = (hundredths % 100n).toString().padStart(2, "0");
  return (hundredths / 100n).toString() + "." + cents + " " + UNITS[unit];
}

/** A Dense layer's count: n inputs, u units, n·u + u (n·u without bias). */
export function denseParams(n, u, useBias) {
  const kernel = BigInt(n) * BigInt(u);
  return useBias ? kernel + BigInt(u) : kernel;
}

