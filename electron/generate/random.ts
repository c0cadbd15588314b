/**
 * Seeded random numbers for the synthetic portfolio. Each project draws from its own stream,
 * derived from the portfolio seed and the project's index, so project 42 is the same project
 * in a portfolio of 500 and of 5,000 (the bench compares sizes), and a failing case can be
 * rebuilt from two numbers.
 */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** A float in [min, max). */
  between(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
}

/** splitmix32's finaliser: spreads neighbouring seeds over the whole 32-bit range. */
function mix(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x21f0aaad);
  x = Math.imul(x ^ (x >>> 15), 0x735a2d97);
  return (x ^ (x >>> 15)) >>> 0;
}

/** mulberry32 over a stream key made from `seed` and `stream`. */
export function seededRandom(seed: number, stream = 0): Random {
  let state = mix(mix(seed >>> 0) ^ Math.imul(stream + 1, 0x9e3779b9));
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 0x100000000;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    between: (min, max) => min + next() * (max - min),
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)],
  };
}
