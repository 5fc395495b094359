// Process: renderer. The meeting's screens other than the call itself: connecting, the lobby, and
// the ended screen (every way a meeting ends, explained, with Rejoin where it can help, and the
// meeting's dial-in numbers when the network failed, so the guest can go on by phone).
import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import type { CallSession, CallState, EndedInfo, EndReasonKind } from '../calling/call-model';
import type { DialInState } from '../calling/features/audio-conferencing-model';
import { useT } from '../i18n';
import { Controls } from './Controls';
import { SelfTile } from './Gallery';
import { formatElapsed } from './layout';
import { useTick } from './use-tick';
import { DialIn } from './stage/DialIn';

/** Ends where the guest's network failed: calling in by phone can still get them there. */
const NETWORK_FAILURES: readonly EndReasonKind[] = ['networkLost', 'mediaConnectivity'];

/** Moves focus to the screen's heading when it appears, so screen readers hear where they are. */
export function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => ref.current?.focus(), []);
  return ref;
}

export function ConnectingView({ host, onLeave, leaving, selfVideo }: { host: string; onLeave: () => void; leaving: boolean; selfVideo?: HTMLVideoElement | null }) {
  const t = useT();
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const videoHost = useRef<HTMLDivElement>(null);
  // The join screen's camera goes on playing here (moved in the same task it left the join screen).
  useLayoutEffect(() => {
    if (!selfVideo || !videoHost.current) return;
    videoHost.current.replaceChildren(selfVideo);
    void selfVideo.play().catch(() => undefined);
  }, [selfVideo]);
  return (
    <main class="meeting meeting--center" data-phase="connecting">
      <div class="meeting-card">
        {selfVideo && <div class="meeting-connecting__self" ref={videoHost} data-testid="connecting-self" />}
        <span class="meeting-spinner" aria-hidden="true" />
        <h1 ref={heading} tabIndex={-1}>
          {t('meeting.connecting.title')}
        </h1>
        <p class="meeting-card__muted">{t('meeting.connecting.host', { host })}</p>
        <div class="meeting-actions">
          <button type="button" class="mbtn mbtn--danger" disabled={leaving} onClick={onLeave}>
            {leaving ? t('meeting.leaving') : t('meeting.leave')}
          </button>
        </div>
      </div>
    </main>
  );
}

export function LobbyView({ session, state, displayName }: { session: CallSession; state: CallState; displayName: string }) {
  const t = useT();
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const now = useTick(1000, true);
  const elapsed = formatElapsed(now - state.phaseSince);
  return (
    <main class="meeting meeting--center" data-phase="lobby">
      <div class="meeting-card meeting-card--lobby">
        <h1 ref={heading} tabIndex={-1}>
          {t('meeting.lobby.title')}
        </h1>
        <p>{t('meeting.lobby.body')}</p>
        <p class="meeting-card__muted meeting-lobby__elapsed" role="timer" aria-live="off">
          {t('meeting.lobby.elapsed', { time: elapsed })}
        </p>
        <ul class="meeting-lobby__preview" aria-label={t('meeting.lobby.preview')}>
          <SelfTile session={session} name={displayName} muted={state.local.muted} videoOn={state.local.videoOn} handRaised={false} />
        </ul>
        <Controls session={session} state={state} compact />
      </div>
    </main>
  );
}

export function EndedView({ ended, dialIn, onRejoin, onBack }: { ended: EndedInfo; dialIn?: DialInState; onRejoin: () => void; onBack: () => void }) {
  const t = useT();
  const offerPhone = dialIn?.status === 'available' && NETWORK_FAILURES.includes(ended.kind);
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const showDetails = ended.kind !== 'left' && ended.kind !== 'tokenUnavailable' && (ended.code !== null || ended.callId !== null);
  return (
    <main class="meeting meeting--center" data-phase="ended" data-reason={ended.kind}>
      <div class="meeting-card">
        <h1 ref={heading} tabIndex={-1}>
          {t('meeting.ended.title')}
        </h1>
        <p class="meeting-ended__reason">{t(`meeting.ended.${ended.kind}`)}</p>
        {ended.tokenError && <p class="meeting-ended__reason">{t(`token.error.${ended.tokenError}`)}</p>}
        {showDetails && (
          <p class="meeting-ended__details">
            {t('meeting.ended.details', {
              code: ended.code ?? '—',
              subCode: ended.subCode ?? '—',
              callId: ended.callId || '—',
            })}
          </p>
        )}
        {offerPhone && (
          <div class="meeting-ended__phone" data-testid="dial-in-offer">
            <p>{t('stage.dialIn.offer')}</p>
            <DialIn dialIn={dialIn} headingLevel={2} />
          </div>
        )}
        <div class="meeting-actions">
          {ended.rejoin && (
            <button type="button" class="mbtn mbtn--primary" onClick={onRejoin}>
              {t('meeting.ended.rejoin')}
            </button>
          )}
          <button type="button" class="mbtn" onClick={onBack}>
            {t('meeting.ended.back')}
          </button>
        </div>
      </div>
    </main>
  );
}
