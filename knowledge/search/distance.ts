/** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
export function damerauDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array<number>(rows * cols).fill(0);
  const at = (i: number, j: number) => d[i * cols + j] ?? 0;
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, at(i - 2, j - 2) + 1);
      d[i * cols + j] = v;
    }
  }
  return at(a.length, b.length);
}

let scratch = new Int32Array(3 * 64);
const letters = new Int32Array(128);

/**
 * A lower bound on the distance, from letter counts alone: each edit adds at most one letter the
 * other word lacks and removes at most one (a swap changes neither). Codes are folded into 0–127,
 * which can only make the words look closer, so the bound stays safe.
 */
function letterBound(a: string, b: string): number {
  for (let i = 0; i < a.length; i++) {
    const c = a.charCodeAt(i) & 127;
    letters[c] = (letters[c] ?? 0) + 1;
  }
  for (let i = 0; i < b.length; i++) {
    const c = b.charCodeAt(i) & 127;
    letters[c] = (letters[c] ?? 0) - 1;
  }
  let extra = 0;
  let missing = 0;
  for (let i = 0; i < a.length; i++) {
    const c = a.charCodeAt(i) & 127;
    const n = letters[c] ?? 0;
    if (n > 0) extra += n;
    letters[c] = 0;
  }
  for (let i = 0; i < b.length; i++) {
    const c = b.charCodeAt(i) & 127;
    const n = letters[c] ?? 0;
    if (n < 0) missing -= n;
    letters[c] = 0;
  }
  return Math.max(extra, missing);
}

/**
 * `damerauDistance(a, b) <= max`, without building the whole table: three rows reused between
 * calls, and it stops as soon as two rows in a row are all over `max` (no later row can come back
 * under it, since each cell grows from the row above or from two rows above plus one).
 */
export function withinDistance(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max || letterBound(a, b) > max) return false;
  const cols = b.length + 1;
  if (scratch.length < 3 * cols) scratch = new Int32Array(3 * cols);
  const d = scratch;
  // Rows i-2, i-1 and i live at offsets twoUp, up and row, which rotate.
  let twoUp = 0;
  let up = cols;
  let row = 2 * cols;
  for (let j = 0; j < cols; j++) d[up + j] = j;
  let upMin = 0;
  for (let i = 1; i <= a.length; i++) {
    const ai = a.charCodeAt(i - 1);
    const aPrev = i > 1 ? a.charCodeAt(i - 2) : -1;
    d[row] = i;
    let rowMin = i;
    for (let j = 1; j < cols; j++) {
      const bj = b.charCodeAt(j - 1);
      // Every index is inside `d` (3 × cols long): `?? 0` is never taken.
      let v = Math.min((d[up + j] ?? 0) + 1, (d[row + j - 1] ?? 0) + 1, (d[up + j - 1] ?? 0) + (ai === bj ? 0 : 1));
      if (j > 1 && ai === b.charCodeAt(j - 2) && aPrev === bj) v = Math.min(v, (d[twoUp + j - 2] ?? 0) + 1);
      d[row + j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max && upMin > max) return false;
    upMin = rowMin;
    const free = twoUp;
    twoUp = up;
    up = row;
    row = free;
  }
  return (d[up + cols - 1] ?? 0) <= max;
}
