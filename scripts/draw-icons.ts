// Draws the add-in's icons (assets/icon-{16,32,64,80,128}.png) from geometry, so they can be
// made again exactly: `npm run icons`. A white video camera on a deep teal rounded square;
// from 32 px a shield is cut out of the camera body ("protected"). At 16 px the shield is left
// out because it would blur into the camera.
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { encodePng } from "./lib/png";

type Rgb = readonly [number, number, number];
const TEAL: Rgb = [0x0b, 0x5f, 0x7c]; // white on it: contrast 7.1:1
const WHITE: Rgb = [0xff, 0xff, 0xff];

function roundedRect(
  x: number,
  y: number,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  r: number,
): boolean {
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return x >= x0 && x <= x1 && y >= y0 && y <= y1 && (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function lens(x: number, y: number): boolean {
  // A trapezoid opening to the right: the camera's lens housing.
  if (x < 0.6 || x > 0.86) return false;
  const t = (x - 0.6) / 0.26;
  const half = 0.1 + t * 0.12;
  return Math.abs(y - 0.5) <= half;
}

function shield(x: number, y: number): boolean {
  // Shield centred in the camera body: straight top, sides curving to a point at the bottom.
  const cx = 0.385;
  const top = 0.38;
  const bottom = 0.63;
  const halfWidth = 0.095;
  if (y < top || y > bottom) return false;
  const t = (y - top) / (bottom - top);
  const w = t < 0.4 ? halfWidth : halfWidth * (1 - (t - 0.4) / 0.6) ** 0.6;
  return Math.abs(x - cx) <= w;
}

function colourAt(x: number, y: number, size: number): { rgb: Rgb; alpha: number } | null {
  if (!roundedRect(x, y, 0.02, 0.02, 0.98, 0.98, 0.2)) return null;
  const body = roundedRect(x, y, 0.14, 0.3, 0.62, 0.7, 0.07);
  const camera = body || lens(x, y);
  if (camera && !(size >= 32 && body && shield(x, y))) return { rgb: WHITE, alpha: 1 };
  return { rgb: TEAL, alpha: 1 };
}

export function drawIcon(size: number): Buffer {
  const samples = 4;
  const rgba = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const hit = colourAt(
            (px + (sx + 0.5) / samples) / size,
            (py + (sy + 0.5) / samples) / size,
            size,
          );
          if (!hit) continue;
          r += hit.rgb[0];
          g += hit.rgb[1];
          b += hit.rgb[2];
          a += 1;
        }
      }
      const i = (py * size + px) * 4;
      if (a > 0) {
        rgba[i] = Math.round(r / a);
        rgba[i + 1] = Math.round(g / a);
        rgba[i + 2] = Math.round(b / a);
      }
      rgba[i + 3] = Math.round((255 * a) / (samples * samples));
    }
  }
  return encodePng(size, size, rgba);
}

export const ICON_SIZES = [16, 32, 64, 80, 128] as const;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = fileURLToPath(new URL("../assets/", import.meta.url));
  for (const size of ICON_SIZES) writeFileSync(`${dir}icon-${size}.png`, drawIcon(size));
  process.stdout.write(`Drew ${ICON_SIZES.map((s) => `icon-${s}.png`).join(", ")} in assets/\n`);
}
