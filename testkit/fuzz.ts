/**
 * How many cases a property or fuzz test tries, and from which seed. Each test names its full count;
 * PC_FUZZ_RUNS decides how many it runs:
 *   - unset: a tenth of the full count (at least 100), so `npm test` on a laptop stays quick;
 *   - `full`: the full count, as CI runs it (`.ci/run` sets it);
 *   - a whole number: that many for every test (to search harder, or to repeat one quickly).
 * The seed is fixed, so every run tries the same cases: a failure is repeatable, and fast-check's
 * report gives its seed and path. PC_FUZZ_SEED=<number> tries others.
 */
export function fuzz(full: number): { numRuns: number; seed: number } {
  return { numRuns: fuzzRuns(full, process.env['PC_FUZZ_RUNS']), seed: fuzzSeed(process.env['PC_FUZZ_SEED']) };
}

const DEFAULT_SEED = 20261123;

function fuzzRuns(full: number, setting: string | undefined): number {
  if (setting === undefined || setting === '') return Math.min(full, Math.max(100, Math.ceil(full / 10)));
  if (setting === 'full') return full;
  if (/^[1-9]\d*$/.test(setting)) return Number(setting);
  throw new Error(
    `PC_FUZZ_RUNS is "${setting}": it is "full" or a whole number of runs (unset: a tenth of the full count)`,
  );
}

function fuzzSeed(setting: string | undefined): number {
  if (setting === undefined || setting === '') return DEFAULT_SEED;
  if (/^-?\d+$/.test(setting) && Number.isSafeInteger(Number(setting))) return Number(setting);
  throw new Error(`PC_FUZZ_SEED is "${setting}": it is a whole number`);
}
