// Process: renderer. Breakout rooms as the guest sees them: the room they are assigned to (and
// whether Teams moves them or they choose when), Join when the room is open, where they are while
// in the room (its end time, and Return when the room allows it), a full-stage transition while
// the call changes, and what happened when a move failed. Reads the breakout slice only; acts
// through session.breakoutRooms. Never sees an SDK object.
import './breakout.css';
import type { CallSession, CallState } from '../../calling/call-model';
import { canJoinRoom, type BreakoutState } from '../../calling/features/breakout-rooms-model';
import { useLanguage, useT, type Translate } from '../../i18n';

function roomName(t: Translate, state: BreakoutState): string {
  return state.room?.name || t('breakout.unnamed');
}

/** What the banner says about where the guest is (null: nothing to say). */
function placeText(t: Translate, state: BreakoutState): string | null {
  const room = roomName(t, state);
  if (state.where === 'room') return t('breakout.inRoom', { room });
  if (!state.room) return null;
  if (state.room.open) return t('breakout.open', { room });
  return t(state.room.autoMove ? 'breakout.assigned.auto' : 'breakout.assigned.choose', { room });
}

export function BreakoutBanner({ session, state }: { session: CallSession; state: CallState }) {
  const t = useT();
  const language = useLanguage();
  const breakout = state.breakout;
  const room = roomName(t, breakout);

  if (breakout.where === 'joining' || breakout.where === 'returning') {
    return (
      <div class="breakout-move" role="status" data-testid="breakout-move" data-to={breakout.where === 'joining' ? 'room' : 'main'}>
        <span class="meeting-spinner" aria-hidden="true" />
        <p>{breakout.where === 'joining' ? t('breakout.joining', { room }) : t('breakout.returning')}</p>
      </div>
    );
  }

  const place = placeText(t, breakout);
  const closes = breakout.where === 'room' && breakout.endsAt !== null ? new Intl.DateTimeFormat(language, { hour: 'numeric', minute: '2-digit' }).format(breakout.endsAt) : null;
  const notice = breakout.notice;
  if (!place && !notice) return null;
  return (
    <div class="breakout-banner" data-testid="breakout-banner" data-where={breakout.where}>
      {place && (
        <div class="meeting-banner breakout-banner__place" role="status">
          <p>
            <strong>{place}</strong>
            {closes && ` ${t('breakout.closesAt', { time: closes })}`}
          </p>
          {canJoinRoom(breakout) && (
            <button type="button" class="mbtn mbtn--primary" data-control="breakout-join" onClick={() => void session.breakoutRooms.join()}>
              {t('breakout.join')}
            </button>
          )}
          {breakout.where === 'room' && breakout.canReturn && (
            <button type="button" class="mbtn" data-control="breakout-return" onClick={() => void session.breakoutRooms.returnToMain()}>
              {t('breakout.return')}
            </button>
          )}
        </div>
      )}
      {notice && (
        <div class="meeting-banner breakout-banner__notice" role={notice === 'returned' ? 'status' : 'alert'} data-notice={notice}>
          <p>{notice === 'joinFailed' ? t('breakout.notice.joinFailed', { room }) : t(`breakout.notice.${notice}`)}</p>
          <button type="button" class="mbtn" onClick={() => session.breakoutRooms.dismissNotice()}>
            {t('meeting.close')}
          </button>
        </div>
      )}
    </div>
  );
}
