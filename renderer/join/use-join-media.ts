// Process: renderer. The join screen's camera, microphone and speaker on the platform's media APIs
// (renderer/media/): access, device lists that follow hot-plugging, the preview, the level meter
// and the test sound, all live before the calling SDK has loaded. Once the preview is live (or
// there is nothing to preview), the SDK chunk loads in idle time, so it never competes with the
// first camera frame; Join loads it anyway. Then, with noise suppression on, the part of the effects
// package it needs. On Join, the live camera is handed to the meeting. While a background effect
// runs, the SDK's camera is the preview (join-effects.ts) and the platform preview lets go of its own.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Settings } from '../../common/ipc-contract';
import type { MeetingRequest } from '../app/meeting-request';
import { bridge } from '../bridge';
import { loadCalling, type CallingApi } from '../calling';
import { CameraPreview, deviceIdOf, type PreviewStatus } from '../media/camera-preview';
import { MediaDeviceService, type MediaDevicesState } from '../media/media-devices';
import { MicrophoneLevel } from '../media/microphone-level';
import { TestSound, type TestSoundState } from '../media/test-sound';
import type { MediaKind } from '../media/device-choice';
import { useObservable } from '../components/use-observable';
import type { JoinEffects } from './join-effects';

/** A performance mark when the SDK chunk has loaded (read by the benchmarks). */
export const SDK_READY_MARK = 'doorway:sdk-ready';
/** The longest the SDK waits for an idle moment once the preview is live. */
const IDLE_TIMEOUT_MS = 1500;

let sdkRequested = false;
let sdkLoaded: (api: CallingApi) => void;
/** Resolves once the SDK has loaded (requestCalling never starts it here). */
const sdkReady = new Promise<CallingApi>((resolve) => (sdkLoaded = resolve));

function whenIdle(run: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: IDLE_TIMEOUT_MS });
  else run();
}

/** Loads the calling SDK (once): now, or when the page is next idle. */
export function requestCalling(when: 'now' | 'idle'): void {
  if (sdkRequested) return;
  const load = () => {
    if (sdkRequested) return;
    sdkRequested = true;
    loadCalling().then(
      (api) => {
        performance.mark(SDK_READY_MARK);
        sdkLoaded(api);
      },
      (error: unknown) => {
        // Join tries again (the meeting screen explains a chunk that cannot load).
        sdkRequested = false;
        void bridge.log({ level: 'error', message: `calling failed to load: ${String(error)}` });
      },
    );
  };
  if (when === 'now') load();
  else whenIdle(load);
}

