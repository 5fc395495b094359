// Process: renderer (pure). The join screen's device rules on the platform's own device list
// (enumerateDevices): which entries are devices, which one to use, what access the guest has, and
// how loud a microphone is. No DOM and no SDK: Node tests load this file.
import { pickDevice, type AccessState, type DeviceOption } from '../calling/model';

export type MediaKind = 'camera' | 'microphone' | 'speaker';

/** The kind of an enumerateDevices() entry. */
export const KIND_OF: Readonly<Record<MediaDeviceKind, MediaKind>> = { videoinput: 'camera', audioinput: 'microphone', audiooutput: 'speaker' };

/** A device as enumerateDevices() lists it (the fields we read). */
export interface PlatformDevice {
  kind: MediaDeviceKind;
  deviceId: string;
  label: string;
  groupId: string;
}

export interface DeviceLists {
  cameras: DeviceOption[];
  microphones: DeviceOption[];
  speakers: DeviceOption[];
}

/**
 * The lists the pickers show. Without access, Chromium lists one placeholder per kind with an
 * empty id (measured); those are not devices. Chromium's 'default' (and Windows' 'communications')
 * entries are kept: they follow the OS's choice, as the SDK's lists did.
 */
export function deviceLists(devices: readonly PlatformDevice[]): DeviceLists {
  const of = (kind: MediaDeviceKind) => devices.filter((d) => d.kind === kind && d.deviceId !== '').map((d) => ({ id: d.deviceId, name: d.label }));
  return { cameras: of('videoinput'), microphones: of('audioinput'), speakers: of('audiooutput') };
}

/**
 * A remembered id as the platform names the device. Before the preview ran on platform APIs the
 * settings held the SDK's ids, which are the platform's with a kind prefix ("microphone:<id>").
 */
export function platformIdOf(rememberedId: string | null | undefined): string {
  return (rememberedId ?? '').replace(/^(camera|microphone|speaker):/, '');
}

/** The remembered device when it is there, else the one in use, else the system default, else the first. */
export function chooseDevice(list: DeviceOption[], wantedId: string, currentId: string | null): string | null {
  const present = (id: string | null) => !!id && list.some((o) => o.id === id);
  const defaultId = list.some((o) => o.id === 'default') ? 'default' : null;
  return pickDevice(list, present(wantedId) ? wantedId : present(currentId) ? currentId : null, defaultId);
}

/**
 * Access from getUserMedia's outcome. Refused by the browser or the OS ('NotAllowedError') is
 * 'denied'; no such device ('NotFoundError', 'OverconstrainedError') is 'missing'; a device that
 * is there but cannot be opened (in use elsewhere: 'NotReadableError') counts as 'denied' so the
 * guest gets the help to free it. Granted with nothing listed is 'missing'. `outcome` is 'granted'
 * or the error's name.
 */
export function accessOf(outcome: string, listed: number): AccessState {
  if (outcome === 'granted') return listed > 0 ? 'granted' : 'missing';
  if (outcome === 'NotAllowedError' || outcome === 'SecurityError') return 'denied';
  if (outcome === 'NotFoundError' || outcome === 'OverconstrainedError') return 'missing';
  return listed > 0 ? 'denied' : 'missing';
}

/**
 * A microphone level on the SDK's old 0-100 scale from time-domain samples in [-1, 1]: the RMS,
 * scaled so that a full-scale sine reads 100 (speech is roughly 10-40).
 */
export function levelOf(samples: ArrayLike<number>): number {
  if (samples.length === 0) return 0;
  let sum = 0;
  for (let i = 0; i < samples.length; i++) sum += samples[i] * samples[i];
  return Math.min(100, Math.sqrt(sum / samples.length) * Math.SQRT2 * 100);
}

/** The output id for setSinkId: '' (the system's output) for Chromium's 'default' and for none. */
export function sinkIdOf(speakerId: string | null | undefined): string {
  const id = platformIdOf(speakerId);
  return id === 'default' ? '' : id;
}
