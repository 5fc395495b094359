// The meeting's devices (renderer/calling/devices.ts) in Node, through a DeviceManager shaped as the
// SDK's (test/support/scripted-meeting/node-devices.ts): which camera, microphone and speaker the
// call uses for what the guest chose on the join screen, what the SDK is told to select, hot-plug,
// and whether the guest is told a device is missing or blocked.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AudioDeviceInfo, DeviceManager, VideoDeviceInfo } from '@azure/communication-calling';
import { DeviceService } from '../../../renderer/calling/devices';
import { CAMERAS, MICROPHONES, NodeDeviceManager, SPEAKERS } from '../../support/scripted-meeting/node-devices';

/** A device manager whose lists a test changes, as plugging and unplugging does; it says so with the SDK's events. */
class PluggableManager extends NodeDeviceManager {
  cameras: VideoDeviceInfo[] = [...CAMERAS];
  microphones: AudioDeviceInfo[] = [...MICROPHONES];
  speakers: AudioDeviceInfo[] = [...SPEAKERS];
  permission = { audio: true, video: true };
  readonly asked: Array<{ audio: boolean; video: boolean }> = [];
  readonly selections: string[] = [];
  speakerListReads = 0;
  override getCameras = async () => this.cameras;
  override getMicrophones = async () => this.microphones;
  override getSpeakers = async () => {
    this.speakerListReads++;
    return this.speakers;
  };
  override askDevicePermission = async (constraints?: { audio: boolean; video: boolean }) => {
    this.asked.push(constraints ?? { audio: false, video: false });
    return this.permission;
  };
  override async selectMicrophone(device: AudioDeviceInfo): Promise<void> {
    this.selections.push(device.id);
    await super.selectMicrophone(device);
  }
  override async selectSpeaker(device: AudioDeviceInfo): Promise<void> {
    this.selections.push(device.id);
    await super.selectSpeaker(device);
  }
  plug(kind: 'video' | 'audio'): void {
    this.emit(kind === 'video' ? 'videoDevicesUpdated' : 'audioDevicesUpdated', { added: [], removed: [] });
  }
  override emit(event: string, ...args: unknown[]): void {
    super.emit(event, ...args);
  }
  /** The OS (or the SDK) changed the selected microphone by itself. */
  systemSelects(device: AudioDeviceInfo): void {
    this.selectedMicrophone = device;
    this.emit('selectedMicrophoneChanged');
  }
}

function service(setup?: (manager: PluggableManager) => void) {
  const manager = new PluggableManager();
  setup?.(manager);
  return { manager, devices: new DeviceService(manager as unknown as DeviceManager) };
}

/** Waits until the service has read the lists again after an SDK event (without asking it to). */
function settled(devices: DeviceService, done: (state: ReturnType<DeviceService['state']['get']>) => boolean): Promise<void> {
  return new Promise((resolve) => {
    if (done(devices.state.get())) return resolve();
    const off = devices.state.subscribe((state) => {
      if (!done(state)) return;
      off();
      resolve();
    });
  });
}

