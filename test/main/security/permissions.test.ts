import { describe, expect, it } from 'vitest';
import { allowsPermissionCheck, allowsPermissionRequest, installPermissionHandlers } from '../../../main/security/permissions';
import { isAppUrl } from '../../../main/app-protocol/origin';

const own = 'app://localhost/index.html';

describe('permission policy', () => {
  it('grants what a meeting needs to our own main frame', () => {
    for (const permission of ['display-capture', 'speaker-selection', 'fullscreen', 'clipboard-sanitized-write']) {
      expect(allowsPermissionRequest({ permission, requestingUrl: own, isMainFrame: true }, isAppUrl), permission).toBe(true);
    }
    expect(allowsPermissionRequest({ permission: 'media', requestingUrl: own, isMainFrame: true, mediaTypes: ['audio', 'video'] }, isAppUrl)).toBe(true);
  });

  it('refuses everything a meeting does not need', () => {
    for (const permission of ['geolocation', 'notifications', 'midi', 'midiSysex', 'hid', 'serial', 'usb', 'clipboard-read', 'openExternal', 'pointerLock', 'idle-detection', 'unknown']) {
      expect(allowsPermissionRequest({ permission, requestingUrl: own, isMainFrame: true }, isAppUrl), permission).toBe(false);
    }
  });

  it('refuses other origins, look-alike origins and subframes', () => {
    for (const requestingUrl of ['https://evil.example/', 'app://localhost.evil/', 'app://evil/', 'file:///etc/passwd', 'http://localhost/']) {
      expect(allowsPermissionRequest({ permission: 'media', requestingUrl, isMainFrame: true, mediaTypes: ['video'] }, isAppUrl), requestingUrl).toBe(false);
    }
    expect(allowsPermissionRequest({ permission: 'media', requestingUrl: own, isMainFrame: false, mediaTypes: ['video'] }, isAppUrl)).toBe(false);
  });

  it('refuses media requests for anything but audio and video', () => {
    expect(allowsPermissionRequest({ permission: 'media', requestingUrl: own, isMainFrame: true, mediaTypes: ['video', 'unknown'] }, isAppUrl)).toBe(false);
  });

  it('answers permission checks for our origin only', () => {
    expect(allowsPermissionCheck('media', 'app://localhost', isAppUrl)).toBe(true);
    expect(allowsPermissionCheck('media', 'https://teams.microsoft.com', isAppUrl)).toBe(false);
    expect(allowsPermissionCheck('geolocation', 'app://localhost', isAppUrl)).toBe(false);
  });

  it('installs request, check and device handlers on the session', () => {
    const installed: Record<string, (...args: never[]) => unknown> = {};
    installPermissionHandlers(
      {
        setPermissionRequestHandler: (h) => void (installed.request = h as never),
        setPermissionCheckHandler: (h) => void (installed.check = h as never),
        setDevicePermissionHandler: (h) => void (installed.device = h as never),
      },
      isAppUrl,
    );
    const answers: boolean[] = [];
    const request = installed.request as unknown as (c: unknown, p: string, cb: (ok: boolean) => void, d: object) => void;
    request(null, 'media', (ok) => answers.push(ok), { requestingUrl: own, isMainFrame: true, mediaTypes: ['audio'] });
    request(null, 'geolocation', (ok) => answers.push(ok), { requestingUrl: own, isMainFrame: true });
    expect(answers).toEqual([true, false]);
    expect((installed.check as unknown as (c: unknown, p: string, o: string) => boolean)(null, 'media', 'app://localhost')).toBe(true);
    expect((installed.device as unknown as () => boolean)()).toBe(false);
  });
});
