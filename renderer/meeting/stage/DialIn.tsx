// Process: renderer. The meeting's dial-in numbers and conference ID (Features.
// TeamsMeetingAudioConferencing), for the meeting info panel and the ended screen. Numbers are
// text a guest can select and copy; Doorway opens no tel: links (the window never navigates).
import type { DialInState } from '../../calling/features/audio-conferencing-model';
import { formatConferenceId } from '../../calling/features/audio-conferencing-model';
import { useT } from '../../i18n';

export function DialIn({ dialIn, headingLevel = 3 }: { dialIn: DialInState; headingLevel?: 2 | 3 }) {
  const t = useT();
  if (dialIn.status !== 'available') return null;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section class="dial-in" aria-labelledby="dial-in-title" data-testid="dial-in">
      <Heading id="dial-in-title" class="dial-in__title">
        {t('stage.dialIn.title')}
      </Heading>
      <ul class="dial-in__numbers">
        {dialIn.numbers.map((entry) => (
          <li key={`${entry.number}-${entry.tollFree ? 'free' : 'toll'}`} class="dial-in__number">
            <span class="dial-in__phone" dir="ltr">
              {entry.number}
            </span>
            <span class="dial-in__place">
              {[entry.city, entry.country].filter(Boolean).join(', ')}
              {entry.tollFree ? ` · ${t('stage.dialIn.tollFree')}` : ''}
            </span>
          </li>
        ))}
      </ul>
      <p class="dial-in__conference">
        {t('stage.dialIn.conferenceId')}{' '}
        <strong dir="ltr" data-testid="conference-id">
          {formatConferenceId(dialIn.conferenceId)}
        </strong>
      </p>
    </section>
  );
}
