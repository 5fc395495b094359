// Process: renderer. The live microphone level, and in words whether anything is heard. The bar
// follows the microphone's level (0-100) several times a second; the words change rarely (once sound is
// heard they stay), so the polite live region does not chatter.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { MicrophoneLevelState } from '../media/microphone-level';
import { useObservable, type Readable } from '../components/use-observable';
import { useT } from '../i18n';

/** Level (0-100) counted as sound; speech is well above, room noise mostly below. */
const HEARD_LEVEL = 3;
/** How long without any sound before suggesting another microphone. */
const SILENT_AFTER_MS = 8000;

export type MeterMode = 'running' | 'off' | 'unavailable';
type Verdict = 'listening' | 'hearing' | 'silent';

const IDLE: MicrophoneLevelState = { running: false, level: 0, deviceId: '' };

/** Level to bar length: a square root, so quiet speech still moves the bar visibly. */
export function meterFraction(level: number): number {
  return Math.min(1, Math.sqrt(Math.max(0, level) / 50));
}

export function MicMeter({ source, mode, microphoneId }: { source: Readable<MicrophoneLevelState> | null; mode: MeterMode; microphoneId: string | null }) {
  const t = useT();
  const { running, level } = useObservable(source, IDLE);
  const [verdict, setVerdict] = useState<Verdict>('listening');
  const since = useRef(Date.now());

  // A new microphone (or turning it back on) starts the verdict over.
  useEffect(() => {
    setVerdict('listening');
    since.current = Date.now();
  }, [microphoneId, mode]);
  useEffect(() => {
    if (mode === 'running' && running && level >= HEARD_LEVEL) setVerdict('hearing');
  }, [level, running, mode]);
  useEffect(() => {
    if (mode !== 'running' || verdict !== 'listening') return;
    const timer = setTimeout(() => setVerdict((v) => (v === 'listening' ? 'silent' : v)), Math.max(0, SILENT_AFTER_MS - (Date.now() - since.current)));
    return () => clearTimeout(timer);
  }, [mode, verdict]);

  const active = mode === 'running' && running;
  const shown = active ? level : 0;
  const message =
    mode === 'off'
      ? t('join.meter.off')
      : mode === 'unavailable'
        ? t('join.meter.unavailable')
        : verdict === 'hearing'
          ? t('join.meter.hearing')
          : verdict === 'silent'
            ? t('join.meter.silent')
            : t('join.meter.listening');
  return (
    <div class={`join-meter ${active ? 'is-active' : ''}`} data-verdict={mode === 'running' ? verdict : mode}>
      <div
        class="join-meter__track"
        role="meter"
        aria-label={t('join.meter')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(shown)}
        data-level={shown.toFixed(2)}
        data-testid="mic-level"
      >
        <div class="join-meter__fill" style={{ transform: `scaleX(${meterFraction(shown)})` }} />
      </div>
      <p class="join-meter__status" aria-live="polite">
        {message}
      </p>
    </div>
  );
}
