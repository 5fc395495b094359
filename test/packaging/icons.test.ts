// The icon files under build/ and the encoders that made them (scripts/make-icons.ts): sizes each
// platform needs, containers that parse, and an image that is not blank.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { encodeIco, encodePng, ICNS_TYPES, pngSize } from '../../scripts/icon-files';
import { iconLayers, LINUX_SIZES, renderIcon } from '../../scripts/make-icons';
import { ROOT } from './pack-linux-dir';

const build = path.join(ROOT, 'build');

describe('icon encoders', () => {
  it('writes a PNG whose pixels read back', () => {
    const pixels = new Uint8Array([255, 0, 0, 255, 0, 255, 0, 128, 0, 0, 255, 0, 9, 9, 9, 9]);
    const png = encodePng({ width: 2, height: 2, pixels });
    expect(pngSize(png)).toEqual({ width: 2, height: 2 });
    const idat = png.subarray(png.indexOf('IDAT') + 4, png.indexOf('IEND') - 8);
    const raw = inflateSync(idat);
    expect([...raw]).toEqual([0, ...pixels.subarray(0, 8), 0, ...pixels.subarray(8)]);
  });

  it('writes 256 px as 0 in an ICO directory', () => {
    const ico = encodeIco([encodePng(renderIcon(iconLayers('#4f52b2'), 16)), encodePng({ width: 256, height: 256, pixels: new Uint8Array(256 * 256 * 4) })]);
    expect([ico[6], ico[6 + 16]]).toEqual([16, 0]);
  });

  it('draws a visible, opaque centre and transparent corners', () => {
    const { pixels, width } = renderIcon(iconLayers('#4f52b2'), 32);
    const alpha = (x: number, y: number) => pixels[(y * width + x) * 4 + 3];
    expect([alpha(0, 0), alpha(16, 16)]).toEqual([0, 255]);
  });
});

describe('icons under build/', () => {
  it('has a 1024 px icon.png and the Linux size set', () => {
    expect(pngSize(readFileSync(path.join(build, 'icon.png')))).toEqual({ width: 1024, height: 1024 });
    const linux = readdirSync(path.join(build, 'icons')).sort();
    expect(linux).toEqual(LINUX_SIZES.map((s) => `${s}x${s}.png`).sort());
    for (const name of linux) {
      const size = Number(name.split('x')[0]);
      expect(pngSize(readFileSync(path.join(build, 'icons', name)))).toEqual({ width: size, height: size });
    }
  });

  it('has an ICO up to 256 px for Windows', () => {
    const ico = readFileSync(path.join(build, 'icon.ico'));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    const count = ico.readUInt16LE(4);
    const widths = Array.from({ length: count }, (_, i) => ico[6 + 16 * i] || 256);
    expect(Math.max(...widths)).toBe(256);
  });

  it('has an ICNS with every size macOS asks for, up to 1024 px', () => {
    const icns = readFileSync(path.join(build, 'icon.icns'));
    expect(icns.toString('ascii', 0, 4)).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const found = new Map<string, number>();
    for (let offset = 8; offset < icns.length; offset += icns.readUInt32BE(offset + 4)) {
      found.set(icns.toString('ascii', offset, offset + 4), pngSize(icns.subarray(offset + 8)).width);
    }
    expect(Object.fromEntries(found)).toEqual(Object.fromEntries(ICNS_TYPES.map((t) => [t.type, t.pixels])));
  });
});
