// Process: renderer. The call-quality indicator: three bars and a word (good, fair, poor) for the
// worse of what the guest sends and receives, each direction named for screen readers. It opens
// the details panel. Self-contained (its own styles, no layout assumptions) so the meeting header
// can host it as well as the control bar.
import type { CallState } from '../../calling/call-model';
import { overallLevel, type QualityLevel } from '../../calling/features/media-stats-model';
import { useT } from '../../i18n';
import './media-stats.css';

export interface QualityIndicatorProps {
  state: CallState;
  /** The details panel is open. */
  expanded: boolean;
  onToggle: () => void;
}

/** Bars lit per level (out of three). */
const BARS: Record<QualityLevel, number> = { unknown: 0, poor: 1, fair: 2, good: 3 };

export function QualityBars({ level }: { level: QualityLevel }) {
  return (
    <svg class="quality-bars" viewBox="0 0 18 16" width="18" height="16" aria-hidden="true" focusable="false" data-level={level}>
      {[0, 1, 2].map((i) => (
        <rect key={i} x={1 + i * 6} y={10 - i * 4} width="4" height={6 + i * 4} rx="1" class={i < BARS[level] ? 'quality-bars__on' : 'quality-bars__off'} />
      ))}
    </svg>
  );
}

export function QualityIndicator({ state, expanded, onToggle }: QualityIndicatorProps) {
  const t = useT();
  const { mediaStats } = state;
  if (!mediaStats.available) return null;
  const level = overallLevel(mediaStats);
  return (
    <div class="control">
      <button
        type="button"
        id="control-quality"
        class="control__button quality-indicator"
        data-level={level}
        aria-expanded={expanded ? 'true' : 'false'}
        aria-controls={expanded ? 'quality-panel' : undefined}
        aria-describedby="quality-indicator-detail"
        onClick={onToggle}
      >
        <QualityBars level={level} />
        <span class="control__label">{t('mediaStats.indicator', { level: t(`mediaStats.level.${level}`) })}</span>
      </button>
      <span id="quality-indicator-detail" class="meeting-sr">
        {t('mediaStats.indicator.detail', { send: t(`mediaStats.level.${mediaStats.send.level}`), receive: t(`mediaStats.level.${mediaStats.receive.level}`) })}
      </span>
    </div>
  );
}
