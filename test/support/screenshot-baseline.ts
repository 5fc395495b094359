// Test code only (Node). Screenshots compared against committed baselines, so that a broken layout
// fails a test instead of only being saved. Baselines live in test/e2e/screenshots/<platform>/ (a
// Chromium that draws differently gets its own folder, see baselineFile) and are compared with
// pixelmatch: a pixel counts as changed beyond its colour threshold, anti-aliasing ignored, and the
// shot fails when more than `maxDiffRatio` of its pixels changed. Videos and canvases (the fake
// camera, the scripted participants) move, so they are hidden for the shot: what is behind them
// (the tile, the stage) shows, clipped as the page clips them, and a label over a video stays in
// the picture. Anything else that moves a test passes in `mask`, painted over.
// Updating: DOORWAY_UPDATE_SCREENSHOTS=1 (`npm run screenshots:update [-- test files]`) writes the
// shots as the new baselines instead of comparing; review the PNGs, then commit them.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { OUTPUT_DIR, ROOT } from './harness';

export const BASELINE_DIR = path.join(ROOT, 'test', 'e2e', 'screenshots');

export interface BaselineOptions {
  /** More regions whose content changes from run to run (a clock, a level meter). */
  mask?: Locator[];
  /**
   * Share of pixels allowed to differ (default 0.001). With moving media hidden, both Chromium
   * builds draw the same pixels (measured: 0 differ), while a layout broken only by its text's
   * alignment changed 0.49% of the lobby's pixels (measured): glyphs are thin, so keep this low.
   */
  maxDiffRatio?: number;
  /** Per-pixel colour distance that counts as a change, 0..1 (pixelmatch's threshold; default 0.1). */
  threshold?: number;
}

export interface Comparison {
  /** Pixels that differ (all of them when the sizes differ). */
  diffPixels: number;
  ratio: number;
  /** Width × height of each, when they differ. */
  sizeMismatch: string | null;
  /** The changed pixels in red over a faded copy of the baseline (null when the sizes differ). */
  diff: PNG | null;
}

/** Compares two PNGs; pure, so the tolerance itself is tested without a browser. */
export function comparePngs(baseline: PNG, actual: PNG, threshold = 0.1): Comparison {
  const total = actual.width * actual.height;
  if (baseline.width !== actual.width || baseline.height !== actual.height) {
    return { diffPixels: total, ratio: 1, sizeMismatch: `${baseline.width}×${baseline.height} vs ${actual.width}×${actual.height}`, diff: null };
  }
  const diff = new PNG({ width: actual.width, height: actual.height });
  const diffPixels = pixelmatch(baseline.data, actual.data, diff.data, actual.width, actual.height, { threshold });
  return { diffPixels, ratio: diffPixels / total, sizeMismatch: null, diff };
}

/**
 * Where the baseline of `name` is for the browser that drives `page`: the platform's folder
 * (linux/: Debian's Chromium 156 and the bundled 153 drew the same pixels, measured), unless this
 * Chromium major has its own folder because it draws differently (linux-chromium-<major>/).
 */
export function baselineFile(page: Page, name: string): string {
  const major = (page.context().browser()?.version() ?? 'unknown').split('.')[0];
  const own = path.join(BASELINE_DIR, `${process.platform}-chromium-${major}`, `${name}.png`);
  return existsSync(own) ? own : path.join(BASELINE_DIR, process.platform, `${name}.png`);
}

/**
 * Runs `shoot` with every video and canvas hidden, then shows them again. Through the elements'
 * style objects: the app's CSP refuses a stylesheet added to the page (Playwright's `style` option).
 */
async function withMediaHidden<T>(page: Page, shoot: () => Promise<T>): Promise<T> {
  const hide = (hidden: boolean) =>
    page.evaluate((on) => {
      for (const media of document.querySelectorAll<HTMLElement>('video, canvas')) media.style.visibility = on ? 'hidden' : '';
    }, hidden);
  await hide(true);
  try {
    return await shoot();
  } finally {
    await hide(false);
  }
}

export function updating(): boolean {
  return process.env.DOORWAY_UPDATE_SCREENSHOTS === '1';
}

/**
 * Takes a screenshot of the page as it is now (animations stopped, caret hidden, moving media
 * hidden) and compares it with its baseline; throws with the figures and the paths of the actual
 * shot and the diff when they differ more than allowed, or when there is no baseline yet.
 */
export async function expectScreenshot(page: Page, name: string, options: BaselineOptions = {}): Promise<void> {
  const baseline = baselineFile(page, name);
  const shot = await withMediaHidden(page, () =>
    page.screenshot({ animations: 'disabled', caret: 'hide', mask: options.mask ?? [], maskColor: '#7f7f7f' }),
  );
  const outDir = path.join(OUTPUT_DIR, 'screenshots');
  mkdirSync(outDir, { recursive: true });
  const actualFile = path.join(outDir, `${name}.png`);
  writeFileSync(actualFile, shot);
  if (updating()) {
    mkdirSync(path.dirname(baseline), { recursive: true });
    writeFileSync(baseline, shot);
    return;
  }
  const relative = path.relative(ROOT, baseline);
  if (!existsSync(baseline)) {
    throw new Error(`no screenshot baseline ${relative}; the shot is in ${actualFile}. Run npm run screenshots:update -- <test file>, review it, and commit it.`);
  }
  const result = comparePngs(PNG.sync.read(readFileSync(baseline)), PNG.sync.read(shot), options.threshold);
  const allowed = options.maxDiffRatio ?? 0.001;
  if (result.ratio <= allowed) return;
  const diffFile = path.join(outDir, `${name}.diff.png`);
  if (result.diff) writeFileSync(diffFile, PNG.sync.write(result.diff));
  const what = result.sizeMismatch ? `its size changed (${result.sizeMismatch})` : `${result.diffPixels} pixels (${(result.ratio * 100).toFixed(2)}%, allowed ${(allowed * 100).toFixed(2)}%) differ`;
  throw new Error(`screenshot ${name} does not match ${relative}: ${what}. Actual: ${actualFile}${result.diff ? `, diff: ${diffFile}` : ''}. If the change is intended, npm run screenshots:update -- <test file>.`);
}
