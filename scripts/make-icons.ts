// Build tool (`npx tsx scripts/make-icons.ts`): draws the default Doorway icon, an open door with
// light coming through, in the branding's accent colour, and writes every file the installers
// need into the branding's `icons` folder: icon.png (1024 px), icons/<N>x<N>.png (Linux),
// icon.ico (Windows) and icon.icns (macOS). An organization with its own artwork replaces these.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseBranding } from '../main/config/branding';
import { encodeIcns, encodeIco, encodePng, ICNS_TYPES, type Rgba } from './icon-files';

type Colour = [r: number, g: number, b: number, a: number];
interface Layer {
  covers(x: number, y: number): boolean;
  colour(x: number, y: number): Colour;
}

export const LINUX_SIZES = [16, 32, 48, 64, 128, 256, 512] as const;
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256] as const;

function hexColour(hex: string): [number, number, number] {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

function shade([r, g, b]: [number, number, number], amount: number): Colour {
  const toward = amount > 0 ? 255 : 0;
  const k = Math.abs(amount);
  return [r + (toward - r) * k, g + (toward - g) * k, b + (toward - b) * k, 1];
}

function roundedRect(x0: number, y0: number, x1: number, y1: number, radius: number) {
  return (x: number, y: number) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const dx = Math.max(x0 + radius - x, 0, x - (x1 - radius));
    const dy = Math.max(y0 + radius - y, 0, y - (y1 - radius));
    return dx * dx + dy * dy <= radius * radius;
  };
}

/** Even-odd point-in-polygon test. */
function polygon(points: Array<[number, number]>) {
  return (x: number, y: number) => {
    let inside = false;
    for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
      const [xi, yi] = points[i];
      const [xj, yj] = points[j];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  };
}

/** The icon's layers, back to front, in a unit square. */
export function iconLayers(accentHex: string): Layer[] {
  const accent = hexColour(accentHex);
  const top = shade(accent, 0.18);
  const bottom = shade(accent, -0.18);
  const light: Colour = [255, 244, 214, 1];
  const solid = (covers: Layer['covers'], colour: Colour): Layer => ({ covers, colour: () => colour });
  return [
    { covers: roundedRect(0.08, 0.08, 0.92, 0.92, 0.19), colour: (_x, y) => top.map((t, i) => t + (bottom[i] - t) * y) as Colour },
    solid(polygon([[0.34, 0.8], [0.66, 0.8], [0.8, 0.88], [0.2, 0.88]]), [255, 244, 214, 0.28]),
    solid(roundedRect(0.325, 0.185, 0.675, 0.8, 0.02), [255, 255, 255, 1]),
    solid(roundedRect(0.36, 0.22, 0.64, 0.8, 0), light),
    solid(polygon([[0.36, 0.22], [0.5, 0.265], [0.5, 0.755], [0.36, 0.8]]), shade(accent, -0.45)),
    solid((x, y) => (x - 0.475) ** 2 + (y - 0.52) ** 2 <= 0.018 ** 2, light),
  ];
}

/** Renders the layers at `size` pixels, supersampled so edges are smooth at every size. */
export function renderIcon(layers: Layer[], size: number): Rgba {
  const grid = size <= 64 ? 8 : 4;
  const pixels = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < grid; sy++) {
        for (let sx = 0; sx < grid; sx++) {
          const x = (px + (sx + 0.5) / grid) / size;
          const y = (py + (sy + 0.5) / grid) / size;
          // Composite premultiplied, back to front ("over").
          let cr = 0, cg = 0, cb = 0, ca = 0;
          for (const layer of layers) {
            if (!layer.covers(x, y)) continue;
            const [lr, lg, lb, la] = layer.colour(x, y);
            cr = lr * la + cr * (1 - la);
            cg = lg * la + cg * (1 - la);
            cb = lb * la + cb * (1 - la);
            ca = la + ca * (1 - la);
          }
          r += cr; g += cg; b += cb; a += ca;
        }
      }
      const i = (py * size + px) * 4;
      const n = grid * grid;
      pixels[i + 3] = Math.round((a / n) * 255);
      if (a > 0) {
        pixels[i] = Math.round(r / a);
        pixels[i + 1] = Math.round(g / a);
        pixels[i + 2] = Math.round(b / a);
      }
    }
  }
  return { width: size, height: size, pixels };
}

/** Writes every icon file into `folder`; returns the files written, relative to it. */
export function writeIconSet(folder: string, accentHex: string): string[] {
  const layers = iconLayers(accentHex);
  const sizes = new Set<number>([...LINUX_SIZES, ...ICO_SIZES, ...ICNS_TYPES.map((t) => t.pixels), 1024]);
  const png = new Map([...sizes].map((size) => [size, encodePng(renderIcon(layers, size))]));
  const files = new Map<string, Buffer>([
    ['icon.png', png.get(1024)!],
    ['icon.ico', encodeIco(ICO_SIZES.map((s) => png.get(s)!))],
    ['icon.icns', encodeIcns(png)],
    ...LINUX_SIZES.map((s) => [`icons/${s}x${s}.png`, png.get(s)!] as [string, Buffer]),
  ]);
  mkdirSync(path.join(folder, 'icons'), { recursive: true });
  for (const [name, data] of files) writeFileSync(path.join(folder, name), data);
  return [...files.keys()];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const parsed = parseBranding(JSON.parse(readFileSync(path.join(root, 'build', 'branding.json'), 'utf8')));
  if (!parsed.ok) {
    console.error(`build/branding.json is invalid:\n${parsed.message}`);
    process.exit(1);
  }
  const folder = path.join(root, parsed.branding.icons);
  for (const file of writeIconSet(folder, parsed.branding.accentColor)) console.log(path.relative(root, path.join(folder, file)));
}