const permissions = (answers: Partial<Record<'camera' | 'microphone', PermissionState>>) =>
  vi.stubGlobal('navigator', { permissions: { query: async ({ name }: { name: 'camera' | 'microphone' }) => ({ state: answers[name] ?? 'prompt' }) } });

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the devices the guest chose on the join screen', () => {
  it('are the ones the call uses, found by platform id or by label, and the SDK selects them', async () => {
    const { manager, devices } = service();
    const state = await devices.adopt(
      // The camera by the platform's id, the microphone by its label only (another origin's id).
      { camera: { id: 'desk', name: 'Desk camera' }, microphone: { id: 'hashed-elsewhere', name: 'Headset microphone' }, speaker: { id: 'headset', name: 'Headset' } },
      { camera: 'granted', microphone: 'granted' },
    );
    expect(state).toMatchObject({ cameraId: 'camera:desk', microphoneId: 'microphone:headset', speakerId: 'speaker:headset', cameraAccess: 'granted', microphoneAccess: 'granted' });
    expect(state.cameras).toEqual([
      { id: 'camera:front', name: 'Front camera' },
      { id: 'camera:desk', name: 'Desk camera' },
    ]);
    expect(state.speakerSelectionAvailable).toBe(true);
    expect(devices.camera()?.name).toBe('Desk camera');
    expect(devices.microphone()?.name).toBe('Headset microphone');
    // What the SDK itself will use for the call.
    expect(manager.selections).toEqual(['microphone:headset', 'speaker:headset']);
    expect(devices.selectedMicrophoneId).toBe('microphone:headset');
    expect(devices.state.get()).toMatchObject({ sdkMicrophoneId: 'microphone:headset', sdkSpeakerId: 'speaker:headset' });
    // adopt() takes the join screen's answer: no second permission prompt.
    expect(manager.asked).toEqual([]);
  });

  it('without a choice: the system default microphone and speaker, and the first camera', async () => {
    const { manager, devices } = service();
    const state = await devices.adopt({}, { camera: 'granted', microphone: 'granted' });
    expect(state).toMatchObject({ cameraId: 'camera:front', microphoneId: 'microphone:built-in', speakerId: 'speaker:built-in' });
    expect(manager.selections).toEqual(['microphone:built-in', 'speaker:built-in']);
  });

  it('the system default microphone is used even when it is not the first listed', async () => {
    const { devices } = service((m) => {
      m.microphones = [
        { ...MICROPHONES[1], isSystemDefault: false },
        { ...MICROPHONES[0], isSystemDefault: true },
      ];
      m.speakers = [
        { ...SPEAKERS[1], isSystemDefault: false },
        { ...SPEAKERS[0], isSystemDefault: true },
      ];
    });
    const state = await devices.adopt({}, { camera: 'granted', microphone: 'granted' });
    expect(state).toMatchObject({ microphoneId: 'microphone:built-in', speakerId: 'speaker:built-in' });
  });

  it('two identical webcams cannot be told apart by label: neither is guessed', async () => {
    const { devices } = service((m) => {
      m.cameras = [
        CAMERAS[0],
        { id: 'camera:a', name: 'Webcam', deviceType: 'UsbCamera' },
        { id: 'camera:b', name: 'Webcam', deviceType: 'UsbCamera' },
      ];
    });
    const state = await devices.adopt({ camera: { id: 'elsewhere', name: 'Webcam' } }, { camera: 'granted', microphone: 'granted' });
    expect(state.cameraId).toBe('camera:front');
  });

  it('the SDK already using the chosen microphone is not asked to select it again', async () => {
    const { manager, devices } = service((m) => (m.selectedMicrophone = MICROPHONES[1]));
    await devices.adopt({ microphone: { id: 'headset', name: 'Headset microphone' } }, { camera: 'granted', microphone: 'granted' });
    expect(manager.selections).toEqual(['speaker:built-in']);
  });

  it('a failing selection in the SDK leaves the state on what the SDK really uses', async () => {
    const { manager, devices } = service((m) => (m.selectedMicrophone = MICROPHONES[0]));
    manager.selectMicrophone = async () => {
      throw new Error('device busy');
    };
    const state = await devices.adopt({ microphone: { id: 'headset', name: 'Headset microphone' } }, { camera: 'granted', microphone: 'granted' });
    expect(state.microphoneId).toBe('microphone:headset');
    expect(devices.state.get().sdkMicrophoneId).toBe('microphone:built-in');
  });
});

