// The background effect and noise suppression of one meeting, in Node: the real EffectsController
// with typed stand-ins of the SDK's VideoEffectsFeature and AudioEffectsFeature on the streams it is
// handed, and of the effects package (which needs a browser). What the guest chose is remembered,
// put on whichever camera stream the session has (or asked for: a camera opened by device), the
// picture the guest picked or the organization's is what the SDK is given, failures are said, and
// dispose leaves no listener behind.
import type { LocalAudioStream, LocalVideoStream } from '@azure/communication-calling';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BackgroundEffectSetting, BackgroundImageReply } from '../../../common/ipc-contract';
import { EffectsController, type EffectsHooks, type EffectsOptions } from '../../../renderer/calling/effects-controller';
import { Features } from '../../support/scripted-meeting/node-sdk';
import { StandInAudioEffects, StandInVideoEffects } from '../features/effects-stand-ins';

vi.mock('@azure/communication-calling', () => import('../../support/scripted-meeting/node-sdk'));
const load = vi.hoisted(() => ({ backgroundFails: null as Error | null, loads: 0, gate: null as Promise<void> | null }));
vi.mock('../../../renderer/calling/effects-package', async () => {
  const standIns = await import('../features/effects-stand-ins');
  return {
    loadBackgroundEffects: async () => {
      load.loads++;
      // A package still on its way (the first load of the chunk takes a while).
      if (load.gate) await load.gate;
      if (load.backgroundFails) throw load.backgroundFails;
      return standIns.backgroundEffectsPackage;
    },
    loadNoiseSuppression: async () => standIns.noiseSuppressionPackage,
  };
});

/** A camera stream as the session hands it: its VideoEffects feature is the stand-in. */
function cameraStream() {
  const effects = new StandInVideoEffects();
  const replaced: string[] = [];
  const startEffects = effects.startEffects.bind(effects);
  effects.startEffects = (effect) => {
    const url = (effect as unknown as { options?: { backgroundImageUrl: string } }).options?.backgroundImageUrl;
    if (url) replaced.push(url);
    return startEffects(effect);
  };
  const stream = { feature: (key: unknown) => (key === Features.VideoEffects ? effects : null) } as unknown as LocalVideoStream;
  return { stream, effects, replaced };
}

function microphoneStream() {
  const effects = new StandInAudioEffects();
  const stream = { feature: (key: unknown) => (key === Features.AudioEffects ? effects : null) } as unknown as LocalAudioStream;
  return { stream, effects };
}

const IMAGE: BackgroundImageReply = { ok: true, image: { bytes: new Uint8Array([137, 80, 78, 71]), type: 'image/png' } };

function setUp(background: BackgroundEffectSetting = 'none', extra: Partial<EffectsOptions> = {}) {
  const saved: Array<Record<string, unknown>> = [];
  const logs: string[] = [];
  const device = new Set<LocalVideoStream>();
  const probe = cameraStream();
  const hooks: EffectsHooks & { needed: number } = {
    needed: 0,
    log: (line) => logs.push(line),
    needDeviceStream: async () => {
      hooks.needed++;
    },
    isDeviceStream: (stream) => device.has(stream),
    probeStream: () => probe.stream,
  };
  const options: EffectsOptions = {
    background,
    noiseSuppression: false,
    brandBackgrounds: [{ id: 'sea', label: 'Sea', url: 'backgrounds/sea.jpg' }],
    chooseImage: async () => IMAGE,
    savedImage: async () => ({ ok: false, error: 'missing' }),
    save: (patch) => saved.push(patch),
    ...extra,
  };
  const controller = new EffectsController(options, hooks);
  /** A camera stream opened by device (effects can run on it). */
  const deviceCamera = () => {
    const camera = cameraStream();
    device.add(camera.stream);
    return camera;
  };
  return { controller, hooks, saved, logs, probe, deviceCamera, state: () => controller.state.get() };
}

/** Lets the controller's queue run (each step is a resolved promise). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Holds the effects package's load until the returned function is called. */
function holdPackage(): () => void {
  let release: () => void = () => undefined;
  load.gate = new Promise<void>((resolve) => (release = resolve));
  return () => {
    load.gate = null;
    release();
  };
}

