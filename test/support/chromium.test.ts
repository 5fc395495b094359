// The test browser's launch: leaving out the browser's own window UI keeps Playwright's switches.
import { readFileSync } from 'node:fs';
import type { Browser, CDPSession } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { launchChromium } from './chromium';

async function processes(session: CDPSession): Promise<Array<{ type: string; id: number }>> {
  return ((await session.send('SystemInfo.getProcessInfo')) as { processInfo: Array<{ type: string; id: number }> }).processInfo;
}

/** The features the browser process was told to switch off (Chromium honours only the last such switch). */
async function disabledFeatures(browser: Browser): Promise<{ switches: number; features: string[] }> {
  const session = await browser.newBrowserCDPSession();
  const { id } = (await processes(session)).find((p) => p.type === 'browser')!;
  await session.detach();
  const switches = readFileSync(`/proc/${id}/cmdline`, 'utf8').split('\0').filter((arg) => arg.startsWith('--disable-features='));
  return { switches: switches.length, features: (switches.at(-1) ?? '--disable-features=').slice('--disable-features='.length).split(',').filter(Boolean) };
}

describe.runIf(process.platform === 'linux')('launchChromium({ withoutBrowserUi })', () => {
  it('gives a new context only its page (no omnibox popup pages), and keeps every feature Playwright switches off', async () => {
    const plain = await launchChromium();
    const lean = await launchChromium({ withoutBrowserUi: true });
    try {
      const playwright = await disabledFeatures(plain);
      const ours = await disabledFeatures(lean);
      expect(ours.switches).toBeLessThanOrEqual(1);
      expect(ours.features).toEqual(expect.arrayContaining(playwright.features));

      const context = await lean.newContext();
      const page = await context.newPage();
      await page.goto('data:text/html,<p>only this page</p>');
      const session = await lean.newBrowserCDPSession();
      const targets = ((await session.send('Target.getTargets')) as { targetInfos: Array<{ type: string; url: string }> }).targetInfos;
      expect(targets.map((t) => t.url)).toEqual(['data:text/html,<p>only this page</p>']);
      await session.detach();
    } finally {
      await plain.close();
      await lean.close();
    }
  });
});
