// The browser finder: the override, an installed browser per OS, and the bundled fallback.
import { describe, expect, it } from 'vitest';
import { findBrowser, installedCandidates } from './find-browser';

const bundled = () => Promise.resolve('/tmp/chromium');
const only = (...files: string[]) => (file: string) => files.includes(file);

describe('findBrowser', () => {
  it('takes DOORWAY_CHROMIUM first, and refuses one that does not exist', async () => {
    const env = { DOORWAY_CHROMIUM: '/opt/chrome/chrome' };
    expect(await findBrowser({ platform: 'linux', arch: 'x64', env, exists: only('/opt/chrome/chrome', '/usr/bin/chromium'), bundled })).toEqual({ executablePath: '/opt/chrome/chrome', source: 'env' });
    await expect(findBrowser({ platform: 'linux', arch: 'x64', env, exists: only(), bundled })).rejects.toThrow('DOORWAY_CHROMIUM points at /opt/chrome/chrome');
  });

  it('finds an installed browser on Linux, macOS and Windows', async () => {
    expect(await findBrowser({ platform: 'linux', arch: 'x64', env: {}, exists: only('/usr/bin/google-chrome-stable'), bundled })).toEqual({ executablePath: '/usr/bin/google-chrome-stable', source: 'installed' });
    const mac = '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge';
    expect(await findBrowser({ platform: 'darwin', arch: 'arm64', env: {}, exists: only(mac), bundled })).toEqual({ executablePath: mac, source: 'installed' });
    const win = 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe';
    expect(await findBrowser({ platform: 'win32', arch: 'x64', env: { PROGRAMFILES: 'C:\\Program Files' }, exists: only(win), bundled })).toEqual({ executablePath: win, source: 'installed' });
  });

  it('prefers Chromium over Chrome over Edge where several are installed', () => {
    const linux = installedCandidates('linux', {});
    expect(linux.indexOf('/usr/bin/chromium')).toBeLessThan(linux.indexOf('/usr/bin/google-chrome'));
    expect(linux.indexOf('/usr/bin/google-chrome')).toBeLessThan(linux.indexOf('/usr/bin/microsoft-edge'));
  });

  it('falls back to the bundled Chromium on Linux x64/arm64, or when DOORWAY_CHROMIUM=bundled', async () => {
    expect(await findBrowser({ platform: 'linux', arch: 'arm64', env: {}, exists: only(), bundled })).toEqual({ executablePath: '/tmp/chromium', source: 'bundled' });
    expect(await findBrowser({ platform: 'linux', arch: 'x64', env: { DOORWAY_CHROMIUM: 'bundled' }, exists: only('/usr/bin/chromium'), bundled })).toEqual({ executablePath: '/tmp/chromium', source: 'bundled' });
  });

  it('says what to install where nothing is found and nothing can be bundled', async () => {
    await expect(findBrowser({ platform: 'darwin', arch: 'arm64', env: {}, exists: only(), bundled })).rejects.toThrow(/No Chrome, Chromium or Edge found .*set DOORWAY_CHROMIUM/);
    await expect(findBrowser({ platform: 'win32', arch: 'x64', env: {}, exists: only(), bundled })).rejects.toThrow(/runs only on Linux x64\/arm64/);
  });
});
