// Process: renderer. The few line icons the UI uses, drawn inline (no image files, no icon font).
// Always decorative: the control that holds one carries the words.
import type { JSX } from 'preact';

const PATHS = {
  camera: (
    <>
      <rect x="2.75" y="6" width="12.5" height="12" rx="2" />
      <path d="m15.25 10.25 5.25-3v9.5l-5.25-3" />
    </>
  ),
  cameraOff: (
    <>
      <path d="M10 6h3.25a2 2 0 0 1 2 2v2.25l5.25-3v9.5l-3.1-1.77M15.25 15.5V16a2 2 0 0 1-2 2h-8.5a2 2 0 0 1-2-2V8a2 2 0 0 1 1.4-1.9" />
      <path d="m3 3 18 18" />
    </>
  ),
  microphone: (
    <>
      <rect x="9" y="2.75" width="6" height="11.5" rx="3" />
      <path d="M5.5 11a6.5 6.5 0 0 0 13 0M12 17.5v3.5M8.75 21h6.5" />
    </>
  ),
  microphoneOff: (
    <>
      <path d="M15 9.5V5.75a3 3 0 0 0-5.6-1.5M9 9v2.25a3 3 0 0 0 4.9 2.3M18.5 11a6.5 6.5 0 0 1-.7 2.95M5.5 11a6.5 6.5 0 0 0 10.3 5.27M12 17.5v3.5M8.75 21h6.5" />
      <path d="m3 3 18 18" />
    </>
  ),
  speaker: (
    <>
      <path d="M3.75 9.5h3.5l4.75-4v13l-4.75-4h-3.5z" />
      <path d="M15.5 9a4 4 0 0 1 0 6M18.25 6.25a8 8 0 0 1 0 11.5" />
    </>
  ),
  blur: (
    <>
      <circle cx="12" cy="9.25" r="3.25" />
      <path d="M6.5 19.5a5.5 5.5 0 0 1 11 0" />
      <path d="M3.5 5.5h.01M3.5 10h.01M3.5 14.5h.01M20.5 5.5h.01M20.5 10h.01M20.5 14.5h.01M3.5 19h.01M20.5 19h.01" stroke-width="2.4" />
    </>
  ),
  warning: (
    <>
      <path d="M10.3 4.2 2.6 17.6A2 2 0 0 0 4.3 20.6h15.4a2 2 0 0 0 1.7-3L13.7 4.2a2 2 0 0 0-3.4 0z" />
      <path d="M12 9.5v4.25M12 17h.01" />
    </>
  ),
  error: (
    <>
      <circle cx="12" cy="12" r="9" />
      <path d="M12 7.5v5.25M12 16.25h.01" />
    </>
  ),
  info: (
    <>
      <circle cx="12" cy="12" r="9" />
      <path d="M12 11v5.25M12 7.75h.01" />
    </>
  ),
  check: <path d="m5 12.5 4.5 4.5L19 7.5" />,
  calendar: (
    <>
      <rect x="3.5" y="5" width="17" height="15.5" rx="2.25" />
      <path d="M3.5 9.75h17M8 3v4M16 3v4" />
    </>
  ),
  play: <path d="M8 5.5v13l10.5-6.5z" />,
  retry: <path d="M20 12a8 8 0 1 1-2.34-5.66M20 4.5v5h-5" />,
  external: <path d="M14 4h6v6M20 4l-8.5 8.5M18 14v4.5a1.5 1.5 0 0 1-1.5 1.5h-11A1.5 1.5 0 0 1 4 18.5v-11A1.5 1.5 0 0 1 5.5 6H10" />,
} satisfies Record<string, JSX.Element>;

export type IconName = keyof typeof PATHS;

/** Icons whose arrow points along the reading direction: flipped in right-to-left (styles.css). */
const DIRECTIONAL: ReadonlySet<IconName> = new Set<IconName>(['external']);

export function Icon({ name, class: className }: { name: IconName; class?: string }) {
  return (
    <svg
      class={['icon', DIRECTIONAL.has(name) && 'icon--directional', className].filter(Boolean).join(' ')}
      viewBox="0 0 24 24"
      width="20"
      height="20"
      fill="none"
      stroke="currentColor"
      stroke-width="1.75"
      stroke-linecap="round"
      stroke-linejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {PATHS[name]}
    </svg>
  );
}