describe('plugging and unplugging during the meeting', () => {
  it('the chosen camera is used whenever it is plugged in, and another one meanwhile', async () => {
    const { manager, devices } = service((m) => (m.cameras = [CAMERAS[0]]));
    await devices.adopt({ camera: { id: 'desk', name: 'Desk camera' } }, { camera: 'granted', microphone: 'granted' });
    expect(devices.state.get().cameraId).toBe('camera:front');
    manager.cameras = [...CAMERAS];
    manager.plug('video');
    await settled(devices, (state) => state.cameras.length === 2);
    expect(devices.state.get().cameraId).toBe('camera:desk');
    manager.cameras = [CAMERAS[0]];
    manager.plug('video');
    await settled(devices, (state) => state.cameras.length === 1);
    expect(devices.state.get().cameraId).toBe('camera:front');
  });

  it('the device in use stays when another is plugged in', async () => {
    const { manager, devices } = service((m) => (m.microphones = [MICROPHONES[1]]));
    await devices.adopt({}, { camera: 'granted', microphone: 'granted' });
    expect(devices.state.get().microphoneId).toBe('microphone:headset');
    // The system default appears: the headset the call uses stays.
    manager.microphones = [...MICROPHONES];
    manager.plug('audio');
    await settled(devices, (state) => state.microphones.length === 2);
    expect(devices.state.get().microphoneId).toBe('microphone:headset');
  });

  it('no camera: "missing", then usable as soon as one is plugged in; unplugged, missing again', async () => {
    const { manager, devices } = service((m) => (m.cameras = []));
    const state = await devices.adopt({}, { camera: 'granted', microphone: 'granted' });
    expect(state).toMatchObject({ cameraAccess: 'missing', cameraId: null, microphoneAccess: 'granted' });
    expect(devices.camera()).toBeUndefined();
    manager.cameras = [CAMERAS[1]];
    manager.plug('video');
    await settled(devices, (state) => state.cameras.length === 1);
    expect(devices.state.get()).toMatchObject({ cameraAccess: 'granted', cameraId: 'camera:desk' });
    manager.cameras = [];
    manager.plug('video');
    await settled(devices, (state) => state.cameras.length === 0);
    expect(devices.state.get()).toMatchObject({ cameraAccess: 'missing', cameraId: null });
  });

  it('no microphone: "missing", then usable once one is plugged in', async () => {
    const { manager, devices } = service((m) => (m.microphones = []));
    await devices.adopt({}, { camera: 'granted', microphone: 'granted' });
    expect(devices.state.get()).toMatchObject({ microphoneAccess: 'missing', microphoneId: null, cameraAccess: 'granted' });
    manager.microphones = [MICROPHONES[1]];
    manager.plug('audio');
    await settled(devices, (state) => state.microphones.length === 1);
    expect(devices.state.get()).toMatchObject({ microphoneAccess: 'granted', microphoneId: 'microphone:headset' });
  });

  it('a blocked camera stays blocked when devices change', async () => {
    const { manager, devices } = service();
    await devices.adopt({}, { camera: 'denied', microphone: 'granted' });
    manager.cameras = [CAMERAS[0]];
    manager.plug('video');
    await settled(devices, (state) => state.cameras.length === 1);
    expect(devices.state.get().cameraAccess).toBe('denied');
  });

  it('the placeholders listed before access ("camera:" with no id) are not devices', async () => {
    const { devices } = service((m) => {
      m.cameras = [{ id: 'camera:', name: '', deviceType: 'UsbCamera' }];
      m.microphones = [{ id: '', name: '', deviceType: 'Microphone', isSystemDefault: true }, MICROPHONES[1]];
      m.speakers = [{ id: 'speaker:', name: '', deviceType: 'Speaker', isSystemDefault: true }];
      m.selectedSpeaker = { id: 'speaker:', name: '', deviceType: 'Speaker', isSystemDefault: true };
    });
    const state = await devices.adopt({}, { camera: 'granted', microphone: 'granted' });
    expect(state).toMatchObject({ cameras: [], cameraAccess: 'missing', microphones: [{ id: 'microphone:headset', name: 'Headset microphone' }], speakers: [] });
    // The SDK's own selection of a placeholder is not reported as a device either.
    expect(devices.state.get()).toMatchObject({ sdkSpeakerId: null, sdkMicrophoneId: 'microphone:headset' });
  });

  it('a device list the SDK cannot read is empty, not an error', async () => {
    const { devices } = service((m) => {
      m.getCameras = async () => {
        throw new Error('no access');
      };
      m.getSpeakers = async () => {
        throw new Error('no access');
      };
    });
    const state = await devices.adopt({}, { camera: 'granted', microphone: 'granted' });
    expect(state).toMatchObject({ cameras: [], speakers: [], microphoneId: 'microphone:built-in', cameraAccess: 'missing' });
    expect(await devices.cameraFor({ id: 'desk', name: 'Desk camera' })).toBeUndefined();
  });

  it('where the platform cannot choose a speaker, none is listed or selected', async () => {
    const { manager, devices } = service((m) => (m.isSpeakerSelectionAvailable = false));
    const state = await devices.adopt({}, { camera: 'granted', microphone: 'granted' });
    expect(state).toMatchObject({ speakers: [], speakerId: null, speakerSelectionAvailable: false });
    expect(manager.speakerListReads).toBe(0);
  });
});

