import { describe, expect, it } from 'vitest';
import { Xoshiro128 } from '../../../src/core/metrics/prng';

describe('xoshiro128**', () => {
  it('matches the reference algorithm (Blackman & Vigna) from a known state', () => {
    // Outputs of the published C reference (prng.di.unimi.it/xoshiro128starstar.c), compiled
    // and run from the state {1, 2, 3, 4}; the first one is worked by hand here:
    // s1 = 2: rotl(2 · 5, 7) · 9 = (10 << 7) · 9 = 1280 · 9 = 11520.
    const rng = Xoshiro128.fromState([1, 2, 3, 4]);
    expect([1, 2, 3, 4, 5, 6].map(() => rng.nextUint32())).toEqual([
      11520, 0, 5927040, 70819200, 2031721883, 1637235492,
    ]);
    const other = Xoshiro128.fromState([0x9e3779b9, 0x7f4a7c15, 0xf39cc060, 0x5ced6c26]);
    expect([1, 2, 3, 4].map(() => other.nextUint32())).toEqual([
      199744174, 3621941159, 43482255, 2452703024,
    ]);
  });

  it('repeats a (seed, stream) exactly and gives other streams other numbers', () => {
    const draw = (seed: number, stream: number) => {
      const rng = new Xoshiro128(seed, stream);
      return Array.from({ length: 8 }, () => rng.nextUint32());
    };
    expect(draw(7, 3)).toEqual(draw(7, 3));
    expect(draw(7, 3)).not.toEqual(draw(7, 4));
    expect(draw(7, 3)).not.toEqual(draw(8, 3));
  });

  it('fills a table-mapped array with the same draws nextUint32 would give', () => {
    const table = Uint8Array.from({ length: 16 }, (_, i) => i);
    table[5] = 255; // one escaped cell: the fallback sees the full 32 bits
    const seen: number[] = [];
    const out = new Uint8Array(2000);
    new Xoshiro128(11, 2).fillMapped(out, table, 4, 255, (_, u) => {
      seen.push(u);
      return 200;
    });
    const rng = new Xoshiro128(11, 2);
    const expected = Array.from(out, () => {
      const u = rng.nextUint32();
      return u >>> 28 === 5 ? 200 : u >>> 28;
    });
    expect(Array.from(out)).toEqual(expected);
    expect(seen.every((u) => u >>> 28 === 5 && u >= 0 && u < 2 ** 32)).toBe(true);
    expect(seen.length).toBeGreaterThan(0);
  });

  it('spreads draws evenly over 16 buckets (chi-square below the 0.1 % critical value)', () => {
    const rng = new Xoshiro128(2024);
    const counts = new Array<number>(16).fill(0);
    const draws = 160_000;
    for (let i = 0; i < draws; i += 1) counts[rng.nextUint32() >>> 28]! += 1;
    const expected = draws / 16;
    const chi2 = counts.reduce((sum, c) => sum + (c - expected) ** 2 / expected, 0);
    expect(chi2).toBeLessThan(37.7); // χ²(15 df) at p = 0.001
    const open = Array.from({ length: 1000 }, () => rng.nextOpenUnit());
    expect(Math.min(...open)).toBeGreaterThan(0);
    expect(Math.max(...open)).toBeLessThan(1);
  });
});
