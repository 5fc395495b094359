// The electron-builder configuration generated from electron-builder.yml + the branding, checked
// against electron-builder's own JSON schema (offline, app-builder-lib's validateConfiguration) for
// every target the installers use, and for what each platform must carry.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Configuration } from 'app-builder-lib';
import { describe, expect, it } from 'vitest';
import type { Branding } from '../../main/config/branding';
import { brandingOverlay, builderConfig, executableName, loadBranding, validateBuilderConfig } from '../../scripts/builder-config';
import { ROOT } from './pack-linux-dir';

const branding = loadBranding(ROOT);
const withFeed: Branding = { ...branding, updateFeed: 'https://updates.contoso.com/doorway/' };

/** The configuration narrowed to one platform and one target, as `electron-builder --<os> <target>` would use it. */
function forTarget(config: Configuration, platform: 'linux' | 'win' | 'mac', target: string): Configuration {
  return { ...config, [platform]: { ...config[platform], target: [target] } };
}

describe('generated electron-builder configuration', () => {
  it.each([
    ['linux', 'AppImage'],
    ['linux', 'deb'],
    ['win', 'nsis'],
    ['mac', 'dmg'],
    ['mac', 'zip'],
  ] as const)("passes electron-builder's schema for %s %s, with and without an update feed", async (platform, target) => {
    for (const b of [branding, withFeed]) {
      await expect(validateBuilderConfig(forTarget(await builderConfig(ROOT, b), platform, target))).resolves.toBeUndefined();
    }
  });

  it('is really checked: a misspelt option fails the schema', async () => {
    const config = await builderConfig(ROOT);
    await expect(validateBuilderConfig({ ...config, nsis: { ...config.nsis, oneclick: true } as never })).rejects.toThrow(/configuration\.nsis/);
  });

  it('takes the product name, app id, scheme and icons from the branding', async () => {
    const config = await builderConfig(ROOT, { ...withFeed, productName: 'Contoso Meet', appId: 'com.contoso.meet', linkScheme: 'contoso' });
    expect(config).toMatchObject({
      appId: 'com.contoso.meet',
      productName: 'Contoso Meet',
      protocols: [{ schemes: ['contoso'] }],
      icon: 'build/icon.png',
      linux: { icon: 'build/icons', executableName: 'contoso-meet', maintainer: 'Doorway <doorway@example.com>' },
      win: { icon: 'build/icon.ico' },
      mac: { icon: 'build/icon.icns' },
      extraMetadata: { productName: 'Contoso Meet', desktopName: 'contoso-meet.desktop', author: { name: 'Doorway', email: 'doorway@example.com' } },
    });
  });

  it('publishes to the branding feed (generic provider), or nowhere', async () => {
    expect((await builderConfig(ROOT, withFeed)).publish).toEqual([{ provider: 'generic', url: 'https://updates.contoso.com/doorway/' }]);
    expect((await builderConfig(ROOT, { ...branding, updateFeed: '' })).publish).toBeNull();
  });

  it('ships only the bundles and package.json, as an asar with every fuse set', async () => {
    const config = await builderConfig(ROOT);
    expect(config.asar).toBe(true);
    expect(config.files).toEqual([{ filter: ['package.json', 'dist/main/**', 'dist/preload/**', 'dist/renderer/**', '!**/*.map', '!**/*.{test,spec}.*'] }]);
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config.directories?.output).toBe('release');
  });

  it('builds a per-user NSIS installer on Windows', async () => {
    expect((await builderConfig(ROOT)).nsis).toMatchObject({ oneClick: true, perMachine: false });
  });

  it('builds AppImage and deb on Linux, the .desktop file named after the executable', async () => {
    expect((await builderConfig(ROOT)).linux).toMatchObject({ target: ['AppImage', 'deb'], syncDesktopName: true });
  });

  it('hardens the macOS app, explains each permission and notarizes from the environment', async () => {
    const mac = (await builderConfig(ROOT)).mac!;
    expect(mac).toMatchObject({ target: ['dmg', 'zip'], hardenedRuntime: true, notarize: true, entitlements: 'build/entitlements.mac.plist' });
    expect(Object.keys(mac.extendInfo as object).sort()).toEqual(['NSCameraUsageDescription', 'NSMicrophoneUsageDescription', 'NSScreenCaptureUsageDescription']);
    const entitlements = readFileSync(path.join(ROOT, mac.entitlements!), 'utf8');
    const granted = [...entitlements.matchAll(/<key>([^<]+)<\/key>\s*<true\/>/g)].map((m) => m[1]);
    expect(granted.sort()).toEqual(['com.apple.security.cs.allow-jit', 'com.apple.security.device.audio-input', 'com.apple.security.device.camera']);
  });

  it('names the executable in ASCII, falling back to the link scheme', () => {
    expect(executableName({ ...branding, productName: 'Contoso Meet 2' })).toBe('contoso-meet-2');
    expect(executableName({ ...branding, productName: '도어웨이', linkScheme: 'doorway' })).toBe('doorway');
    expect(brandingOverlay({ ...branding, productName: '도어웨이' }).linux?.executableName).toBe('doorway');
  });
});
