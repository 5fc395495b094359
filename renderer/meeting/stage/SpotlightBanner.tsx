// Process: renderer. Tells the guest, as it happens, that the organizer spotlighted them (everyone
// sees their video large), and lets them step out of the spotlight.
import type { CallSession, CallState } from '../../calling/call-model';
import { useT } from '../../i18n';
import { MeetingIcon } from '../icons';

export function SpotlightBanner({ session, state }: { session: CallSession; state: CallState }) {
  const t = useT();
  return (
    // Always in the page, so screen readers announce the text when it appears.
    <div class="meeting-live" role="status">
      {state.spotlight.self && (
        <div class="meeting-banner meeting-banner--spotlight" data-testid="spotlight-banner">
          <MeetingIcon name="spotlight" />
          <p>{t('stage.spotlight.self')}</p>
          <button type="button" class="mbtn mbtn--quiet" onClick={() => void session.spotlight.leave()}>
            {t('stage.spotlight.leave')}
          </button>
        </div>
      )}
    </div>
  );
}
