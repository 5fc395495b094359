// Process: main. Which web permissions a page may have: only what a meeting needs, and only for
// our own origin's main frame. Everything else (geolocation, notifications, MIDI, USB, HID,
// serial, clipboard read, ...) is refused.
import type { Session } from 'electron';

/** Permissions a Teams meeting needs from Chromium. */
const MEETING_PERMISSIONS = new Set([
  'media', // camera and microphone (details.mediaTypes says which)
  'display-capture', // screen sharing
  'speaker-selection', // setSinkId: choose the speaker
  'fullscreen', // a shared screen on the stage
  'clipboard-sanitized-write', // "copy diagnostics", copying the meeting link
  'window-management', // the always-on-top sharing control
]);

/** Permissions that `checkPermission` (synchronous queries) may answer yes to. */
const MEETING_CHECKS = new Set([
  'media',
  'speaker-selection',
  'clipboard-sanitized-write',
  'fullscreen',
  'window-management',
]);

export interface PermissionQuery {
  permission: string;
  requestingUrl: string;
  isMainFrame: boolean;
  mediaTypes?: ReadonlyArray<string>;
}

export function allowsPermissionRequest(query: PermissionQuery, isOwnUrl: (url: string) => boolean): boolean {
  if (!query.isMainFrame || !isOwnUrl(query.requestingUrl)) return false;
  if (!MEETING_PERMISSIONS.has(query.permission)) return false;
  if (query.permission === 'media') {
    return (query.mediaTypes ?? []).every((type) => type === 'audio' || type === 'video');
  }
  return true;
}

export function allowsPermissionCheck(permission: string, requestingOrigin: string, isOwnUrl: (url: string) => boolean): boolean {
  return MEETING_CHECKS.has(permission) && isOwnUrl(requestingOrigin);
}

type PermissionSession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'>;

export function installPermissionHandlers(session: PermissionSession, isOwnUrl: (url: string) => boolean): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? details.mediaTypes : undefined;
    callback(
      allowsPermissionRequest(
        { permission, requestingUrl: details.requestingUrl, isMainFrame: details.isMainFrame, mediaTypes },
        isOwnUrl,
      ),
    );
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    allowsPermissionCheck(permission, requestingOrigin, isOwnUrl),
  );
  // No USB, HID or serial devices for web pages.
  session.setDevicePermissionHandler(() => false);
}
