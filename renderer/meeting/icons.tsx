// Process: renderer. The meeting's line icons, inline SVG (no files, no font). Decorative: the
// control or text next to each one carries the words.
import type { JSX } from 'preact';

const PATHS = {
  mic: 'M12 3a3 3 0 0 0-3 3v6a3 3 0 0 0 6 0V6a3 3 0 0 0-3-3zM5 11a7 7 0 0 0 14 0M12 18v3M8 21h8',
  micOff: 'M9 9v3a3 3 0 0 0 5.1 2.1M15 10V6a3 3 0 0 0-5.7-1.3M5 11a7 7 0 0 0 11.4 5.4M19 11a7 7 0 0 1-.6 2.8M12 18v3M8 21h8M3 3l18 18',
  camera: 'M3 7h12v10H3zM15 10l6-3v10l-6-3',
  cameraOff: 'M3 7h12v10H3zM15 10l6-3v10l-6-3M2 3l20 18',
  hand: 'M8 13V5.5a1.5 1.5 0 0 1 3 0V12M11 11V4.5a1.5 1.5 0 0 1 3 0V12M14 11.5V6a1.5 1.5 0 0 1 3 0v8a7 7 0 0 1-7 7h-.5a6 6 0 0 1-4.6-2.2L4 15.5a1.5 1.5 0 0 1 2.3-1.9L8 15.5',
  people: 'M9 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM2 21a7 7 0 0 1 14 0M16 3.5a4 4 0 0 1 0 7M18 14a6 6 0 0 1 4 6',
  devices: 'M4 6h10M18 6h2M4 12h4M12 12h8M4 18h12M20 18h0M14 4v4M8 10v4M16 16v4',
  leave: 'M3 15c0-2 4-5 9-5s9 3 9 5v2l-4-1v-2.5c-1.5-.6-3.2-1-5-1s-3.5.4-5 1V16l-4 1z',
  close: 'M6 6l12 12M18 6L6 18',
  warning: 'M12 3l10 18H2zM12 10v5M12 18v.5',
  captions: 'M3 6h18v12H3zM10.5 10.3a2.2 2.2 0 1 0 0 3.4M17 10.3a2.2 2.2 0 1 0 0 3.4',
  react: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zM8 14.5a4.5 4.5 0 0 0 8 0M9 9.5v.5M15 9.5v.5',
  chat: 'M4 5h16v11H9l-5 4zM8 9.5h8M8 12.5h5',
  pin: 'M9 3h6l-1 6 3 3v2H7v-2l3-3zM12 14v7',
  spotlight: 'M12 3v3M5.6 5.6l2.1 2.1M18.4 5.6l-2.1 2.1M3 12h3M18 12h3M8 21l2-7h4l2 7z',
  info: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zM12 11v6M12 7.5v.5',
  layout: 'M3 5h18v14H3zM3 12h18M12 5v14',
  record: '',
} as const;

export type MeetingIconName = keyof typeof PATHS;

/** The chat bubble's tail sits at the reading start: flipped in right-to-left (styles.css). */
const DIRECTIONAL: ReadonlySet<MeetingIconName> = new Set<MeetingIconName>(['chat']);

export function MeetingIcon({ name, class: extra }: { name: MeetingIconName; class?: string }): JSX.Element {
  return (
    <svg class={['micon', DIRECTIONAL.has(name) && 'icon--directional', extra].filter(Boolean).join(' ')} viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      {name === 'record' ? <circle cx="12" cy="12" r="6" fill="currentColor" /> : <path d={PATHS[name]} fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round" />}
    </svg>
  );
}
