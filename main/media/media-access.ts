// Process: main. The OS's own camera, microphone and screen-recording permission, which Chromium
// cannot grant by itself: macOS asks per app (TCC), Windows has a privacy switch per device kind.
// Used to explain a blocked device and to open the right settings page.
import type { MediaAccess, MediaKind } from '../../common/ipc-contract';

interface SystemPreferencesLike {
  getMediaAccessStatus(kind: 'camera' | 'microphone' | 'screen'): string;
  askForMediaAccess(kind: 'camera' | 'microphone'): Promise<boolean>;
}

/** The settings pages where a guest can allow a blocked device, per OS. Fixed strings only. */
export const SETTINGS_PAGES: Partial<Record<NodeJS.Platform, Record<MediaKind, string>>> = {
  darwin: {
    camera: 'x-apple.systempreferences:com.apple.preference.security?Privacy_Camera',
    microphone: 'x-apple.systempreferences:com.apple.preference.security?Privacy_Microphone',
    screen: 'x-apple.systempreferences:com.apple.preference.security?Privacy_ScreenCapture',
  },
  win32: {
    camera: 'ms-settings:privacy-webcam',
    microphone: 'ms-settings:privacy-microphone',
    screen: 'ms-settings:privacy',
  },
};

const KNOWN: ReadonlySet<string> = new Set(['granted', 'denied', 'restricted', 'not-determined']);

export function createMediaAccess(
  platform: NodeJS.Platform,
  systemPreferences: SystemPreferencesLike | null,
  openUrl: (url: string) => Promise<void>,
) {
  return {
    /** macOS and Windows report a status; Linux has no OS-level switch, so 'unknown'. */
    access(kind: MediaKind): MediaAccess {
      if (!systemPreferences || (platform !== 'darwin' && platform !== 'win32')) return 'unknown';
      if (platform === 'win32' && kind === 'screen') return 'unknown';
      const status = systemPreferences.getMediaAccessStatus(kind);
      return KNOWN.has(status) ? (status as MediaAccess) : 'unknown';
    },
    /** macOS shows its prompt once; afterwards only System Settings can change the answer. */
    async request(kind: 'camera' | 'microphone'): Promise<boolean> {
      if (platform !== 'darwin' || !systemPreferences) return true;
      return systemPreferences.askForMediaAccess(kind);
    },
    async openSettings(kind: MediaKind): Promise<boolean> {
      const page = SETTINGS_PAGES[platform]?.[kind];
      if (!page) return false;
      try {
        await openUrl(page);
        return true;
      } catch {
        return false;
      }
    },
  };
}
