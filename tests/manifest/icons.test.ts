import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { drawColorIcon, drawOutlineIcon } from '../../scripts/draw-icons';

const read = (name: string): PNG => PNG.sync.read(readFileSync(join(__dirname, '..', '..', 'manifest', name)));
const pixels = (png: PNG) =>
  Array.from({ length: png.width * png.height }, (_, i) => ({
    x: i % png.width,
    y: Math.floor(i / png.width),
    r: png.data[i * 4]!,
    g: png.data[i * 4 + 1]!,
    b: png.data[i * 4 + 2]!,
    a: png.data[i * 4 + 3]!,
  }));

// Sizes and the outline's colours: ../shared/teams-platform.md, "The app manifest".
describe('the colour icon', () => {
  const png = read('color.png');

  test('is 192×192', () => {
    expect([png.width, png.height]).toEqual([192, 192]);
  });

  test('is full-bleed: every pixel opaque, so Teams can crop it to any shape', () => {
    expect(pixels(png).every((p) => p.a === 255)).toBe(true);
  });

  test('keeps its symbol inside the middle 96×96, where Teams never crops', () => {
    const corner = pixels(png)[0]!;
    const isBackgroundish = (p: { r: number; g: number; b: number }) =>
      Math.abs(p.r - corner.r) + Math.abs(p.g - corner.g) + Math.abs(p.b - corner.b) < 40;
    const symbol = pixels(png).filter((p) => !isBackgroundish(p));
    expect(symbol.length).toBeGreaterThan(1000);
    for (const p of symbol) {
      expect(p.x).toBeGreaterThanOrEqual(46);
      expect(p.x).toBeLessThan(146);
      expect(p.y).toBeGreaterThanOrEqual(46);
      expect(p.y).toBeLessThan(146);
    }
  });
});

describe('the outline icon', () => {
  const png = read('outline.png');

  test('is 32×32', () => {
    expect([png.width, png.height]).toEqual([32, 32]);
  });

  test('is white on a fully transparent background: every pixel is either fully transparent or white', () => {
    const wrong = pixels(png).filter((p) => p.a !== 0 && !(p.r === 255 && p.g === 255 && p.b === 255));
    expect(wrong).toEqual([]);
  });

  test('has a transparent border and a clearly visible symbol', () => {
    const all = pixels(png);
    expect(all.filter((p) => p.x === 0 || p.y === 0 || p.x === 31 || p.y === 31).every((p) => p.a === 0)).toBe(true);
    const solid = all.filter((p) => p.a === 255).length;
    expect(solid).toBeGreaterThan(100);
    expect(solid).toBeLessThan(32 * 32 * 0.6);
  });
});

describe('scripts/draw-icons.ts', () => {
  test.each([
    ['color.png', drawColorIcon],
    ['outline.png', drawOutlineIcon],
  ])('draws exactly the committed %s', (name, draw) => {
    const committed = read(name);
    const drawn = draw();
    expect([drawn.width, drawn.height]).toEqual([committed.width, committed.height]);
    expect(Buffer.compare(drawn.data, committed.data)).toBe(0);
  });
});
