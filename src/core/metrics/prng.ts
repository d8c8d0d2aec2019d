/**
 * A seeded pseudo-random generator: xoshiro128** (Blackman & Vigna, "Scrambled
 * linear pseudorandom number generators", 2018; https://prng.di.unimi.it/),
 * 128 bits of state, period 2^128 − 1, fast with 32-bit integer arithmetic.
 *
 * Each (seed, stream) pair gets its own generator, so bootstrap resample b can
 * be drawn without drawing resamples 0…b−1 first: the same seed gives the same
 * intervals however the work is split (a Web Worker per core, later).
 */
export class Xoshiro128 {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  constructor(seed: number, stream = 0) {
    // SplitMix-style seeding spreads any (seed, stream) over the whole state; a
    // state of all zeros would stay zero forever, and the mixing never gives one.
    let x = (Math.imul(seed | 0, 0x9e3779b9) ^ Math.imul(stream | 0, 0x85ebca6b)) | 0;
    const next = () => {
      x = (x + 0x9e3779b9) | 0;
      let z = x;
      z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
      z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
      return (z ^ (z >>> 15)) | 0;
    };
    this.s0 = next();
    this.s1 = next();
    this.s2 = next();
    this.s3 = next();
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s3 = 1;
  }

  /** A generator in a given state, as the reference implementation would be: for checking against it. */
  static fromState(state: readonly [number, number, number, number]): Xoshiro128 {
    const rng = new Xoshiro128(0);
    rng.s0 = state[0] | 0;
    rng.s1 = state[1] | 0;
    rng.s2 = state[2] | 0;
    rng.s3 = state[3] | 0;
    return rng;
  }

  /** The state, for a hot loop that steps the generator in its own locals (see bootstrapAuc). */
  state(): [number, number, number, number] {
    return [this.s0, this.s1, this.s2, this.s3];
  }

  /** The next 32 random bits, as an unsigned integer in [0, 2^32). */
  nextUint32(): number {
    const s1 = this.s1;
    const m = Math.imul(s1, 5);
    const result = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
    const t = s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = (this.s3 << 11) | (this.s3 >>> 21);
    return result;
  }

  /**
   * Fills `out` with `table[u >>> (32 − bits)]` for fresh draws u, or
   * `fallback(i, u)` where that entry holds `escape`: a discrete distribution
   * by inversion, one draw per entry. The generator's state lives in locals
   * here, which makes a million draws several times faster than a million
   * calls to nextUint32 (and why the step is written out again below).
   */
  fillMapped(
    out: Uint8Array,
    table: Uint8Array,
    bits: number,
    escape: number,
    fallback: (i: number, u: number) => number,
  ): void {
    let s0 = this.s0;
    let s1 = this.s1;
    let s2 = this.s2;
    let s3 = this.s3;
    const shift = 32 - bits;
    for (let i = 0; i < out.length; i += 1) {
      const m = Math.imul(s1, 5);
      // Kept as int32 (no `>>> 0`) so that V8 stays with integers in the loop.
      const u = Math.imul((m << 7) | (m >>> 25), 9);
      const t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
      let k = table[u >>> shift]!;
      if (k === escape) k = fallback(i, u >>> 0);
      out[i] = k;
    }
    this.s0 = s0;
    this.s1 = s1;
    this.s2 = s2;
    this.s3 = s3;
  }

  /** As fillMapped, with entry i drawn from the table that starts at `offsets[i]` in `tables`. */
  fillMappedEach(
    out: Uint8Array,
    tables: Uint8Array,
    offsets: Int32Array,
    bits: number,
    escape: number,
    fallback: (i: number, u: number) => number,
  ): void {
    let s0 = this.s0;
    let s1 = this.s1;
    let s2 = this.s2;
    let s3 = this.s3;
    const shift = 32 - bits;
    for (let i = 0; i < out.length; i += 1) {
      const m = Math.imul(s1, 5);
      const u = Math.imul((m << 7) | (m >>> 25), 9);
      const t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
      let k = tables[offsets[i]! + (u >>> shift)]!;
      if (k === escape) k = fallback(i, u >>> 0);
      out[i] = k;
    }
    this.s0 = s0;
    this.s1 = s1;
    this.s2 = s2;
    this.s3 = s3;
  }

  /** A uniform number in (0, 1) with 32-bit resolution; never 0, so its logarithm is finite. */
  nextOpenUnit(): number {
    return (this.nextUint32() + 0.5) / 4294967296;
  }
}