export function useJoinMedia(settings: Settings, effects: JoinEffects) {
  const service = useMemo(() => new MediaDeviceService(), []);
  const preview = useMemo(() => new CameraPreview(), []);
  const level = useMemo(() => new MicrophoneLevel(), []);
  const testSound = useMemo(() => new TestSound(), []);
  const devices = useObservable<MediaDevicesState>(service.state, service.state.get());
  const platformStatus = useObservable<PreviewStatus>(preview.status, 'off');
  const effectsLive = useObservable<boolean>(effects.live, false);
  const previewStatus: PreviewStatus = effectsLive ? 'on' : platformStatus;
  const testSoundState = useObservable<TestSoundState>(testSound.state, 'idle');
  const videoHost = useRef<HTMLDivElement>(null);
  // Each access request opens streams for the preview and the meter to take: a new round re-runs them.
  const [round, setRound] = useState(0);

  const cameraReady = devices.cameraAccess === 'granted' && devices.cameraId !== null;
  const microphoneReady = devices.microphoneAccess === 'granted' && devices.microphoneId !== null;
  const showCamera = settings.cameraOn && cameraReady;
  const showPlatformCamera = showCamera && !effectsLive;
  const measureMicrophone = settings.microphoneOn && microphoneReady;

  const ask = async (wanted?: Parameters<MediaDeviceService['requestAccess']>[0]) => {
    // The camera is on screen as soon as it opens, without waiting for the microphone or the lists.
    await service.requestAccess(wanted, (camera) => {
      if (!settings.cameraOn || !videoHost.current) return false;
      void preview.start(videoHost.current, deviceIdOf(camera), '', camera);
      return true;
    });
    setRound((n) => n + 1);
  };

  useEffect(() => {
    void ask({ camera: settings.cameraId, microphone: settings.microphoneId, speaker: settings.speakerId });
    return () => {
      preview.stop();
      level.stop();
      testSound.stop();
      service.dispose();
    };
  // eslint-disable-next-line react-hooks/exhaustive-deps -- asks once when the screen opens, with the saved devices; the services live as long as the screen
  }, []);

  useEffect(() => {
    if (round === 0) return;
    const offered = service.take('camera');
    if (showPlatformCamera && videoHost.current) void preview.start(videoHost.current, devices.cameraId!, service.chosen('camera')?.name ?? '', offered);
    else {
      offered?.getTracks().forEach((track) => track.stop());
      preview.stop();
    }
  // eslint-disable-next-line react-hooks/exhaustive-deps -- preview and service live as long as the screen
  }, [round, showPlatformCamera, devices.cameraId]);

  // The effects preview follows the camera shown (it opens nothing until an effect is wanted).
  useEffect(() => {
    if (round === 0 || !videoHost.current) return;
    effects.showCamera(videoHost.current, showCamera ? service.chosen('camera') : null);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- effects and service live as long as the screen
  }, [round, showCamera, devices.cameraId]);
  useEffect(() => {
    if (platformStatus === 'on') effects.restoreRemembered();
  // eslint-disable-next-line react-hooks/exhaustive-deps -- effects live as long as the screen
  }, [platformStatus]);

  useEffect(() => {
    if (round === 0) return;
    const offered = service.take('microphone');
    if (measureMicrophone) void level.start(devices.microphoneId!, offered);
    else {
      offered?.getTracks().forEach((track) => track.stop());
      level.stop();
    }
  // eslint-disable-next-line react-hooks/exhaustive-deps -- level and service live as long as the screen
  }, [round, measureMicrophone, devices.microphoneId]);

  // The SDK comes once the guest sees themselves, or once it is clear there is nothing to show.
  const settled = previewStatus === 'on' || previewStatus === 'failed' || (round > 0 && !showCamera);
  useEffect(() => {
    if (settled) requestCalling('idle');
  }, [settled]);
  // Noise suppression starts with the meeting's microphone at Join: its part of the effects package
  // loads in idle time once the SDK is there, not while the camera is handed over (its evaluation
  // blocks the page for tens of milliseconds).
  useEffect(() => {
    if (!settings.noiseSuppression) return;
    let current = true;
    void sdkReady.then((api) =>
      whenIdle(() => {
        if (current) api.preloadNoiseSuppression();
      }),
    );
    return () => {
      current = false;
    };
  }, [settings.noiseSuppression]);

  return {
    devices,
    previewStatus,
    videoHost,
    level: level.state,
    testSoundState,
    playTestSound: () => void testSound.play(devices.speakerId),
    select(kind: MediaKind, id: string) {
      service.select(kind, id);
    },
    retryAccess: () => ask(),
    /** The devices and the live camera for the meeting; the preview lets go of its camera. */
    handOff(cameraWillBeOn: boolean): Pick<MeetingRequest, 'devices' | 'access' | 'camera'> {
      const chosen = (kind: MediaKind) => service.chosen(kind) ?? undefined;
      return {
        devices: { camera: chosen('camera'), microphone: chosen('microphone'), speaker: chosen('speaker') },
        access: { camera: devices.cameraAccess, microphone: devices.microphoneAccess },
        camera: cameraWillBeOn ? preview.handOff() : null,
      };
    },
  };
}
