// The join screen's device rules on the platform's lists (renderer/media/device-choice.ts) and the
// mapping of the chosen devices to the SDK's own (renderer/calling/device-ids.ts), in Node.
import { describe, expect, it } from 'vitest';
import { findSdkDevice, sdkIdOf } from '../../../renderer/calling/device-ids';
import { accessOf, chooseDevice, deviceLists, levelOf, platformIdOf, type PlatformDevice } from '../../../renderer/media/device-choice';

const device = (kind: MediaDeviceKind, deviceId: string, label: string): PlatformDevice => ({ kind, deviceId, label, groupId: `g-${deviceId}` });

describe('platform device lists', () => {
  it('lists real devices by kind and leaves out the placeholders listed before access', () => {
    const lists = deviceLists([
      device('audioinput', 'default', 'Default - Headset'),
      device('audioinput', 'mic1', 'Headset'),
      device('videoinput', 'cam1', 'Webcam'),
      device('audiooutput', '', ''),
      device('videoinput', '', ''),
    ]);
    expect(lists.microphones).toEqual([
      { id: 'default', name: 'Default - Headset' },
      { id: 'mic1', name: 'Headset' },
    ]);
    expect(lists.cameras).toEqual([{ id: 'cam1', name: 'Webcam' }]);
    expect(lists.speakers).toEqual([]);
  });

  it('prefers the remembered device, then the one in use, then the system default, then the first', () => {
    const list = [
      { id: 'a', name: 'A' },
      { id: 'default', name: 'Default' },
      { id: 'b', name: 'B' },
    ];
    expect(chooseDevice(list, 'b', 'a')).toBe('b');
    expect(chooseDevice(list, 'gone', 'a')).toBe('a');
    expect(chooseDevice(list, 'gone', 'gone-too')).toBe('default');
    expect(chooseDevice(list.filter((d) => d.id !== 'default'), '', null)).toBe('a');
    expect(chooseDevice([], 'b', 'b')).toBeNull();
  });

  it('reads ids remembered in the SDK form of older versions as platform ids', () => {
    expect(platformIdOf('microphone:abc')).toBe('abc');
    expect(platformIdOf('camera:abc')).toBe('abc');
    expect(platformIdOf('abc')).toBe('abc');
    expect(platformIdOf(null)).toBe('');
  });

  it("turns getUserMedia's outcome into access", () => {
    expect(accessOf('granted', 2)).toBe('granted');
    expect(accessOf('granted', 0)).toBe('missing');
    expect(accessOf('NotAllowedError', 0)).toBe('denied');
    expect(accessOf('NotFoundError', 0)).toBe('missing');
    expect(accessOf('OverconstrainedError', 1)).toBe('missing');
    // Listed but cannot be opened (in use by another app): the help to free it.
    expect(accessOf('NotReadableError', 1)).toBe('denied');
    expect(accessOf('NotReadableError', 0)).toBe('missing');
  });

  it('measures a level of 0-100 where a full-scale sine is 100 and silence 0', () => {
    const sine = Array.from({ length: 1024 }, (_, i) => Math.sin((2 * Math.PI * i) / 64));
    expect(levelOf(sine)).toBeCloseTo(100, 0);
    expect(levelOf(sine.map((v) => v / 10))).toBeCloseTo(10, 0);
    expect(levelOf(new Float32Array(512))).toBe(0);
    expect(levelOf([])).toBe(0);
    expect(levelOf(sine.map((v) => v * 4))).toBe(100);
  });
});

describe('the SDK device for a device chosen on the join screen', () => {
  const sdkMicrophones = [
    { id: 'microphone:default', name: 'Default - Headset' },
    { id: 'microphone:mic1', name: 'Headset' },
    { id: 'microphone:mic2', name: 'USB Mic' },
  ];

  it('finds it by the platform id with the kind prefix (what SDK 2.0 reports), then by its own id', () => {
    expect(sdkIdOf('camera', 'cam1')).toBe('camera:cam1');
    expect(findSdkDevice('microphone', sdkMicrophones, { id: 'mic1', name: 'renamed' })?.id).toBe('microphone:mic1');
    expect(findSdkDevice('microphone', sdkMicrophones, { id: 'microphone:mic2', name: '' })?.id).toBe('microphone:mic2');
    expect(findSdkDevice('microphone', sdkMicrophones, { id: 'default', name: 'Default - Headset' })?.id).toBe('microphone:default');
  });

  it('falls back to the label when the ids differ, but never guesses between two devices of one label', () => {
    expect(findSdkDevice('microphone', sdkMicrophones, { id: 'other-hash', name: 'USB Mic' })?.id).toBe('microphone:mic2');
    // A device the platform listed without an id (before access) is still found by its label.
    expect(findSdkDevice('microphone', sdkMicrophones, { id: '', name: 'USB Mic' })?.id).toBe('microphone:mic2');
    // An id that is not listed and no label: nothing to go by.
    expect(findSdkDevice('microphone', sdkMicrophones, { id: 'gone', name: '' })).toBeUndefined();
    const twins = [
      { id: 'camera:x', name: 'Webcam' },
      { id: 'camera:y', name: 'Webcam' },
    ];
    expect(findSdkDevice('camera', twins, { id: 'z', name: 'Webcam' })).toBeUndefined();
    expect(findSdkDevice('camera', twins, { id: 'y', name: 'Webcam' })?.id).toBe('camera:y');
    expect(findSdkDevice('camera', twins, undefined)).toBeUndefined();
    expect(findSdkDevice('camera', twins, { id: '', name: '' })).toBeUndefined();
  });
});
