// Process: main. The guest's own background picture: picked through the OS file dialog, checked
// by size and by its content (PNG, JPEG or WebP magic bytes, whatever its name says), copied into
// the app's data folder, and handed to the renderer as bytes (the renderer never reads a path or
// a file:// URL). Takes the dialog and the folder as parameters; never trusts the saved copy
// either: it is checked again on every read.
import { mkdir, open, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BackgroundImage, BackgroundImageReply, BackgroundImageType } from '../../common/ipc-contract';

/** Larger pictures are refused: a background is shown at camera resolution (720p or 1080p). */
export const MAX_BACKGROUND_BYTES = 8 * 1024 * 1024;
export const BACKGROUND_EXTENSIONS = ['png', 'jpg', 'jpeg', 'webp'] as const;
const SAVED_NAME = 'custom-background';

/** The picture's type from its first bytes, or null when it is none of the three. */
export function sniffImageType(head: Uint8Array): BackgroundImageType | null {
  const starts = (bytes: number[], at = 0) => bytes.every((byte, i) => head[at + i] === byte);
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  // RIFF....WEBP
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  return null;
}

type ReadResult = { ok: true; image: BackgroundImage } | { ok: false; error: 'tooLarge' | 'notImage' | 'unreadable' };

/** Reads a file no larger than the limit (checked before reading it whole) and sniffs its type. */
export async function readBackgroundFile(file: string): Promise<ReadResult> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch {
    return { ok: false, error: 'unreadable' };
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) return { ok: false, error: 'unreadable' };
    if (info.size > MAX_BACKGROUND_BYTES) return { ok: false, error: 'tooLarge' };
    const bytes = new Uint8Array(await handle.readFile());
    // The file may have grown between stat and read.
    if (bytes.byteLength > MAX_BACKGROUND_BYTES) return { ok: false, error: 'tooLarge' };
    const type = sniffImageType(bytes.subarray(0, 16));
    if (!type) return { ok: false, error: 'notImage' };
    return { ok: true, image: { type, bytes } };
  } catch {
    return { ok: false, error: 'unreadable' };
  } finally {
    await handle.close().catch(() => undefined);
  }
}

export interface BackgroundImageDeps {
  /** The app's data folder for backgrounds (app.getPath('userData')/backgrounds). */
  directory: string;
  /** Shows the OS open-file dialog; the chosen path, or null when the guest cancelled. */
  chooseFile(): Promise<string | null>;
  log(message: string): void;
}

export interface BackgroundImages {
  /** Dialog, checks, copy; the copy replaces the previous picture only once it is whole. */
  choose(): Promise<BackgroundImageReply>;
  /** The saved picture, checked again. */
  saved(): Promise<BackgroundImageReply>;
}

export function createBackgroundImages(deps: BackgroundImageDeps): BackgroundImages {
  const saved = path.join(deps.directory, SAVED_NAME);
  return {
    async choose() {
      const file = await deps.chooseFile();
      if (file === null) return { ok: false, error: 'cancelled' };
      const read = await readBackgroundFile(file);
      if (!read.ok) {
        deps.log(`background picture refused: ${read.error}`);
        return read;
      }
      const partial = `${saved}.partial`;
      try {
        await mkdir(deps.directory, { recursive: true });
        await writeFile(partial, read.image.bytes);
        await rename(partial, saved);
      } catch (error) {
        await rm(partial, { force: true }).catch(() => undefined);
        deps.log(`background picture not saved: ${error instanceof Error ? error.message : String(error)}`);
        return { ok: false, error: 'notSaved' };
      }
      deps.log(`background picture saved (${read.image.type}, ${read.image.bytes.byteLength} bytes)`);
      return read;
    },
    async saved() {
      const read = await readBackgroundFile(saved);
      if (!read.ok && read.error === 'unreadable') return { ok: false, error: 'missing' };
      return read;
    },
  };
}
