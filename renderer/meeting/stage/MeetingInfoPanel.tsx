// Process: renderer. The meeting info panel: the meeting's name, ID (and passcode) and link, and
// how to call in by phone when the meeting has audio conferencing.
import type { CallState } from '../../calling/call-model';
import { useT } from '../../i18n';
import { PanelHeader } from '../Panels';
import { DialIn } from './DialIn';
import { formatMeetingId, type MeetingInfo } from './meeting-info';

export function MeetingInfoPanel({ info, state, onClose }: { info: MeetingInfo; state: CallState; onClose: () => void }) {
  const t = useT();
  return (
    <aside class="panel" id="info-panel" aria-labelledby="info-title">
      <PanelHeader id="info-title" title={t('stage.info.title')} onClose={onClose} />
      <div class="meeting-info">
        <dl class="meeting-info__list">
          <dt>{t('stage.info.name')}</dt>
          <dd data-testid="info-name">{info.name}</dd>
          {info.meetingId && (
            <>
              <dt>{t('stage.info.meetingId')}</dt>
              <dd dir="ltr">{formatMeetingId(info.meetingId)}</dd>
            </>
          )}
          {info.passcode && (
            <>
              <dt>{t('stage.info.passcode')}</dt>
              <dd dir="ltr">{info.passcode}</dd>
            </>
          )}
          {info.link && (
            <>
              <dt>{t('stage.info.link')}</dt>
              <dd class="meeting-info__link" dir="ltr">
                {info.link}
              </dd>
            </>
          )}
        </dl>
        {state.dialIn.status === 'available' ? (
          <DialIn dialIn={state.dialIn} />
        ) : (
          <p class="meeting-info__note">{state.dialIn.status === 'none' ? t('stage.dialIn.none') : t('stage.dialIn.loading')}</p>
        )}
      </div>
    </aside>
  );
}
