import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';

/** An 8-bit RGBA image, rows top to bottom, 4 bytes per pixel. */
export interface RgbaImage {
  width: number;
  height: number;
  pixels: Uint8Array;
}

/** Encodes an RGBA image as a PNG (8-bit RGBA), with pngjs. */
export function encodePng({ width, height, pixels }: RgbaImage): Buffer {
  const png = new PNG({ width, height });
  png.data = Buffer.from(pixels.buffer, pixels.byteOffset, pixels.byteLength);
  return PNG.sync.write(png, { colorType: 6, deflateLevel: 9 });
}

/** The Teams app's accent colour, also the colour icon's background (manifest `accentColor`). */
export const ACCENT_COLOR = '#0F6CBD';

// The glyph, an envelope (Exchange is mail), in a unit square: a rounded outline and its flap.
// Teams wants the same symbol in both icons: white on the accent colour, and white on transparent.
const ENVELOPE = { left: 0.06, top: 0.2, right: 0.94, bottom: 0.8, radius: 0.08 };
const FLAP: ReadonlyArray<readonly [number, number]> = [
  [0.1, 0.27],
  [0.5, 0.56],
  [0.9, 0.27],
];
const STROKE = 0.075;
const SUBSAMPLES = 4;

/**
 * The colour icon: 192x192, the glyph in white inside the central 120x120 (the safe area Teams
 * leaves visible when it crops the icon), on the accent colour to the edges.
 */
export function drawColorIcon(): RgbaImage {
  const size = 192;
  const glyph = 120;
  const [r, g, b] = hexColor(ACCENT_COLOR);
  return draw(
    size,
    (x, y) => glyphCoverage((x - (size - glyph) / 2) / glyph, (y - (size - glyph) / 2) / glyph),
    (coverage) => [blend(r, 255, coverage), blend(g, 255, coverage), blend(b, 255, coverage), 255],
  );
}

/** The outline icon: 32x32, the glyph in white on a transparent background, as Teams requires. */
export function drawOutlineIcon(): RgbaImage {
  const size = 32;
  return draw(
    size,
    (x, y) => glyphCoverage(x / size, y / size),
    (coverage) => [255, 255, 255, Math.round(coverage * 255)],
  );
}

function draw(size: number, coverageAt: (x: number, y: number) => number, color: (coverage: number) => [number, number, number, number]): RgbaImage {
  const pixels = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      // Average over a grid inside the pixel, for smooth (anti-aliased) edges.
      let covered = 0;
      for (let sy = 0; sy < SUBSAMPLES; sy++) {
        for (let sx = 0; sx < SUBSAMPLES; sx++) covered += coverageAt(px + (sx + 0.5) / SUBSAMPLES, py + (sy + 0.5) / SUBSAMPLES);
      }
      pixels.set(color(covered / SUBSAMPLES ** 2), (py * size + px) * 4);
    }
  }
  return { width: size, height: size, pixels };
}

/** 1 where the point (unit square) is on the glyph's strokes, else 0. */
function glyphCoverage(x: number, y: number): number {
  const onOutline = Math.abs(roundedBoxDistance(x, y)) <= STROKE / 2;
  const onFlap = FLAP.slice(1).some(([x2, y2], i) => segmentDistance(x, y, FLAP[i]![0], FLAP[i]![1], x2, y2) <= STROKE / 2);
  return onOutline || onFlap ? 1 : 0;
}

function roundedBoxDistance(x: number, y: number): number {
  const { left, top, right, bottom, radius } = ENVELOPE;
  const halfWidth = (right - left) / 2 - radius;
  const halfHeight = (bottom - top) / 2 - radius;
  const dx = Math.abs(x - (left + right) / 2) - halfWidth;
  const dy = Math.abs(y - (top + bottom) / 2) - halfHeight;
  return Math.hypot(Math.max(dx, 0), Math.max(dy, 0)) + Math.min(Math.max(dx, dy), 0) - radius;
}

function segmentDistance(x: number, y: number, x1: number, y1: number, x2: number, y2: number): number {
  const [vx, vy] = [x2 - x1, y2 - y1];
  const t = Math.max(0, Math.min(1, ((x - x1) * vx + (y - y1) * vy) / (vx * vx + vy * vy)));
  return Math.hypot(x - (x1 + t * vx), y - (y1 + t * vy));
}

function blend(from: number, to: number, amount: number): number {
  return Math.round(from + (to - from) * amount);
}

function hexColor(hex: string): [number, number, number] {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff];
}

// `node dist/tools/teams-package/app-icons.js [folder]` (re)draws teamsApp/color.png and teamsApp/outline.png.
if (require.main === module) {
  const folder = process.argv[2] ?? 'teamsApp';
  writeFileSync(join(folder, 'color.png'), encodePng(drawColorIcon()));
  writeFileSync(join(folder, 'outline.png'), encodePng(drawOutlineIcon()));
  console.log(`wrote ${join(folder, 'color.png')} and ${join(folder, 'outline.png')}`);
}
