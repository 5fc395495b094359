// Process: renderer. Together mode on the stage: the one scene Teams composes of everyone, shown
// whole (never cropped), while the organizer keeps together mode on.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { CallSession } from '../../calling/call-model';
import { useT } from '../../i18n';

export function TogetherStage({ session }: { session: CallSession }) {
  const t = useT();
  const host = useRef<HTMLDivElement>(null);
  const [showing, setShowing] = useState(false);
  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const observer = new MutationObserver(() => setShowing(element.childElementCount > 0));
    observer.observe(element, { childList: true });
    const dispose = session.renderTogetherMode(element);
    return () => {
      observer.disconnect();
      dispose();
    };
  }, [session]);
  return (
    <section class="together-stage" aria-label={t('stage.together.region')} data-testid="together-stage" data-showing={showing ? 'true' : 'false'}>
      <div class="together-stage__video" ref={host} />
      {!showing && <p class="together-stage__loading">{t('stage.together.loading')}</p>}
      <p class="together-stage__name">{t('stage.together.name')}</p>
    </section>
  );
}
