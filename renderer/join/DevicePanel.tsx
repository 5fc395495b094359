// Process: renderer. Which camera, microphone and speaker to use, with the microphone's live level
// and a test sound for the speaker. Lists follow hot-plugging (the device store updates them).
import { useObservablePart, type Readable } from '../components/use-observable';
import type { DeviceOption } from '../calling/model';
import type { MediaDevicesState } from '../media/media-devices';
import type { MicrophoneLevelState } from '../media/microphone-level';
import type { TestSoundState } from '../media/test-sound';
import { Button } from '../components/Button';
import { Select, type SelectOption } from '../components/Select';
import { useT, type Translate } from '../i18n';
import { MicMeter, NO_READINGS, type MeterMode } from './MicMeter';

export interface DevicePanelProps {
  devices: MediaDevicesState;
  /** False until the devices are listed (access asked and answered). */
  ready: boolean;
  level: Readable<MicrophoneLevelState> | null;
  meterMode: MeterMode;
  testSound: TestSoundState;
  onCamera: (id: string) => void;
  onMicrophone: (id: string) => void;
  onSpeaker: (id: string) => void;
  onTestSound: () => void;
}

export function DevicePanel({ devices, ready, level, meterMode, testSound, onCamera, onMicrophone, onSpeaker, onTestSound }: DevicePanelProps) {
  const t = useT();
  // The microphone actually open (the meter's), read back so what the picker says is checked; the
  // panel re-renders when that changes, not at each of the meter's readings.
  const microphoneInUse = useObservablePart(level ?? NO_READINGS, (s) => s.deviceId);
  return (
    <section class="join-devices" aria-labelledby="devices-title">
      <h2 id="devices-title" class="join-devices__title">
        {t('join.devices')}
      </h2>
      <div class="join-devices__grid">
        <Select
          id="camera-select"
          label={t('join.camera')}
          icon="camera"
          value={devices.cameraId}
          options={optionsOf(devices.cameras, t)}
          emptyLabel={t('join.device.noCamera')}
          disabled={!ready}
          onChange={onCamera}
        />
        <Select
          id="microphone-select"
          label={t('join.microphone')}
          icon="microphone"
          value={devices.microphoneId}
          options={optionsOf(devices.microphones, t)}
          emptyLabel={t('join.device.noMicrophone')}
          disabled={!ready}
          onChange={onMicrophone}
          data={{ 'data-in-use': microphoneInUse }}
          after={<MicMeter source={level} mode={meterMode} microphoneId={devices.microphoneId} />}
        />
        {devices.speakerSelectionAvailable ? (
          <Select
            id="speaker-select"
            label={t('join.speaker')}
            icon="speaker"
            value={devices.speakerId}
            options={optionsOf(devices.speakers, t)}
            emptyLabel={t('join.device.noSpeaker')}
            disabled={!ready}
            onChange={onSpeaker}
            after={<TestSoundButton state={testSound} onPlay={onTestSound} />}
          />
        ) : (
          <div class="select-field">
            <p class="select-field__label" aria-hidden="true">
              {t('join.speaker')}
            </p>
            <TestSoundButton state={testSound} onPlay={onTestSound} />
          </div>
        )}
      </div>
    </section>
  );
}

function TestSoundButton({ state, onPlay }: { state: TestSoundState; onPlay: () => void }) {
  const t = useT();
  return (
    <div class="join-test-sound">
      <Button icon="play" variant="quiet" busy={state === 'playing'} onClick={() => state !== 'playing' && onPlay()} data-state={state}>
        {t('join.testSound')}
      </Button>
      <p class="join-test-sound__status" aria-live="polite">
        {state === 'playing' ? t('join.testSound.playing') : state === 'failed' ? t('join.testSound.failed') : ''}
      </p>
    </div>
  );
}

function optionsOf(list: DeviceOption[], t: Translate): SelectOption[] {
  return list.map((device, i) => ({ value: device.id, label: device.name.trim() || t('join.device.unnamed', { n: i + 1 }) }));
}
