// Build tool: the three icon containers the installers need, written by hand so making icons needs
// no network and no image library: PNG (RGBA, zlib from node:zlib), ICO and ICNS (both holding
// PNGs, which Windows Vista+ and macOS 10.7+ read).
import { deflateSync } from 'node:zlib';

/** An RGBA image, 4 bytes per pixel, rows top to bottom. */
export interface Rgba {
  width: number;
  height: number;
  pixels: Uint8Array;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Uint8Array): Buffer {
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const chunk = Buffer.alloc(12 + data.length);
  chunk.writeUInt32BE(data.length, 0);
  typeAndData.copy(chunk, 4);
  chunk.writeUInt32BE(crc32(typeAndData), 8 + data.length);
  return chunk;
}

export function encodePng(image: Rgba): Buffer {
  const { width, height, pixels } = image;
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8 bits per channel, RGBA, deflate, no filter method, no interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) raw.set(pixels.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(raw, { level: 9 })),
    pngChunk('IEND', new Uint8Array(0)),
  ]);
}

/** Width and height from a PNG's IHDR chunk. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  if (view.length < 24 || view.readUInt32BE(0) !== 0x89504e47) throw new Error('not a PNG file');
  return { width: view.readUInt32BE(16), height: view.readUInt32BE(20) };
}

/** A Windows .ico holding one PNG per size (256 is written as 0 in the directory). */
export function encodeIco(pngs: Buffer[]): Buffer {
  const directory = Buffer.alloc(6 + 16 * pngs.length);
  directory.writeUInt16LE(1, 2);
  directory.writeUInt16LE(pngs.length, 4);
  let offset = directory.length;
  pngs.forEach((png, i) => {
    const { width, height } = pngSize(png);
    const entry = 6 + 16 * i;
    directory[entry] = width >= 256 ? 0 : width;
    directory[entry + 1] = height >= 256 ? 0 : height;
    directory.writeUInt16LE(1, entry + 4);
    directory.writeUInt16LE(32, entry + 6);
    directory.writeUInt32LE(png.length, entry + 8);
    directory.writeUInt32LE(offset, entry + 12);
    offset += png.length;
  });
  return Buffer.concat([directory, ...pngs]);
}

/** The ICNS element type for a PNG of `pixels` square, 1x or 2x (Retina). */
export const ICNS_TYPES: ReadonlyArray<{ type: string; pixels: number }> = [
  { type: 'icp4', pixels: 16 },
  { type: 'icp5', pixels: 32 },
  { type: 'ic11', pixels: 32 },
  { type: 'ic12', pixels: 64 },
  { type: 'ic07', pixels: 128 },
  { type: 'ic08', pixels: 256 },
  { type: 'ic13', pixels: 256 },
  { type: 'ic09', pixels: 512 },
  { type: 'ic14', pixels: 512 },
  { type: 'ic10', pixels: 1024 },
];

/** A macOS .icns from PNGs keyed by size; every ICNS_TYPES size must be present. */
export function encodeIcns(pngBySize: ReadonlyMap<number, Buffer>): Buffer {
  const elements = ICNS_TYPES.map(({ type, pixels }) => {
    const png = pngBySize.get(pixels);
    if (!png) throw new Error(`icns: no ${pixels}px PNG`);
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(8 + png.length, 4);
    return Buffer.concat([head, png]);
  });
  const body = Buffer.concat(elements);
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + body.length, 4);
  return Buffer.concat([head, body]);
}