describe('choosing in the meeting', () => {
  it('a microphone and a speaker the SDK then selects; an unknown id changes nothing', async () => {
    const { manager, devices } = service();
    await devices.adopt({}, { camera: 'granted', microphone: 'granted' });
    manager.selections.length = 0;
    await devices.selectMicrophone('microphone:headset');
    await devices.selectSpeaker('speaker:headset');
    expect(manager.selections).toEqual(['microphone:headset', 'speaker:headset']);
    expect(devices.state.get()).toMatchObject({ microphoneId: 'microphone:headset', speakerId: 'speaker:headset', sdkMicrophoneId: 'microphone:headset', sdkSpeakerId: 'speaker:headset' });
    await devices.selectMicrophone('microphone:gone');
    await devices.selectSpeaker('speaker:gone');
    devices.selectCamera('camera:gone');
    expect(manager.selections).toHaveLength(2);
    expect(devices.state.get()).toMatchObject({ microphoneId: 'microphone:headset', speakerId: 'speaker:headset', cameraId: 'camera:front' });
  });

  it('a camera chosen in the meeting is kept when devices change', async () => {
    const { manager, devices } = service();
    await devices.adopt({ camera: { id: 'front', name: 'Front camera' } }, { camera: 'granted', microphone: 'granted' });
    devices.selectCamera('camera:desk');
    expect(devices.state.get().cameraId).toBe('camera:desk');
    expect(devices.camera()?.id).toBe('camera:desk');
    expect(devices.camera('camera:front')?.id).toBe('camera:front');
    manager.cameras = [...CAMERAS, { id: 'camera:usb', name: 'USB camera', deviceType: 'UsbCamera' }];
    manager.plug('video');
    await settled(devices, (state) => state.cameras.length === 3);
    expect(devices.state.get().cameraId).toBe('camera:desk');
  });

  it('the SDK changing its microphone by itself shows in the state', async () => {
    const { manager, devices } = service();
    await devices.adopt({}, { camera: 'granted', microphone: 'granted' });
    manager.systemSelects(MICROPHONES[1]);
    expect(devices.state.get().sdkMicrophoneId).toBe('microphone:headset');
    // The OS changed the speaker too: shown, then the guest's is selected again after a device change.
    manager.selectedSpeaker = SPEAKERS[1];
    manager.emit('selectedSpeakerChanged');
    expect(devices.state.get().sdkSpeakerId).toBe('speaker:headset');
    manager.speakers = [...SPEAKERS, { id: 'speaker:usb', name: 'USB speaker', deviceType: 'Speaker', isSystemDefault: false }];
    manager.plug('audio');
    await settled(devices, (state) => state.speakers.length === 3 && state.sdkSpeakerId === 'speaker:built-in');
  });

  it('the join screen’s effects preview finds its camera in the SDK’s list without changing the meeting’s', async () => {
    const { devices } = service();
    await devices.adopt({}, { camera: 'granted', microphone: 'granted' });
    expect((await devices.cameraFor({ id: 'desk', name: 'Desk camera' }))?.id).toBe('camera:desk');
    expect(devices.state.get().cameraId).toBe('camera:front');
  });
});

