// Draws the app's two Teams icons into manifest/: `npx tsx scripts/draw-icons.ts`.
// The motif is two linked rings (relationships, the heart of relational practice), flat and calm.
// Teams wants a 192×192 colour icon whose symbol sits in the middle 96×96, and a 32×32 outline icon
// that is white on a fully transparent background (see ../shared/teams-platform.md, "The app manifest").
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';

type Rgb = readonly [number, number, number];
/** A point is inside the shape when this returns true. Coordinates are in pixels, 0 at the top left. */
type Shape = (x: number, y: number) => boolean;
/** A colour paints; 'erase' restores the background (transparency, for the outline icon). */
interface Layer {
  readonly shape: Shape;
  readonly paint: Rgb | 'erase';
}

const TEAL: Rgb = [0x1f, 0x5c, 0x63];
const TEAL_DEEP: Rgb = [0x18, 0x4c, 0x53];
const WHITE: Rgb = [0xff, 0xff, 0xff];
const SAND: Rgb = [0xf2, 0xcf, 0xa6];

const ring =
  (cx: number, cy: number, radius: number, width: number): Shape =>
  (x, y) =>
    Math.abs(Math.hypot(x - cx, y - cy) - radius) <= width / 2;
const disc =
  (cx: number, cy: number, radius: number): Shape =>
  (x, y) =>
    Math.hypot(x - cx, y - cy) <= radius;
const both =
  (a: Shape, b: Shape): Shape =>
  (x, y) =>
    a(x, y) && b(x, y);

/**
 * Two rings of radius r, centres `gap` apart around (c, c), linked: the right ring passes over the
 * left at the top crossing and under it at the bottom one. `moat` is the space left around the ring
 * on top, so the crossing reads as over-and-under.
 */
function linkedRings(c: number, r: number, gap: number, width: number, moat: number, left: Rgb, right: Rgb): Layer[] {
  const [lx, rx] = [c - gap / 2, c + gap / 2];
  const crossingY = Math.sqrt(r * r - (gap / 2) * (gap / 2));
  const near = (y: number): Shape => disc(c, c + y, width * 1.6);
  const leftRing = ring(lx, c, r, width);
  const rightRing = ring(rx, c, r, width);
  return [
    { shape: leftRing, paint: left },
    // top crossing: the right ring over the left
    { shape: both(near(-crossingY), ring(rx, c, r, width + 2 * moat)), paint: 'erase' },
    { shape: rightRing, paint: right },
    // bottom crossing: the left ring back over the right
    { shape: both(near(crossingY), ring(lx, c, r, width + 2 * moat)), paint: 'erase' },
    { shape: both(near(crossingY), leftRing), paint: left },
    // the right ring everywhere away from the bottom crossing
    { shape: both((x, y) => !near(crossingY)(x, y), rightRing), paint: right },
  ];
}

/** Renders layers over a background (or transparency), 8×8 samples a pixel for smooth edges. */
function render(size: number, layers: readonly Layer[], background: (x: number, y: number) => Rgb | undefined): PNG {
  const png = new PNG({ width: size, height: size });
  const n = 8;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let [r, g, b, a] = [0, 0, 0, 0];
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = px + (sx + 0.5) / n;
          const y = py + (sy + 0.5) / n;
          let colour = background(x, y);
          for (const layer of layers) {
            if (layer.shape(x, y)) colour = layer.paint === 'erase' ? background(x, y) : layer.paint;
          }
          if (colour) {
            r += colour[0];
            g += colour[1];
            b += colour[2];
            a += 1;
          }
        }
      }
      const i = (py * size + px) * 4;
      // Colour is averaged over the covered samples only, so edges fade by alpha, never by darkening.
      png.data[i] = a ? Math.round(r / a) : 0;
      png.data[i + 1] = a ? Math.round(g / a) : 0;
      png.data[i + 2] = a ? Math.round(b / a) : 0;
      png.data[i + 3] = Math.round((255 * a) / (n * n));
    }
  }
  return png;
}

/** 192×192, full-bleed: a quiet teal with a slight fall of light, the rings within the middle 96×96. */
export function drawColorIcon(): PNG {
  const size = 192;
  const background = (_x: number, y: number): Rgb => {
    const t = y / size;
    return [0, 1, 2].map((k) => Math.round(TEAL[k as 0] + (TEAL_DEEP[k as 0] - TEAL[k as 0]) * t)) as unknown as Rgb;
  };
  return render(size, linkedRings(96, 29, 30, 11, 3.5, WHITE, SAND), background);
}

/** 32×32: the same rings in white, with transparent gaps at the crossing. */
export function drawOutlineIcon(): PNG {
  return render(32, linkedRings(16, 8.25, 8.5, 2.5, 1, WHITE, WHITE), () => undefined);
}

export const ICON_DIR = join(__dirname, '..', 'manifest');

if (require.main === module) {
  writeFileSync(join(ICON_DIR, 'color.png'), PNG.sync.write(drawColorIcon()));
  writeFileSync(join(ICON_DIR, 'outline.png'), PNG.sync.write(drawOutlineIcon()));
  console.log(`wrote ${join(ICON_DIR, 'color.png')} and outline.png`);
}
