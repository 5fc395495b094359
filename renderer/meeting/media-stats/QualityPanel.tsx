// Process: renderer. The call-quality details: for what the guest sends and what they receive, the
// level and each measure in plain words (delay, lost data, unevenness, video size and smoothness),
// with what a good value is; and the switch for incoming video.
import type { CallSession, CallState } from '../../calling/call-model';
import type { DirectionQuality, DirectionReading, Direction } from '../../calling/features/media-stats-model';
import { useLanguage, useT, type Translate } from '../../i18n';
import { PanelHeader } from '../Panels';
import { QualityBars } from './QualityIndicator';
import './media-stats.css';

function Measure({ name, value, hint }: { name: string; value: string; hint: string }) {
  return (
    <div class="quality-measure">
      <dt>{name}</dt>
      <dd>
        <span class="quality-measure__value">{value}</span>
        <span class="quality-measure__hint">{hint}</span>
      </dd>
    </div>
  );
}

function DirectionDetails({ direction, quality, reading, connectionRtt, t, lang }: { direction: Direction; quality: DirectionQuality; reading: DirectionReading | undefined; connectionRtt: number | undefined; t: Translate; lang: string }) {
  const number = (value: number, digits = 0) => new Intl.NumberFormat(lang, { maximumFractionDigits: digits }).format(value);
  const unknown = t('mediaStats.measure.unknown');
  const titleId = `quality-${direction}-title`;
  const rttMs = reading?.rttMs ?? connectionRtt;
  return (
    <section class="quality-direction" aria-labelledby={titleId} data-direction={direction} data-level={quality.level}>
      <h3 id={titleId} class="quality-direction__title">
        <QualityBars level={quality.level} />
        <span>{t(`mediaStats.direction.${direction}`)}</span>
        <span class="quality-direction__level">{t(`mediaStats.level.${quality.level}`)}</span>
      </h3>
      {!reading?.active ? (
        <p class="quality-direction__idle">{t(`mediaStats.direction.${direction}.idle`)}</p>
      ) : (
        <dl class="quality-measures">
          <Measure name={t('mediaStats.measure.rtt')} value={rttMs === undefined ? unknown : t('mediaStats.measure.rtt.value', { ms: number(rttMs) })} hint={t('mediaStats.measure.rtt.hint')} />
          <Measure
            name={t('mediaStats.measure.loss')}
            value={reading.lossPercent === undefined ? unknown : t('mediaStats.measure.loss.value', { percent: number(reading.lossPercent, 1) })}
            hint={t('mediaStats.measure.loss.hint')}
          />
          <Measure name={t('mediaStats.measure.jitter')} value={reading.jitterMs === undefined ? unknown : t('mediaStats.measure.jitter.value', { ms: number(reading.jitterMs) })} hint={t('mediaStats.measure.jitter.hint')} />
          <Measure
            name={t('mediaStats.measure.video')}
            value={reading.video ? t('mediaStats.measure.video.value', { width: number(reading.video.width), height: number(reading.video.height), fps: number(reading.video.frameRate) }) : t('mediaStats.measure.video.none')}
            hint={t('mediaStats.measure.video.hint')}
          />
        </dl>
      )}
    </section>
  );
}

export function QualityPanel({ session, state, onClose }: { session: CallSession; state: CallState; onClose: () => void }) {
  const t = useT();
  const lang = useLanguage();
  const { mediaStats } = state;
  return (
    <aside class="panel" id="quality-panel" aria-labelledby="quality-title">
      <PanelHeader id="quality-title" title={t('mediaStats.panel.title')} onClose={onClose} />
      <div class="quality-panel">
        <DirectionDetails direction="send" quality={mediaStats.send} reading={mediaStats.latest?.send} connectionRtt={mediaStats.latest?.rttMs} t={t} lang={lang} />
        <DirectionDetails direction="receive" quality={mediaStats.receive} reading={mediaStats.latest?.receive} connectionRtt={mediaStats.latest?.rttMs} t={t} lang={lang} />
        <div class="quality-panel__video">
          <button type="button" class="mbtn" id="quality-incoming-video" aria-pressed={mediaStats.incomingVideoOff ? 'true' : 'false'} onClick={() => session.mediaStats.setIncomingVideo(mediaStats.incomingVideoOff)}>
            {t('mediaStats.incomingVideo.toggle')}
          </button>
          <p class="quality-panel__note">{t(mediaStats.incomingVideoOff ? 'mediaStats.incomingVideo.isOff' : 'mediaStats.incomingVideo.hint')}</p>
        </div>
      </div>
    </aside>
  );
}
