// Process: renderer (pure). The SDK's own device for a device the guest chose on the join screen,
// where devices come from the platform (enumerateDevices). No SDK import: Node tests load this.
//
// Measured (SDK 2.0, Chromium 156): the DeviceManager names each device by its kind and the
// platform's id, "camera:" / "microphone:" / "speaker:" + MediaDeviceInfo.deviceId, in the same
// origin (so the same hashed id), and by the same label. The id is tried first; the label covers a
// device whose id differs (another origin's hashing, an SDK that names devices otherwise).

export type DeviceKind = 'camera' | 'microphone' | 'speaker';

/** A device as the join screen chose it: the platform's id and label. */
export interface ChosenDevice {
  id: string;
  name: string;
}

export type ChosenDevices = Partial<Record<DeviceKind, ChosenDevice>>;

export function sdkIdOf(kind: DeviceKind, platformId: string): string {
  return `${kind}:${platformId}`;
}

/** The SDK's entry for `chosen`: its own id, the platform id with the kind prefix, or the same label. */
export function findSdkDevice<T extends { id: string; name: string }>(kind: DeviceKind, list: readonly T[], chosen: ChosenDevice | null | undefined): T | undefined {
  if (!chosen || (!chosen.id && !chosen.name)) return undefined;
  const byId = chosen.id ? list.find((d) => d.id === chosen.id || d.id === sdkIdOf(kind, chosen.id)) : undefined;
  if (byId) return byId;
  const sameName = chosen.name ? list.filter((d) => d.name === chosen.name) : [];
  // Two devices with one label (two identical webcams) cannot be told apart by it: take neither.
  return sameName.length === 1 ? sameName[0] : undefined;
}
