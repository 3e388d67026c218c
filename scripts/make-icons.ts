/**
 * Draws Freigabe's toolbar icon (a speech bubble with a check mark) at 16/32/48/128 px as PNG.
 * Run once with `npx tsx scripts/make-icons.ts`; the PNGs are committed in public/icons/.
 */
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = (crcTable[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function distanceToSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Coverage of the shape at a point in unit coordinates: 0 outside, 1 bubble, 2 check mark. */
function shapeAt(x: number, y: number): 0 | 1 | 2 {
  const check =
    Math.min(distanceToSegment(x, y, 0.28, 0.44, 0.44, 0.6), distanceToSegment(x, y, 0.44, 0.6, 0.74, 0.28)) < 0.075;
  // Rounded rectangle bubble from (0.06,0.06) to (0.94,0.78) with radius 0.18, plus a tail.
  const r = 0.18;
  const cx = Math.max(0.06 + r, Math.min(0.94 - r, x));
  const cy = Math.max(0.06 + r, Math.min(0.78 - r, y));
  const inBox = Math.hypot(x - cx, y - cy) <= r;
  const inTail = y >= 0.7 && y <= 0.96 && x >= 0.22 && x <= 0.22 + (0.96 - y) * 0.9 && x <= 0.46;
  if (!(inBox || inTail)) return 0;
  return check ? 2 : 1;
}

function png(size: number): Buffer {
  const samples = 4;
  const rows: Buffer[] = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) {
      let bubble = 0;
      let mark = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const s = shapeAt((x + (sx + 0.5) / samples) / size, (y + (sy + 0.5) / samples) / size);
          if (s === 1) bubble++;
          if (s === 2) mark++;
        }
      }
      const total = samples * samples;
      const alpha = (bubble + mark) / total;
      const white = alpha > 0 ? mark / (bubble + mark) : 0;
      // Green #1f7a52 blended with white for the check mark.
      const o = 1 + x * 4;
      row[o] = Math.round(0x1f + (255 - 0x1f) * white);
      row[o + 1] = Math.round(0x7a + (255 - 0x7a) * white);
      row[o + 2] = Math.round(0x52 + (255 - 0x52) * white);
      row[o + 3] = Math.round(255 * alpha);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

for (const size of [16, 32, 48, 128]) writeFileSync(`public/icons/icon-${size}.png`, png(size));
console.log('icons written to public/icons/');