beforeEach(() => {
  load.backgroundFails = null;
  load.loads = 0;
  load.gate = null;
  vi.stubGlobal('location', { href: 'https://doorway.example/app/index.html' });
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the effects controller', () => {
  it('puts a remembered blur on the camera stream it is handed, and says it runs', async () => {
    const { controller, deviceCamera, state } = setUp('blur');
    expect(controller.wantsVideoEffect()).toBe(true);
    expect(controller.settled()).toBe(false);
    const camera = deviceCamera();
    controller.setVideoStream(camera.stream);
    await settle();
    expect(camera.effects.activeEffects).toEqual(['BackgroundBlur']);
    expect(state().video).toBe('on');
    expect(controller.settled()).toBe(true);
    // The same stream again changes nothing.
    controller.setVideoStream(camera.stream);
    await settle();
    expect(camera.effects.listenerCount()).toBe(3);
  });

  it('loads nothing and starts nothing while no effect is wanted', async () => {
    const { controller, deviceCamera, state } = setUp('none');
    expect(controller.wantsVideoEffect()).toBe(false);
    expect(controller.settled()).toBe(true);
    const camera = deviceCamera();
    controller.setVideoStream(camera.stream);
    await settle();
    expect(load.loads).toBe(0);
    expect(camera.effects.listenerCount()).toBe(0);
    expect(state().video).toBe('off');
  });

  it('asks the session for a camera opened by device when an effect is chosen without one', async () => {
    const { controller, hooks, saved, state } = setUp('none');
    await controller.choose('blur');
    expect(hooks.needed).toBe(1);
    expect(state().background).toBe('blur');
    expect(saved).toEqual([{ backgroundEffect: 'blur' }]);
    // The join screen's stream (not by device) cannot carry effects either.
    controller.setVideoStream(cameraStream().stream);
    await controller.choose('blur');
    expect(hooks.needed).toBe(2);
  });

  it('switches the effect on the running camera, and None stops it', async () => {
    const { controller, deviceCamera, state, saved } = setUp('blur');
    const camera = deviceCamera();
    controller.setVideoStream(camera.stream);
    await settle();
    await controller.choose('brand:sea');
    expect(camera.replaced).toEqual(['https://doorway.example/app/backgrounds/sea.jpg']);
    expect(camera.effects.activeEffects).toEqual(['BackgroundReplacement']);
    await controller.choose('none');
    expect(camera.effects.activeEffects).toEqual([]);
    expect(state()).toMatchObject({ background: 'none', video: 'off' });
    expect(saved).toEqual([{ backgroundEffect: 'brand:sea' }, { backgroundEffect: 'none' }]);
  });

  it('stops the effect for a brand background the organization no longer has', async () => {
    const { controller, deviceCamera } = setUp('blur');
    const camera = deviceCamera();
    controller.setVideoStream(camera.stream);
    await settle();
    await controller.choose('brand:gone');
    expect(camera.effects.activeEffects).toEqual([]);
  });

  it('uses the guest’s own picture as a blob: URL, and says why a picture was refused', async () => {
    const replies: BackgroundImageReply[] = [{ ok: false, error: 'cancelled' }, { ok: false, error: 'tooLarge' }, IMAGE];
    const { controller, deviceCamera, state } = setUp('none', { chooseImage: async () => replies.shift()! });
    const camera = deviceCamera();
    controller.setVideoStream(camera.stream);
    await controller.chooseOwnImage();
    expect(state()).toMatchObject({ background: 'none', imageError: null, customImage: false });
    await controller.chooseOwnImage();
    expect(state()).toMatchObject({ background: 'none', imageError: 'tooLarge' });
    await controller.chooseOwnImage();
    expect(state()).toMatchObject({ background: 'custom', imageError: null, customImage: true, video: 'on' });
    expect(camera.replaced).toHaveLength(1);
    expect(camera.replaced[0]).toMatch(/^blob:/);
  });

  it('takes a remembered picture from the earlier run, or says it is missing and runs no effect', async () => {
    const remembered = setUp('custom', { savedImage: async () => IMAGE });
    const camera = remembered.deviceCamera();
    remembered.controller.setVideoStream(camera.stream);
    await settle();
    expect(camera.replaced[0]).toMatch(/^blob:/);
    expect(remembered.state().customImage).toBe(true);

    const missing = setUp('custom');
    const other = missing.deviceCamera();
    missing.controller.setVideoStream(other.stream);
    await settle();
    expect(other.effects.activeEffects).toEqual([]);
    expect(missing.state()).toMatchObject({ imageError: 'missing', customImage: false });
  });

  it('checks support when the picker opens: on the camera stream, or on a probe of the camera that it lets go', async () => {
    const withCamera = setUp('none');
    const camera = withCamera.deviceCamera();
    camera.effects.supported = false;
    withCamera.controller.setVideoStream(camera.stream);
    await withCamera.controller.open();
    expect(withCamera.state().video).toBe('unsupported');

    const noCamera = setUp('none');
    noCamera.probe.effects.supported = false;
    await noCamera.controller.open();
    expect(noCamera.state().video).toBe('unsupported');
    expect(noCamera.probe.effects.listenerCount()).toBe(0);
  });

  it('says so when the effects package cannot load', async () => {
    load.backgroundFails = new Error('chunk failed');
    const { controller, logs, state } = setUp('none');
    await controller.open();
    expect(state().video).toBe('failed');
    expect(logs).toEqual(['effects package failed to load: chunk failed']);
  });

  it('keeps a failure said when the camera goes, and says off otherwise', async () => {
    const { controller, deviceCamera, state } = setUp('blur');
    const camera = deviceCamera();
    controller.setVideoStream(camera.stream);
    await settle();
    controller.setVideoStream(null);
    expect(state().video).toBe('off');
    expect(camera.effects.listenerCount()).toBe(0);
    const broken = deviceCamera();
    controller.setVideoStream(broken.stream);
    await settle();
    broken.effects.emit('effectsError', { code: 500, message: 'GPU lost' });
    expect(state().video).toBe('failed');
    controller.setVideoStream(null);
    expect(state().video).toBe('failed');
  });

  it('logs and says failed when asking for a camera fails', async () => {
    const { controller, hooks, logs, state } = setUp('none');
    hooks.needDeviceStream = () => Promise.reject(new Error('camera busy'));
    await controller.choose('blur');
    expect(state().video).toBe('failed');
    expect(logs).toEqual(['effects: camera busy']);
  });

  it('puts noise suppression on the microphone stream when turned on in the meeting, and takes it off', async () => {
    const { controller, saved, state } = setUp('none');
    const microphone = microphoneStream();
    controller.setAudioStream(microphone.stream);
    await settle();
    expect(microphone.effects.started).toEqual([]);
    await controller.setNoiseSuppression(true);
    expect(saved).toEqual([{ noiseSuppression: true }]);
    expect(microphone.effects.activeEffects.noiseSuppression).toEqual(['DeepNoiseSuppression']);
    expect(state()).toMatchObject({ noiseSuppression: true, noise: 'deep' });
    await controller.setNoiseSuppression(false);
    expect(microphone.effects.activeEffects.noiseSuppression).toEqual([]);
    // A new microphone stream gets the choice too; the old one is let go.
    await controller.setNoiseSuppression(true);
    const next = microphoneStream();
    controller.setAudioStream(next.stream);
    await settle();
    expect(microphone.effects.listenerCount()).toBe(0);
    expect(next.effects.activeEffects.noiseSuppression).toEqual(['DeepNoiseSuppression']);
    controller.setAudioStream(null);
    expect(next.effects.listenerCount()).toBe(0);
  });

  it('uses the session’s hooks after a rebind (the join screen’s controller carried into the meeting)', async () => {
    const { controller } = setUp('none');
    let needed = 0;
    controller.rebind({ log: () => undefined, needDeviceStream: async () => void needed++, isDeviceStream: () => false, probeStream: () => null });
    await controller.choose('blur');
    expect(needed).toBe(1);
  });

  it('a camera switched while the package loads: the effect goes on the new stream only, and the old one is left alone', async () => {
    const { controller, deviceCamera, state } = setUp('blur');
    const release = holdPackage();
    const first = deviceCamera();
    const second = deviceCamera();
    controller.setVideoStream(first.stream);
    await settle();
    controller.setVideoStream(second.stream);
    release();
    await settle();
    expect(first.effects.listenerCount()).toBe(0);
    expect(first.effects.activeEffects).toEqual([]);
    expect(second.effects.activeEffects).toEqual(['BackgroundBlur']);
    expect(state().video).toBe('on');
  });

  it('a blur chosen while the package loads for a camera that is then turned off starts nothing on it', async () => {
    const { controller, deviceCamera, state } = setUp('none');
    const release = holdPackage();
    const camera = deviceCamera();
    controller.setVideoStream(camera.stream);
    const chosen = controller.choose('blur');
    await settle();
    controller.setVideoStream(null);
    release();
    await chosen;
    expect(camera.effects.listenerCount()).toBe(0);
    expect(camera.effects.activeEffects).toEqual([]);
    expect(state().video).toBe('off');
  });

  it('disposed while the package loads (the meeting ended): nothing is attached afterwards', async () => {
    const { controller, deviceCamera, state } = setUp('blur');
    const release = holdPackage();
    const camera = deviceCamera();
    controller.setVideoStream(camera.stream);
    await settle();
    const before = state();
    controller.dispose();
    release();
    await settle();
    expect(camera.effects.listenerCount()).toBe(0);
    expect(camera.effects.activeEffects).toEqual([]);
    expect(state()).toBe(before);
  });

  it('disposed while noise suppression loads: the microphone is left alone', async () => {
    const { controller } = setUp('none');
    const microphone = microphoneStream();
    controller.setAudioStream(microphone.stream);
    const turnedOn = controller.setNoiseSuppression(true);
    controller.dispose();
    await turnedOn;
    expect(microphone.effects.listenerCount()).toBe(0);
  });

  it('lets go of both streams on dispose and changes nothing afterwards', async () => {
    const { controller, deviceCamera, state } = setUp('blur');
    const camera = deviceCamera();
    const microphone = microphoneStream();
    controller.setVideoStream(camera.stream);
    await controller.setNoiseSuppression(true);
    controller.setAudioStream(microphone.stream);
    await settle();
    const before = state();
    controller.dispose();
    expect(camera.effects.listenerCount()).toBe(0);
    expect(microphone.effects.listenerCount()).toBe(0);
    camera.effects.emit('effectsError', { code: 1, message: 'late' });
    expect(state()).toBe(before);
  });
});
