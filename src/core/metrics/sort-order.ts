/**
 * The order that sorts `values` ascending, stably (equal values keep their
 * input order), as indices: `values[order[0]] ≤ values[order[1]] ≤ …`.
 *
 * An LSD radix sort on the IEEE 754 bit patterns, 16 bits at a time: for a
 * million scores it takes about a tenth of the time of a comparison sort with
 * a callback, and the whole AUC budget is two seconds. Bits are mapped so that
 * unsigned order is numeric order: negative numbers have every bit flipped,
 * others only the sign bit; −0 is first made +0 so the two compare equal.
 * NaN must not occur (callers reject it).
 */
export function sortOrder(values: Float64Array): Int32Array {
  const n = values.length;
  if (n < 512 || !LITTLE_ENDIAN) return smallSortOrder(values);
  const copy = new Float64Array(n);
  for (let i = 0; i < n; i += 1) copy[i] = values[i] === 0 ? 0 : values[i]!;
  const bits = new Uint32Array(copy.buffer);
  let lo = new Uint32Array(n);
  let hi = new Uint32Array(n);
  let order = new Int32Array(n);
  for (let i = 0; i < n; i += 1) {
    const l = bits[2 * i]!;
    const h = bits[2 * i + 1]!;
    const negative = h >>> 31 === 1;
    lo[i] = negative ? ~l >>> 0 : l;
    hi[i] = negative ? ~h >>> 0 : (h | 0x80000000) >>> 0;
    order[i] = i;
  }
  let lo2 = new Uint32Array(n);
  let hi2 = new Uint32Array(n);
  let order2 = new Int32Array(n);
  const counts = new Int32Array(65536);
  for (let pass = 0; pass < 4; pass += 1) {
    const keys = pass < 2 ? lo : hi;
    const shift = (pass & 1) * 16;
    counts.fill(0);
    for (let i = 0; i < n; i += 1) counts[(keys[i]! >>> shift) & 0xffff]! += 1;
    // A digit shared by every key leaves the order as it is: skip the pass.
    if (counts[(keys[0]! >>> shift) & 0xffff] === n) continue;
    let sum = 0;
    for (let d = 0; d < 65536; d += 1) {
      const c = counts[d]!;
      counts[d] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i += 1) {
      const d = (keys[i]! >>> shift) & 0xffff;
      const at = counts[d]!;
      counts[d] = at + 1;
      lo2[at] = lo[i]!;
      hi2[at] = hi[i]!;
      order2[at] = order[i]!;
    }
    [lo, lo2] = [lo2, lo];
    [hi, hi2] = [hi2, hi];
    [order, order2] = [order2, order];
  }
  return order;
}

/** Typed arrays use the platform's byte order; the word order above assumes little-endian. */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function smallSortOrder(values: Float64Array): Int32Array {
  const order = Array.from({ length: values.length }, (_, i) => i);
  // Array.prototype.sort is stable, so ties keep their input order here too.
  order.sort((a, b) => values[a]! - values[b]!);
  return Int32Array.from(order);
}
