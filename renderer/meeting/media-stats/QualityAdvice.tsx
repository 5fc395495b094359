// Process: renderer. What to do when call quality has been poor for a while (the model decides
// when and what: media-stats-model.ts adviceOf): turn incoming video off, turn the camera off,
// get closer to Wi-Fi. Each suggestion the app can carry out is a button; the guest can dismiss it.
import type { CallSession, CallState } from '../../calling/call-model';
import { adviceOf } from '../../calling/features/media-stats-model';
import { useT } from '../../i18n';
import { MeetingIcon } from '../icons';
import './media-stats.css';

export function QualityAdvice({ session, state, onDetails }: { session: CallSession; state: CallState; onDetails: () => void }) {
  const t = useT();
  const advice = adviceOf(state.mediaStats, state.local);
  if (advice.length === 0) return null;
  const poor = state.mediaStats.receive.level === 'poor' ? (state.mediaStats.send.level === 'poor' ? 'both' : 'receive') : 'send';
  return (
    <section class="quality-advice" role="status" aria-labelledby="quality-advice-title" data-testid="quality-advice">
      <MeetingIcon name="warning" />
      <div class="quality-advice__body">
        <h2 id="quality-advice-title" class="quality-advice__title">
          {t(`mediaStats.advice.title.${poor}`)}
        </h2>
        <ul class="quality-advice__list">
          {advice.map((kind) => (
            <li key={kind} data-advice={kind}>
              {kind === 'turnOffIncomingVideo' ? (
                <button type="button" class="mbtn" onClick={() => session.mediaStats.setIncomingVideo(false)}>
                  {t('mediaStats.advice.turnOffIncomingVideo')}
                </button>
              ) : kind === 'turnOffCamera' ? (
                <button type="button" class="mbtn" onClick={() => void session.setCamera(false)}>
                  {t('mediaStats.advice.turnOffCamera')}
                </button>
              ) : (
                <p>{t('mediaStats.advice.moveCloserToWifi')}</p>
              )}
            </li>
          ))}
        </ul>
      </div>
      <div class="quality-advice__actions">
        <button type="button" class="mbtn mbtn--quiet" onClick={onDetails}>
          {t('mediaStats.advice.details')}
        </button>
        <button type="button" class="mbtn mbtn--quiet" onClick={() => session.mediaStats.dismissAdvice()}>
          {t('mediaStats.advice.dismiss')}
        </button>
      </div>
    </section>
  );
}
