// Process: renderer. The live microphone level, and in words whether anything is heard. The bar
// follows the microphone's level (0-100) several times a second; the words change rarely (once sound is
// heard they stay), so the polite live region does not chatter.
// Cheap while the guest waits: the bar is written straight to the DOM, outside Preact's render, and
// only when the step it shows changes (METER_STEPS steps of its length), as a compositor-only
// transform with no transition (a transition restarted at every reading kept the compositor making
// frames all the time). A silent microphone changes nothing at all; nothing re-renders per reading.
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { NOT_MEASURING, type MicrophoneLevelState } from '../media/microphone-level';
import { unchanging, useObservablePart, type Readable } from '../components/use-observable';
import { useT } from '../i18n';

/** Level (0-100) counted as sound; speech is well above, room noise mostly below. */
const HEARD_LEVEL = 3;
/** How long without any sound before suggesting another microphone. */
const SILENT_AFTER_MS = 8000;
/** The bar moves in this many steps of its length (a step is a few pixels): finer changes are not drawn. */
export const METER_STEPS = 40;

export type MeterMode = 'running' | 'off' | 'unavailable';
type Verdict = 'listening' | 'hearing' | 'silent';

/** The readings while no microphone is measured (the meter and the device panel have no source yet). */
export const NO_READINGS = unchanging(NOT_MEASURING);

/** Level to bar length: a square root, so quiet speech still moves the bar visibly. */
export function meterFraction(level: number): number {
  return Math.min(1, Math.sqrt(Math.max(0, level) / 50));
}

/** The step (0..METER_STEPS) of the bar's length that shows `level`. */
export function meterStep(level: number): number {
  return Math.round(meterFraction(level) * METER_STEPS);
}

/** The level (0-100) a step shows: what the bar says, for aria-valuenow and data-level. */
export function levelOfStep(step: number): number {
  return 50 * (step / METER_STEPS) ** 2;
}

export function MicMeter({ source, mode, microphoneId }: { source: Readable<MicrophoneLevelState> | null; mode: MeterMode; microphoneId: string | null }) {
  const t = useT();
  const readings = source ?? NO_READINGS;
  const running = useObservablePart(readings, (s) => s.running);
  const active = mode === 'running' && running;
  const [verdict, setVerdict] = useState<Verdict>('listening');
  const since = useRef(Date.now());
  const track = useRef<HTMLDivElement>(null);
  const fill = useRef<HTMLDivElement>(null);

  // A new microphone (or turning it back on) starts the verdict over.
  useEffect(() => {
    setVerdict('listening');
    since.current = Date.now();
  }, [microphoneId, mode]);
  // Until sound is heard, each reading is checked for it (a state change, not a render per reading).
  useEffect(() => {
    if (!active || verdict === 'hearing') return;
    const check = (s: MicrophoneLevelState) => {
      if (s.running && s.level >= HEARD_LEVEL) setVerdict('hearing');
    };
    check(readings.get());
    return readings.subscribe(check);
  }, [readings, active, verdict]);
  useEffect(() => {
    if (mode !== 'running' || verdict !== 'listening') return;
    const timer = setTimeout(() => setVerdict((v) => (v === 'listening' ? 'silent' : v)), Math.max(0, SILENT_AFTER_MS - (Date.now() - since.current)));
    return () => clearTimeout(timer);
  }, [mode, verdict]);

  // The bar, before the first paint and then per reading that changes its step.
  useLayoutEffect(() => {
    const bar = track.current;
    const inner = fill.current;
    if (!bar || !inner) return;
    let drawn = -1;
    const draw = (level: number) => {
      const step = meterStep(level);
      if (step === drawn) return;
      drawn = step;
      const shown = levelOfStep(step);
      inner.style.transform = `scaleX(${step / METER_STEPS})`;
      bar.setAttribute('aria-valuenow', String(Math.round(shown)));
      bar.dataset.level = shown.toFixed(2);
    };
    if (!active) {
      draw(0);
      return;
    }
    draw(readings.get().level);
    return readings.subscribe((s) => draw(s.running ? s.level : 0));
  }, [readings, active]);

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
      <div ref={track} class="join-meter__track" role="meter" aria-label={t('join.meter')} aria-valuemin={0} aria-valuemax={100} data-testid="mic-level">
        <div ref={fill} class="join-meter__fill" />
      </div>
      <p class="join-meter__status" aria-live="polite">
        {message}
      </p>
    </div>
  );
}
