// Process: renderer. The call and device state the views read. Plain immutable data: no SDK
// objects ever leave renderer/calling/, so views can be tested and rendered without the SDK.

export interface DeviceOption {
  id: string;
  name: string;
}

/** 'missing': access was not refused, but there is no such device (none plugged in). */
export type AccessState = 'unknown' | 'granted' | 'denied' | 'missing';

export interface DevicesState {
  cameras: DeviceOption[];
  microphones: DeviceOption[];
  speakers: DeviceOption[];
  cameraId: string | null;
  microphoneId: string | null;
  speakerId: string | null;
  /** What the SDK's DeviceManager has actually selected (what a call will use), read back. */
  sdkMicrophoneId: string | null;
  sdkSpeakerId: string | null;
  speakerSelectionAvailable: boolean;
  cameraAccess: AccessState;
  microphoneAccess: AccessState;
}

export const EMPTY_DEVICES: DevicesState = {
  cameras: [],
  microphones: [],
  speakers: [],
  cameraId: null,
  microphoneId: null,
  speakerId: null,
  sdkMicrophoneId: null,
  sdkSpeakerId: null,
  speakerSelectionAvailable: false,
  cameraAccess: 'unknown',
  microphoneAccess: 'unknown',
};

/** A value that changes over time, with listeners: the one pattern the views subscribe to. */
export interface Observable<T> {
  get(): T;
  subscribe(listener: (value: T) => void): () => void;
}

export class Store<T> implements Observable<T> {
  private listeners = new Set<(value: T) => void>();
  constructor(private value: T) {}
  get(): T {
    return this.value;
  }
  set(next: T): void {
    if (Object.is(next, this.value)) return;
    this.value = next;
    for (const listener of [...this.listeners]) listener(next);
  }
  update(patch: Partial<T>): void {
    this.set({ ...this.value, ...patch });
  }
  subscribe(listener: (value: T) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }
}

/** Chooses the remembered device if it is still there, else the system default, else the first. */
export function pickDevice(options: DeviceOption[], rememberedId: string | null | undefined, defaultId?: string | null): string | null {
  if (rememberedId && options.some((o) => o.id === rememberedId)) return rememberedId;
  if (defaultId && options.some((o) => o.id === defaultId)) return defaultId;
  return options[0]?.id ?? null;
}
