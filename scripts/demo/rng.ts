import prand from 'pure-rand';
import { floor, imul, min } from './math';

/**
 * A seeded pseudo-random stream (xoroshiro128+ from pure-rand, mutated in place for speed). The
 * same seed and the same sequence of calls give the same values on every machine: the demo data
 * set is a pure function of (seed, shipment count).
 */
export class Rng {
  private readonly gen: prand.RandomGenerator;

  constructor(seed: number) {
    this.gen = prand.xoroshiro128plus(seed | 0);
  }

  /** Integer in [min, max], both ends included. */
  int(min: number, max: number): number {
    return prand.unsafeUniformIntDistribution(min, max, this.gen);
  }

  /** Float in [0, 1). */
  float(): number {
    return prand.unsafeUniformIntDistribution(0, 0x3fffffff, this.gen) / 0x40000000;
  }

  /** Float in [min, max). */
  between(min: number, max: number): number {
    return min + (max - min) * this.float();
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)];
  }

  /** Picks by weight; `weights[i]` belongs to `items[i]`. */
  weighted<T>(items: readonly T[], weights: readonly number[]): T {
    let total = 0;
    for (const w of weights) total += w;
    let x = this.float() * total;
    for (let i = 0; i < items.length; i++) {
      x -= weights[i];
      if (x < 0) return items[i];
    }
    return items[items.length - 1];
  }

  /** A skewed index in [0, n): low indexes are picked far more often (a few big customers). */
  skewedIndex(n: number): number {
    const u = this.float();
    return min(n - 1, floor(n * u * u * u));
  }
}

/** A derived seed, so that independent parts of the data set draw from independent streams. */
export function subSeed(seed: number, salt: number): number {
  let h = (seed ^ imul(salt, 0x9e3779b1)) >>> 0;
  h = imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) | 0;
}

/** A deterministic hash in [0, 1) of a few integers (no stream state involved). */
export function hash01(a: number, b: number, c = 0): number {
  let h = subSeed(subSeed(a, b), c) >>> 0;
  h = imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 0;
  return h / 0x100000000;
}
