/**
 * Draws the two Teams app icons (a speech bubble with an exclamation mark: "raise a
 * challenge") and writes them next to the manifest. Deterministic, so a test can check
 * that the committed PNGs are what this script makes.
 *
 *   npx tsx manifest/make-icons.ts
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodePng } from './png';

/** The manifest's accentColor; the colour icon's background. */
export const ACCENT = '#1F5F8B';

type Shape = (x: number, y: number) => boolean;
type Rgb = readonly [number, number, number];
interface Layer {
  shape: Shape;
  colour: Rgb;
}

const roundedRect =
  (x0: number, y0: number, x1: number, y1: number, r: number): Shape =>
  (x, y) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const dx = Math.max(x0 + r - x, 0, x - (x1 - r));
    const dy = Math.max(y0 + r - y, 0, y - (y1 - r));
    return dx * dx + dy * dy <= r * r;
  };

const circle =
  (cx: number, cy: number, r: number): Shape =>
  (x, y) =>
    (x - cx) ** 2 + (y - cy) ** 2 <= r * r;

const triangle = (a: [number, number], b: [number, number], c: [number, number]): Shape => {
  const side = (p: [number, number], q: [number, number], x: number, y: number) =>
    (q[0] - p[0]) * (y - p[1]) - (q[1] - p[1]) * (x - p[0]);
  return (x, y) => {
    const s1 = side(a, b, x, y);
    const s2 = side(b, c, x, y);
    const s3 = side(c, a, x, y);
    return (s1 >= 0 && s2 >= 0 && s3 >= 0) || (s1 <= 0 && s2 <= 0 && s3 <= 0);
  };
};

const union =
  (...shapes: Shape[]): Shape =>
  (x, y) =>
    shapes.some((s) => s(x, y));
const minus =
  (a: Shape, b: Shape): Shape =>
  (x, y) =>
    a(x, y) && !b(x, y);

function hex(colour: string): Rgb {
  const n = Number.parseInt(colour.slice(1), 16);
  return [(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
}

/** Paints layers in order with 4x4 supersampling; pixels start transparent. */
function render(size: number, layers: readonly Layer[]): Uint8Array {
  const SS = 4;
  const out = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let [r, g, b, a] = [0, 0, 0, 0];
      for (const layer of layers) {
        let hits = 0;
        for (let sy = 0; sy < SS; sy++) {
          for (let sx = 0; sx < SS; sx++) {
            if (layer.shape((px + (sx + 0.5) / SS) / size, (py + (sy + 0.5) / SS) / size)) hits++;
          }
        }
        const cover = hits / (SS * SS);
        const outA = cover + a * (1 - cover);
        if (outA > 0) {
          r = (layer.colour[0] * cover + r * a * (1 - cover)) / outA;
          g = (layer.colour[1] * cover + g * a * (1 - cover)) / outA;
          b = (layer.colour[2] * cover + b * a * (1 - cover)) / outA;
        }
        a = outA;
      }
      out.set([Math.round(r), Math.round(g), Math.round(b), Math.round(a * 255)], (py * size + px) * 4);
    }
  }
  return out;
}

const WHITE: Rgb = [255, 255, 255];

/** 192x192, full colour: a white bubble on the accent colour, the "!" in the accent colour. */
export function drawColorIcon(): Buffer {
  const size = 192;
  const accent = hex(ACCENT);
  const bubble = union(roundedRect(0.2, 0.22, 0.8, 0.66, 0.08), triangle([0.3, 0.62], [0.48, 0.62], [0.28, 0.8]));
  const mark = union(roundedRect(0.465, 0.29, 0.535, 0.51, 0.035), circle(0.5, 0.58, 0.04));
  const pixels = render(size, [
    { shape: () => true, colour: accent },
    { shape: bubble, colour: WHITE },
    { shape: mark, colour: accent },
  ]);
  return encodePng(size, size, pixels);
}

/** 32x32 outline: white on transparent, as Teams requires. */
export function drawOutlineIcon(): Buffer {
  const size = 32;
  const px = (n: number) => n / size; // edges on pixel boundaries keep the lines crisp
  const stroke = px(2);
  const [x0, y0, x1, y1, r] = [px(3), px(4), px(29), px(22), px(4.5)];
  const outer = union(roundedRect(x0, y0, x1, y1, r), triangle([0.22, 0.66], [0.46, 0.66], [0.2, 0.9]));
  const inner = roundedRect(x0 + stroke, y0 + stroke, x1 - stroke, y1 - stroke, r - stroke);
  const mark = union(roundedRect(px(14), px(7.5), px(18), px(14.5), px(1.5)), circle(0.5, px(17.8), px(1.9)));
  const pixels = render(size, [{ shape: union(minus(outer, inner), mark), colour: WHITE }]);
  return encodePng(size, size, pixels);
}

export const ICON_FILES = { color: 'color.png', outline: 'outline.png' } as const;

if (require.main === module) {
  writeFileSync(join(__dirname, ICON_FILES.color), drawColorIcon());
  writeFileSync(join(__dirname, ICON_FILES.outline), drawOutlineIcon());
  console.log(`wrote ${ICON_FILES.color} (192x192) and ${ICON_FILES.outline} (32x32) in ${__dirname}`);
}
