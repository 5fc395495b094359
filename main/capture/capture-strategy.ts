// Process: main. How a screen-share request is answered on this OS, decided once at start-up from
// the platform and the environment (pure, so every branch is tested in plain Node).
//
// - Windows and X11: Doorway's own picker, fed by desktopCapturer.getSources. Windows alone can
//   add system audio (loopback).
// - macOS: `useSystemPicker` is set. On macOS 15+ Electron then shows the system's own picker
//   (ScreenCaptureKit's content-sharing picker) and never calls our handler: the OS does the
//   choosing and its per-share consent, and the guest sees the same picker every Mac app uses.
//   Older macOS calls our handler as everywhere else, and our picker explains a missing Screen
//   Recording permission. (Electron calls the option experimental; it is one flag to drop.)
// - Linux on Wayland: an application cannot list other windows. With the PipeWire capturer,
//   desktopCapturer.getSources opens the desktop portal's own picker and returns the one source
//   the guest chose there, so our picker is skipped: showing it would ask the guest twice.

export type CaptureMode =
  /** Our picker: list sources, let the guest choose, answer with the chosen id. */
  | 'picker'
  /** The desktop portal chooses: answer with the single source getSources returns, no picker. */
  | 'portal';

export interface CapturePlan {
  mode: CaptureMode;
  /** Passed to setDisplayMediaRequestHandler: macOS 15+ shows the system picker instead. */
  useSystemPicker: boolean;
  /** Loopback system audio can be offered with the share (Windows only). */
  systemAudio: boolean;
  /** Chromium features to enable (app.commandLine 'enable-features') before the app is ready. */
  enableFeatures: string[];
}

export interface CaptureEnvironment {
  platform: NodeJS.Platform;
  env: Readonly<Record<string, string | undefined>>;
}

/** True when the desktop session is Wayland (XDG_SESSION_TYPE, or a Wayland display alone). */
export function isWaylandSession(env: CaptureEnvironment['env']): boolean {
  const type = env.XDG_SESSION_TYPE?.trim().toLowerCase();
  if (type) return type === 'wayland';
  return Boolean(env.WAYLAND_DISPLAY);
}

export function capturePlan({ platform, env }: CaptureEnvironment): CapturePlan {
  if (platform === 'darwin') return { mode: 'picker', useSystemPicker: true, systemAudio: false, enableFeatures: [] };
  if (platform === 'win32') return { mode: 'picker', useSystemPicker: false, systemAudio: true, enableFeatures: [] };
  if (platform === 'linux' && isWaylandSession(env)) {
    return { mode: 'portal', useSystemPicker: false, systemAudio: false, enableFeatures: ['WebRTCPipeWireCapturer'] };
  }
  return { mode: 'picker', useSystemPicker: false, systemAudio: false, enableFeatures: [] };
}

/**
 * Adds features to an existing `--enable-features` value without dropping what is there (a
 * switch given on the command line, or one set earlier by other code).
 */
export function mergeFeatures(existing: string, add: readonly string[]): string {
  const features = existing
    .split(',')
    .map((feature) => feature.trim())
    .filter(Boolean);
  for (const feature of add) if (!features.includes(feature)) features.push(feature);
  return features.join(',');
}
