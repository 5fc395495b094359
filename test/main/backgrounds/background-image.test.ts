// The guest's own background picture in main: the dialog is a typed stand-in (a function that
// answers a path, as dialog.showOpenDialog would); the files are real, in a temporary folder.
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackgroundImages, MAX_BACKGROUND_BYTES, sniffImageType } from '../../../main/backgrounds/background-image';

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0]);
const WEBP = Uint8Array.from([0x52, 0x49, 0x46, 0x46, 40, 0, 0, 0, 0x57, 0x45, 0x42, 0x50, 0x56, 0x50, 0x38, 0x20]);

function setup(file: string | null) {
  const root = mkdtempSync(path.join(tmpdir(), 'doorway-bg-'));
  const directory = path.join(root, 'userData', 'backgrounds');
  const logs: string[] = [];
  const images = createBackgroundImages({ directory, chooseFile: async () => file, log: (m) => logs.push(m) });
  return { root, directory, images, logs };
}

function write(name: string, bytes: Uint8Array): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'doorway-pick-'));
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

describe('background picture type by content', () => {
  it('knows PNG, JPEG and WebP by their magic bytes, and nothing else', () => {
    expect(sniffImageType(PNG)).toBe('image/png');
    expect(sniffImageType(JPEG)).toBe('image/jpeg');
    expect(sniffImageType(WEBP)).toBe('image/webp');
    expect(sniffImageType(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(sniffImageType(new TextEncoder().encode('GIF89a......'))).toBeNull();
    // RIFF but a WAVE file, not WebP.
    expect(sniffImageType(Uint8Array.from([0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0, 0x57, 0x41, 0x56, 0x45]))).toBeNull();
    expect(sniffImageType(new Uint8Array(0))).toBeNull();
  });
});

describe('choosing a background picture', () => {
  it('copies a picture into the data folder and returns its bytes and type; a later run reads it back', async () => {
    const picked = write('holiday.jpg', JPEG);
    const { directory, images } = setup(picked);
    const reply = await images.choose();
    expect(reply).toEqual({ ok: true, image: { type: 'image/jpeg', bytes: JPEG } });
    expect(readdirSync(directory)).toEqual(['custom-background']);
    expect(new Uint8Array(readFileSync(path.join(directory, 'custom-background')))).toEqual(JPEG);
    // The original may go away: the copy is what later runs use.
    const again = createBackgroundImages({ directory, chooseFile: async () => null, log: () => undefined });
    expect(await again.saved()).toEqual({ ok: true, image: { type: 'image/jpeg', bytes: JPEG } });
  });

  it('judges by content, not by name: a PNG called .jpg is a PNG, a text file called .png is refused', async () => {
    expect(await setup(write('really-a-png.jpg', PNG)).images.choose()).toMatchObject({ ok: true, image: { type: 'image/png' } });
    const refused = setup(write('notes.png', new TextEncoder().encode('just some text, not a picture')));
    expect(await refused.images.choose()).toEqual({ ok: false, error: 'notImage' });
    expect(existsSync(refused.directory)).toBe(false);
    expect(refused.logs.join('\n')).toMatch(/refused: notImage/);
  });

  it('refuses a file over the size limit without reading it, and keeps the previous picture', async () => {
    const { directory, images } = setup(write('first.webp', WEBP));
    expect((await images.choose()).ok).toBe(true);
    const big = new Uint8Array(MAX_BACKGROUND_BYTES + 1);
    big.set(PNG);
    const second = createBackgroundImages({ directory, chooseFile: async () => write('huge.png', big), log: () => undefined });
    expect(await second.choose()).toEqual({ ok: false, error: 'tooLarge' });
    expect(await second.saved()).toEqual({ ok: true, image: { type: 'image/webp', bytes: WEBP } });
  });

  it('accepts a picture of exactly the limit', async () => {
    const limit = new Uint8Array(MAX_BACKGROUND_BYTES);
    limit.set(PNG);
    expect(await setup(write('limit.png', limit)).images.choose()).toMatchObject({ ok: true, image: { type: 'image/png' } });
  });

  it('answers cancelled when the dialog is closed, unreadable for a folder or a vanished file', async () => {
    expect(await setup(null).images.choose()).toEqual({ ok: false, error: 'cancelled' });
    expect(await setup(tmpdir()).images.choose()).toEqual({ ok: false, error: 'unreadable' });
    expect(await setup(path.join(tmpdir(), 'doorway-no-such-file.png')).images.choose()).toEqual({ ok: false, error: 'unreadable' });
  });

  it('says notSaved when the data folder cannot be written, and leaves no partial file', async () => {
    const { root, images } = setup(write('ok.png', PNG));
    // The data folder's place is taken by a file: mkdir fails as it would on a read-only profile.
    writeFileSync(path.join(root, 'userData'), 'not a folder');
    expect(await images.choose()).toEqual({ ok: false, error: 'notSaved' });
    expect(readdirSync(root)).toEqual(['userData']);
  });

  it('says missing when nothing was saved, and checks a tampered copy again', async () => {
    const { directory, images } = setup(write('ok.png', PNG));
    expect(await images.saved()).toEqual({ ok: false, error: 'missing' });
    expect((await images.choose()).ok).toBe(true);
    writeFileSync(path.join(directory, 'custom-background'), '<html>not a picture</html>');
    expect(await images.saved()).toEqual({ ok: false, error: 'notImage' });
  });
});
