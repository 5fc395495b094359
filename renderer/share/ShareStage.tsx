// Process: renderer. Someone else's shared screen on the stage: fitted to the window, or at its
// actual size (scrolling when larger), with the sharer's name. While someone shares, the gallery
// below becomes a strip; when they stop, the layout returns.
import './share.css';
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { CallSession, CallState, Participant } from '../calling/call-model';
import { useT } from '../i18n';
import { presenterOf } from './share-model';

export interface ShareLayoutProps {
  session: CallSession;
  state: CallState;
  /** The gallery: the whole area normally, a strip while someone shares. */
  children: ComponentChildren;
}

export function ShareLayout({ session, state, children }: ShareLayoutProps) {
  const presenterId = useRef<string | null>(null);
  presenterId.current = presenterOf(state, presenterId.current);
  const presenter = presenterId.current ? state.participants.get(presenterId.current) : undefined;
  return (
    <div class="share-layout" data-stage={presenter ? 'on' : 'off'}>
      {presenter && <ShareStage key={presenter.id} session={session} participant={presenter} />}
      {children}
    </div>
  );
}

export function ShareStage({ session, participant }: { session: CallSession; participant: Participant }) {
  const t = useT();
  const host = useRef<HTMLDivElement>(null);
  const [actualSize, setActualSize] = useState(false);
  const [showing, setShowing] = useState(false);
  const name = participant.name || '—';

  useEffect(() => {
    const element = host.current;
    if (!element) return;
    setShowing(false);
    const observer = new MutationObserver(() => setShowing(element.childElementCount > 0));
    observer.observe(element, { childList: true });
    const dispose = session.renderParticipantVideo(participant.id, element, 'screenShare');
    return () => {
      observer.disconnect();
      dispose();
    };
  }, [participant.id, session]);

  const sharing = t('share.stage.sharing', { name });
  return (
    <section class="share-stage" aria-label={t('share.stage.region', { name })} data-testid="share-stage" data-presenter={participant.id}>
      <div class="share-stage__bar">
        <p class="share-stage__name" title={sharing}>
          {sharing}
        </p>
        <button type="button" class="share-stage__zoom" data-zoom={actualSize ? 'actual' : 'fit'} onClick={() => setActualSize((on) => !on)}>
          {actualSize ? t('share.stage.fit') : t('share.stage.actualSize')}
        </button>
      </div>
      <div
        class={`share-stage__viewport ${actualSize ? 'share-stage__viewport--actual' : ''}`}
        // At actual size the screen scrolls: keyboard users scroll it too.
        role={actualSize ? 'group' : undefined}
        aria-label={actualSize ? t('share.stage.region', { name }) : undefined}
        tabIndex={actualSize ? 0 : undefined}
      >
        <div class="share-stage__video" ref={host} />
        {!showing && <p class="share-stage__loading">{t('share.stage.loading')}</p>}
      </div>
    </section>
  );
}
