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
  // Once per document: injecting the 650 kB source again costs 60-140 ms of a busy renderer
  // (measured, load 6-8) and gives the same axe; a new document (navigation, reload) has none.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
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

/**
 * Pictures for a person to look at (the Arabic, forced-colours and long-translation passes, the
 * states a test walks through), saved to test-output/screenshots/ only when DOORWAY_SCREENSHOTS=1:
 * nothing compares them, and 137 of them cost a run about 18 s of a busy worker. The states a
 * broken layout must fail on are compared with baselines instead (screenshot-baseline.ts).
 */
const SAVE_SCREENSHOTS = process.env.DOORWAY_SCREENSHOTS === '1';

async function saveScreenshot(page: Page, name: string): Promise<void> {
  const dir = path.join(OUTPUT_DIR, 'screenshots');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`) });
}

/** Saves the page as it is now as `<name>.png`, when this run keeps pictures (DOORWAY_SCREENSHOTS=1). */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (SAVE_SCREENSHOTS) await saveScreenshot(page, name);
}

/** Runs `check`; when it fails, the page is saved as `<name>.png` whatever the run keeps, to look at beside the error. */
export async function pictureIfFails(page: Page, name: string, check: () => Promise<void>): Promise<void> {
  try {
    await check();
  } catch (error) {
    await saveScreenshot(page, name).catch(() => undefined);
    throw error;
  }
  await screenshot(page, name);
}

/**
 * Every screen in Arabic and in Windows high contrast: the page as it is now, which must be laid out
 * right to left in Arabic (open it with `locale: 'ar-SA'`), then the same state in forced colours (emulated).
 * axe finds nothing in either. Each is a picture, `<name>-rtl` and `<name>-forced-colors`, when it
 * fails or the run keeps pictures. Forced colours are off again afterwards, so the test can go on to
 * its next state.
 */
export async function checkRtlAndForcedColors(page: Page, name: string): Promise<void> {
  await pictureIfFails(page, `${name}-rtl`, async () => {
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await page.evaluate(() => document.documentElement.lang)).toMatch(/^ar\b/);
    expect(await axeViolations(page)).toEqual([]);
  });
  await page.emulateMedia({ forcedColors: 'active' });
  try {
    await pictureIfFails(page, `${name}-forced-colors`, async () => {
      expect(await page.evaluate(() => matchMedia('(forced-colors: active)').matches)).toBe(true);
      expect(await axeViolations(page)).toEqual([]);
    });
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

/**
 * Every visible control's or heading's text that does not fit, as `"<text>": <why>` (empty when all
 * fits): text that runs outside its control's box, a label cut short (overflow hidden) with no
 * `title` naming it in full (or squeezed to almost nothing), a control off the window's edge, or a page that scrolls sideways. Long
 * translations (German, Finnish) at the narrowest window are what this is for. Selects are left
 * out: a device name cut inside a select is the platform's own drawing.
 */
export async function textThatDoesNotFit(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const CONTROLS = 'button, a[href], label, summary, legend, h1, h2, h3, [title], [role="button"], [role="tab"], [role="menuitem"], [role="menuitemradio"], [role="menuitemcheckbox"], [role="option"], [role="switch"], [role="radio"], [role="tooltip"]';
    const problems: string[] = [];
    const visible = (el: Element) => {
      const rect = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      // 1 × 1 px is the visually-hidden pattern: a name for assistive technology, not a label on screen.
      return rect.width > 1 && rect.height > 1 && style.visibility !== 'hidden' && style.opacity !== '0' && style.display !== 'contents';
    };
    const squash = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth + 1) problems.push(`page: scrolls sideways (${root.scrollWidth} > ${root.clientWidth})`);
    for (const control of document.querySelectorAll<HTMLElement>(CONTROLS)) {
      if (!visible(control) || control.closest('select')) continue;
      const text = squash(control.textContent);
      if (!text) continue;
      const box = control.getBoundingClientRect();
      if (box.right > root.clientWidth + 1 || box.left < -1) {
        problems.push(`"${text}": off the window's edge`);
        continue;
      }
      for (const el of [control, ...control.querySelectorAll<HTMLElement>('*')]) {
        const ownText = [...el.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && squash(node.textContent) !== '');
        if (!ownText || !visible(el)) continue;
        const full = squash(el.textContent);
        const style = getComputedStyle(el);
        const clipped = (el.scrollWidth > el.clientWidth + 1 && style.overflowX !== 'visible') || (el.scrollHeight > el.clientHeight + 1 && style.overflowY !== 'visible');
        if (clipped && el.clientWidth < Math.min(el.scrollWidth, 48)) {
          problems.push(`"${full}": squeezed to ${el.clientWidth}px`);
          continue;
        }
        if (clipped) {
          const titled = [el, control, el.closest('[title]')].some((e) => !!e && squash((e as HTMLElement).title).includes(full));
          if (!titled) problems.push(`"${full}": cut short, with no title naming it in full`);
          continue;
        }
        const range = document.createRange();
        range.selectNodeContents(el);
        const extent = range.getBoundingClientRect();
        if (extent.left < box.left - 1 || extent.right > box.right + 1 || extent.top < box.top - 1 || extent.bottom > box.bottom + 1) {
          problems.push(`"${full}": runs outside its ${control.tagName.toLowerCase()} (${Math.round(extent.width)}×${Math.round(extent.height)} in ${Math.round(box.width)}×${Math.round(box.height)})`);
        }
      }
    }
    return [...new Set(problems)];
  });
}