describe('asking for access (no answer from the join screen)', () => {
  it('asks the SDK for both, then lists devices; granted with devices is granted', async () => {
    const { manager, devices } = service();
    const state = await devices.requestAccess({ camera: { id: 'desk', name: 'Desk camera' } });
    expect(manager.asked).toEqual([{ audio: true, video: true }]);
    expect(state).toMatchObject({ cameraAccess: 'granted', microphoneAccess: 'granted', cameraId: 'camera:desk' });
  });

  it('a refused camera with cameras listed is "denied"; the microphone granted still works', async () => {
    permissions({ camera: 'prompt', microphone: 'granted' });
    const { devices } = service((m) => (m.permission = { audio: true, video: false }));
    const state = await devices.requestAccess();
    expect(state).toMatchObject({ cameraAccess: 'denied', microphoneAccess: 'granted' });
  });

  it('refused with no device listed is "missing", unless the browser blocked it', async () => {
    permissions({ camera: 'denied', microphone: 'prompt' });
    const { devices } = service((m) => {
      m.permission = { audio: false, video: false };
      m.cameras = [];
      m.microphones = [];
    });
    const state = await devices.requestAccess();
    expect(state).toMatchObject({ cameraAccess: 'denied', microphoneAccess: 'missing' });
  });

  it('granted with no device listed is "missing"', async () => {
    const { devices } = service((m) => {
      m.cameras = [];
      m.microphones = [];
    });
    const state = await devices.requestAccess();
    expect(state).toMatchObject({ cameraAccess: 'missing', microphoneAccess: 'missing' });
  });

  it('a prompt that fails counts as refused, and the browser not saying counts as "prompt"', async () => {
    // Node has no navigator.permissions: the query throws, which the service reads as "prompt".
    const { devices } = service((m) => {
      m.askDevicePermission = async () => {
        throw new Error('NotAllowedError');
      };
      m.cameras = [];
    });
    const state = await devices.requestAccess();
    expect(state).toMatchObject({ cameraAccess: 'missing', microphoneAccess: 'denied' });
  });

  it('asking again keeps the earlier choice and adds the new one', async () => {
    const { devices } = service();
    await devices.requestAccess({ camera: { id: 'desk', name: 'Desk camera' } });
    const state = await devices.requestAccess({ microphone: { id: 'headset', name: 'Headset microphone' } });
    expect(state).toMatchObject({ cameraId: 'camera:desk', microphoneId: 'microphone:headset' });
  });
});

describe('more of the mapping', () => {
  it('a microphone and a camera chosen by platform id whose label differs here', async () => {
    const { devices } = service();
    const state = await devices.adopt({ microphone: { id: 'headset', name: 'Renamed headset' }, camera: { id: 'desk', name: 'Renamed camera' } }, { camera: 'granted', microphone: 'granted' });
    expect(state).toMatchObject({ microphoneId: 'microphone:headset', cameraId: 'camera:desk' });
    expect((await devices.cameraFor({ id: 'desk', name: 'Renamed camera' }))?.id).toBe('camera:desk');
  });

  it('a blocked microphone or camera with none listed stays blocked', async () => {
    const { devices } = service((m) => {
      m.microphones = [];
      m.cameras = [];
    });
    const state = await devices.adopt({}, { camera: 'denied', microphone: 'denied' });
    expect(state).toMatchObject({ microphoneAccess: 'denied', cameraAccess: 'denied' });
  });

  it('a microphone list the SDK cannot read is empty', async () => {
    const { devices } = service((m) => {
      m.getMicrophones = async () => {
        throw new Error('no access');
      };
    });
    const state = await devices.adopt({}, { camera: 'granted', microphone: 'granted' });
    expect(state).toMatchObject({ microphones: [], microphoneId: null, microphoneAccess: 'missing' });
  });

  it('before anything is selected, the SDK\'s microphone is none', () => {
    const { devices } = service();
    expect(devices.selectedMicrophoneId).toBeNull();
  });
});
