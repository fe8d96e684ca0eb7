/**
 * Draws the Moments app icons and writes them to appPackage/:
 *
 *   color.png    192×192 — a rounded square in the accent colour with white sparkles
 *   outline.png   32×32  — the same sparkles in pure white on a fully transparent background
 *
 * Run with `npx tsx scripts/makeIcons.ts`. The output is deterministic, so re-running it
 * leaves the committed PNGs byte-for-byte unchanged unless the drawing code changes.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';

/** Must match `accentColor` in appPackage/manifest.json. */
export const ACCENT_COLOR = '#5B4FD6';

export const COLOR_ICON_SIZE = 192;
export const OUTLINE_ICON_SIZE = 32;

/** A four-pointed sparkle: |dx/r|^p + |dy/r|^p <= 1 (p < 1 gives concave, pointed arms). */
interface Sparkle {
  /** Centre, as a fraction of the icon size. */
  cx: number;
  cy: number;
  /** Radius (centre to tip), as a fraction of the icon size. */
  r: number;
  /** Superellipse exponent: smaller is pointier. */
  p: number;
}

/** The "celebrate" mark on the 192 px colour icon: a large sparkle and two small ones. */
const COLOR_SPARKLES: readonly Sparkle[] = [
  { cx: 0.44, cy: 0.55, r: 0.3, p: 0.62 },
  { cx: 0.72, cy: 0.27, r: 0.12, p: 0.62 },
  { cx: 0.76, cy: 0.68, r: 0.065, p: 0.62 },
];

/**
 * The same mark for the 32 px outline icon: the smallest sparkle is dropped and the arms are
 * fattened so the shape stays legible at that size.
 */
const OUTLINE_SPARKLES: readonly Sparkle[] = [
  { cx: 0.43, cy: 0.57, r: 0.36, p: 0.72 },
  { cx: 0.77, cy: 0.23, r: 0.17, p: 0.72 },
];

/** Samples per pixel along each axis, for anti-aliasing. */
const SUPERSAMPLE = 8;

function insideSparkle(x: number, y: number, s: Sparkle): boolean {
  const dx = Math.abs(x - s.cx) / s.r;
  const dy = Math.abs(y - s.cy) / s.r;
  if (dx > 1 || dy > 1) return false;
  return Math.pow(dx, s.p) + Math.pow(dy, s.p) <= 1;
}

/** A rounded square covering the whole unit canvas, corner radius `radius` (unit fraction). */
function insideRoundedSquare(x: number, y: number, radius: number): boolean {
  const nx = Math.min(x, 1 - x);
  const ny = Math.min(y, 1 - y);
  if (nx >= radius || ny >= radius) return nx >= 0 && ny >= 0;
  const dx = radius - nx;
  const dy = radius - ny;
  return dx * dx + dy * dy <= radius * radius;
}

/** Whether pixel (px, py) of a `size` canvas overlaps any sparkle's bounding box. */
function nearSparkles(px: number, py: number, size: number, sparkles: readonly Sparkle[]): boolean {
  return sparkles.some(
    (s) =>
      (px + 1) / size >= s.cx - s.r &&
      px / size <= s.cx + s.r &&
      (py + 1) / size >= s.cy - s.r &&
      py / size <= s.cy + s.r,
  );
}

/** Fraction (0..1) of a pixel's sub-samples for which `inside(u, v)` holds, in unit coordinates. */
function coverage(px: number, py: number, size: number, inside: (u: number, v: number) => boolean): number {
  let hits = 0;
  for (let sy = 0; sy < SUPERSAMPLE; sy++) {
    for (let sx = 0; sx < SUPERSAMPLE; sx++) {
      const u = (px + (sx + 0.5) / SUPERSAMPLE) / size;
      const v = (py + (sy + 0.5) / SUPERSAMPLE) / size;
      if (inside(u, v)) hits++;
    }
  }
  return hits / (SUPERSAMPLE * SUPERSAMPLE);
}

function parseHex(hex: string): [number, number, number] {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`Not a #rrggbb colour: ${hex}`);
  return [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)];
}

/** The 192×192 colour icon. */
export function drawColorIcon(accent: string = ACCENT_COLOR): PNG {
  const size = COLOR_ICON_SIZE;
  const [ar, ag, ab] = parseHex(accent);
  const png = new PNG({ width: size, height: size });
  const cornerRadius = 0.2;
  const inSparkles = (u: number, v: number) => COLOR_SPARKLES.some((s) => insideSparkle(u, v, s));
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      // Only pixels in the corner zones can be partly outside the rounded square.
      const cornerZone =
        Math.min(x, size - 1 - x) < cornerRadius * size && Math.min(y, size - 1 - y) < cornerRadius * size;
      const bg = cornerZone ? coverage(x, y, size, (u, v) => insideRoundedSquare(u, v, cornerRadius)) : 1;
      const fg = nearSparkles(x, y, size, COLOR_SPARKLES) ? coverage(x, y, size, inSparkles) : 0;
      const i = (y * size + x) * 4;
      // White sparkles composited over the accent square; the square's own coverage is the alpha.
      png.data[i] = Math.round(ar + (255 - ar) * fg);
      png.data[i + 1] = Math.round(ag + (255 - ag) * fg);
      png.data[i + 2] = Math.round(ab + (255 - ab) * fg);
      png.data[i + 3] = Math.round(255 * bg);
    }
  }
  return png;
}

/** The 32×32 outline icon: white only, alpha carries the shape, background fully transparent. */
export function drawOutlineIcon(): PNG {
  const size = OUTLINE_ICON_SIZE;
  const png = new PNG({ width: size, height: size });
  const inSparkles = (u: number, v: number) => OUTLINE_SPARKLES.some((s) => insideSparkle(u, v, s));
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const i = (y * size + x) * 4;
      png.data[i] = 255;
      png.data[i + 1] = 255;
      png.data[i + 2] = 255;
      png.data[i + 3] = nearSparkles(x, y, size, OUTLINE_SPARKLES)
        ? Math.round(255 * coverage(x, y, size, inSparkles))
        : 0;
    }
  }
  return png;
}

export function encodePng(png: PNG): Buffer {
  return PNG.sync.write(png, { colorType: 6 });
}

function main(): void {
  const outDir = join(__dirname, '..', 'appPackage');
  const color = join(outDir, 'color.png');
  const outline = join(outDir, 'outline.png');
  writeFileSync(color, encodePng(drawColorIcon()));
  writeFileSync(outline, encodePng(drawOutlineIcon()));
  console.log(`Wrote ${color} (${COLOR_ICON_SIZE}×${COLOR_ICON_SIZE})`);
  console.log(`Wrote ${outline} (${OUTLINE_ICON_SIZE}×${OUTLINE_ICON_SIZE})`);
}

if (require.main === module) main();
