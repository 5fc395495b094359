// Helpers for the join screen's end-to-end tests and the preview benchmark.
import type { Locator, Page } from 'playwright-core';

/** A short Teams link the invitation parser accepts (its passcode must never be shown). */
export const MEETING_LINK = 'https://teams.microsoft.com/meet/2345678901234?p=Ab3xYz';
export const MEETING_PASSCODE = 'Ab3xYz';

/** Waits until the preview shows frames (the calling module marks its first frame). */
export async function waitForPreview(page: Page, timeout = 40_000): Promise<void> {
  await page.locator('.join-preview[data-state="on"]').waitFor({ timeout });
}

/** Waits until the device lists are filled (access asked and answered). */
export async function waitForDevices(page: Page, timeout = 40_000): Promise<void> {
  await page.waitForFunction(() => {
    const mic = document.querySelector<HTMLSelectElement>('#microphone-select');
    return !!mic && !mic.disabled && mic.options.length > 0;
  }, undefined, { timeout });
}

/** The options of a <select>, as shown. */
export function optionLabels(select: Locator): Promise<string[]> {
  return select.evaluate((element) => [...(element as HTMLSelectElement).options].map((o) => o.text));
}

/** The option value whose label is `label`. */
export function optionValue(select: Locator, label: string): Promise<string> {
  return select.evaluate((element, wanted) => [...(element as HTMLSelectElement).options].find((o) => o.text === wanted)?.value ?? '', label);
}

/** Reads the microphone meter's level every `everyMs` for `forMs`. */
export async function sampleMicLevels(page: Page, forMs: number, everyMs = 50): Promise<number[]> {
  return page.evaluate(
    async ([duration, step]) => {
      const levels: number[] = [];
      const end = performance.now() + duration;
      while (performance.now() < end) {
        levels.push(Number(document.querySelector('[data-testid="mic-level"]')?.getAttribute('data-level') ?? 'NaN'));
        await new Promise((resolve) => setTimeout(resolve, step));
      }
      return levels;
    },
    [forMs, everyMs] as const,
  );
}

/**
 * Whether the self-view shows a mirror image: the number of horizontal flips (negative x scale)
 * from the <video> up to the preview host is odd.
 */
export function isMirrored(preview: Locator): Promise<boolean> {
  return preview.evaluate((host) => {
    let flips = 0;
    for (let element: Element | null = host.querySelector('video'); element && element !== host; element = element.parentElement) {
      const transform = getComputedStyle(element).transform;
      if (transform && transform !== 'none' && new DOMMatrixReadOnly(transform).a < 0) flips++;
    }
    return flips % 2 === 1;
  });
}
