// Checks the end-to-end tests run against a page: accessibility (axe-core), real video pixels,
// screenshots, and the right-to-left and forced-colours pass every screen gets.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { OUTPUT_DIR } from './harness';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * Runs axe-core on the page as it is now. Injected through evaluate (exempt from the page's CSP,
 * which the app keeps strict), so the check does not need the policy loosened.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  });
}

/** Mean brightness and spread of the frame a <video> inside `locator` shows now (0-255). */
export async function videoFrameStats(locator: Locator): Promise<{ width: number; height: number; mean: number; distinct: number }> {
  return locator.evaluate(async (host) => {
    const video = host.querySelector('video');
    if (!video) return { width: 0, height: 0, mean: 0, distinct: 0 };
    for (let i = 0; i < 100 && (video.readyState < 2 || video.videoWidth === 0); i++) await new Promise((r) => setTimeout(r, 50));
    const canvas = document.createElement('canvas');
    canvas.width = 64;
    canvas.height = 36;
    const context = canvas.getContext('2d')!;
    context.drawImage(video, 0, 0, canvas.width, canvas.height);
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    let sum = 0;
    const seen = new Set<number>();
    for (let i = 0; i < data.length; i += 4) {
      const luma = (data[i] * 299 + data[i + 1] * 587 + data[i + 2] * 114) / 1000;
      sum += luma;
      seen.add(Math.round(luma / 8));
    }
    return { width: video.videoWidth, height: video.videoHeight, mean: sum / (data.length / 4), distinct: seen.size };
  });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  const dir = path.join(OUTPUT_DIR, 'screenshots');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/**
 * Every screen in Arabic and in Windows high contrast: the page as it is now, which must be laid out
 * right to left in Arabic (open it with `locale: 'ar-SA'`), then the same state in forced colours (emulated).
 * axe finds nothing in either; each is saved as a screenshot, `<name>-rtl` and `<name>-forced-colors`.
 * Forced colours are off again afterwards, so the test can go on to its next state.
 */
export async function checkRtlAndForcedColors(page: Page, name: string): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
  expect(await page.evaluate(() => document.documentElement.lang)).toMatch(/^ar\b/);
  // The picture first, so a failing check still leaves it to look at.
  await screenshot(page, `${name}-rtl`);
  expect(await axeViolations(page)).toEqual([]);
  await page.emulateMedia({ forcedColors: 'active' });
  try {
    expect(await page.evaluate(() => matchMedia('(forced-colors: active)').matches)).toBe(true);
    await screenshot(page, `${name}-forced-colors`);
    expect(await axeViolations(page)).toEqual([]);
  } finally {
    await page.emulateMedia({ forcedColors: 'none' });
  }
}

/** Which half of its page `locator`'s box sits in (by its centre): an inline-end panel is on the left in Arabic. */
export async function pageSide(locator: Locator): Promise<'left' | 'right'> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('not laid out: it has no box');
  const width = await locator.evaluate((el) => el.ownerDocument.documentElement.clientWidth);
  return box.x + box.width / 2 < width / 2 ? 'left' : 'right';
}

/** `locator`'s computed transform: a mirrored icon is matrix(-1, 0, 0, 1, 0, 0); video that must not turn keeps its own. */
export const transformOf = (locator: Locator): Promise<string> => locator.first().evaluate((el) => getComputedStyle(el).transform);
