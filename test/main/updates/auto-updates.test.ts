// Auto-update policy with a fake electron-updater: off without a feed, background download,
// install on quit, and a restart offered only after a call ends.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { startAutoUpdates, type AutoUpdatesOptions, type Updater } from '../../../main/updates/auto-updates';

class FakeUpdater extends EventEmitter implements Updater {
  autoDownload = false;
  autoInstallOnAppQuit = false;
  feed: unknown = null;
  checks = 0;
  installs: unknown[][] = [];
  checkResult: Promise<unknown> = Promise.resolve(null);
  setFeedURL(options: { provider: 'generic'; url: string }): void {
    this.feed = options;
  }
  checkForUpdates(): Promise<unknown> {
    this.checks++;
    return this.checkResult;
  }
  quitAndInstall(...args: unknown[]): void {
    this.installs.push(args);
  }
}

function setup(overrides: Partial<AutoUpdatesOptions> = {}) {
  const updater = new FakeUpdater();
  const lines: string[] = [];
  const intervals: Array<{ callback: () => void; ms: number }> = [];
  const questions: Array<(answer: boolean) => void> = [];
  let inMeeting = false;
  let created = 0;
  const updates = startAutoUpdates({
    feedUrl: 'https://updates.contoso.com/doorway/',
    isPackaged: true,
    updater: () => {
      created++;
      return updater;
    },
    isInMeeting: () => inMeeting,
    askToRestart: () => new Promise((resolve) => questions.push(resolve)),
    log: (line) => lines.push(line),
    setInterval: (callback, ms) => intervals.push({ callback, ms }),
    ...overrides,
  });
  const meeting = (value: boolean) => {
    inMeeting = value;
    updates?.presenceChanged(value);
  };
  return { updates, updater, lines, intervals, questions, meeting, created: () => created };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('auto-updates', () => {
  it('is off without a feed, and never touches electron-updater', () => {
    const { updates, lines, created } = setup({ feedUrl: '' });
    expect(updates).toBeNull();
    expect(created()).toBe(0);
    expect(lines).toEqual(['updates off: no update feed configured']);
  });

  it('is off in development', () => {
    const { updates, created } = setup({ isPackaged: false });
    expect(updates).toBeNull();
    expect(created()).toBe(0);
  });

  it('checks the branding feed now and periodically, downloading in the background and installing on quit', () => {
    const { updater, intervals } = setup({ checkEveryMs: 60_000 });
    expect(updater.feed).toEqual({ provider: 'generic', url: 'https://updates.contoso.com/doorway/' });
    expect([updater.autoDownload, updater.autoInstallOnAppQuit]).toEqual([true, true]);
    expect(updater.checks).toBe(1);
    expect(intervals.map((i) => i.ms)).toEqual([60_000]);
    intervals[0].callback();
    expect(updater.checks).toBe(2);
  });

  it('logs failures instead of showing them', async () => {
    const updater = new FakeUpdater();
    updater.checkResult = Promise.reject(new Error('offline'));
    const { lines } = setup({ updater: () => updater });
    updater.emit('error', new Error('bad signature'));
    await flush();
    expect(lines).toEqual(expect.arrayContaining(['update check failed: offline', 'update failed: bad signature']));
  });

  it('does not ask during a meeting; asks once the call ends, and restarts on yes', async () => {
    const { updater, questions, meeting } = setup();
    meeting(true);
    updater.emit('update-downloaded', { version: '1.2.0' });
    expect(questions).toHaveLength(0);
    meeting(false);
    expect(questions).toHaveLength(1);
    questions[0](true);
    await flush();
    expect(updater.installs).toEqual([[false, true]]);
  });

  it('never asks outside a call ending: a downloaded update waits for quit', () => {
    const { updater, questions, meeting } = setup();
    updater.emit('update-downloaded', { version: '1.2.0' });
    meeting(false);
    expect(questions).toHaveLength(0);
    expect(updater.autoInstallOnAppQuit).toBe(true);
  });

  it('asks once: "later" leaves the update for the next quit', async () => {
    const { updater, questions, meeting } = setup();
    updater.emit('update-downloaded', { version: '1.2.0' });
    meeting(true);
    meeting(false);
    questions[0](false);
    await flush();
    meeting(true);
    meeting(false);
    expect(questions).toHaveLength(1);
    expect(updater.installs).toEqual([]);
  });

  it('does not restart if the guest joined a call while the question was open', async () => {
    const { updater, questions, meeting } = setup();
    updater.emit('update-downloaded', { version: '1.2.0' });
    meeting(true);
    meeting(false);
    meeting(true);
    questions[0](true);
    await flush();
    expect(updater.installs).toEqual([]);
  });
});
