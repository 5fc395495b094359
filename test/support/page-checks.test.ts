// The pictures for looking at, without a browser: a check that fails leaves its picture beside the
// error; one that passes leaves none unless the run keeps pictures (DOORWAY_SCREENSHOTS=1).
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { OUTPUT_DIR } from './harness';
import { pictureIfFails } from './page-checks';

/** A page that only records where its screenshots were asked to go. */
function page(): { page: Page; saved: string[] } {
  const saved: string[] = [];
  const fake = { screenshot: async ({ path: file }: { path: string }) => void saved.push(file) };
  return { page: fake as unknown as Page, saved };
}

const keepsPictures = process.env.DOORWAY_SCREENSHOTS === '1';

describe('pictureIfFails', () => {
  it('saves the page as <name>.png when the check fails, and passes the failure on', async () => {
    const { page: failing, saved } = page();
    await expect(pictureIfFails(failing, 'lobby-rtl', async () => expect('ltr').toBe('rtl'))).rejects.toThrow(/rtl/);
    expect(saved).toEqual([path.join(OUTPUT_DIR, 'screenshots', 'lobby-rtl.png')]);
  });

  it('saves nothing when the check passes, unless the run keeps pictures', async () => {
    const { page: passing, saved } = page();
    await pictureIfFails(passing, 'lobby-rtl', async () => expect('rtl').toBe('rtl'));
    expect(saved).toHaveLength(keepsPictures ? 1 : 0);
  });
});
