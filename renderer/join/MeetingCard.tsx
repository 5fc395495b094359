// Process: renderer. The meeting an invitation names, on the join screen: its subject, when
// ("Today at 15:00", in the guest's language and time zone), who organized it and whether it
// starts soon, has started or has ended; the code step of a bound invitation; and what went
// wrong, in plain words, when the service could not say.
import { Alert } from '../components/Alert';
import { Button } from '../components/Button';
import { Icon } from '../components/Icon';
import { useLanguage, useT } from '../i18n';
import { useTick } from '../meeting/use-tick';
import { InvitationCode } from './InvitationCode';
import { meetingTiming, meetingWhen } from './invitation-model';
import type { InvitationState } from './use-invitation';

export function MeetingCard({ invitation }: { invitation: InvitationState }) {
  const t = useT();
  const language = useLanguage();
  const now = useTick(30_000, invitation.meeting !== null);
  const { meeting, loading, error, emailHint } = invitation;

  if (loading) {
    return (
      <p class="invitation-card invitation-card--loading" role="status" data-testid="meeting-card">
        <span class="spinner" aria-hidden="true" />
        {t('invitation.loading')}
      </p>
    );
  }

  const problem = error && (
    <Alert
      tone={invitation.usingFallback ? 'warning' : 'error'}
      announce
      class="invitation-card__problem"
      actions={
        ['offline', 'unreachable', 'timeout', 'serviceError', 'rateLimited', 'badResponse'].includes(error) ? (
          <Button icon="retry" onClick={invitation.retry}>
            {t('invitation.retry')}
          </Button>
        ) : undefined
      }
    >
      <p data-testid="invitation-error" data-code={error}>
        {invitation.usingFallback ? t('invitation.fallback') : t(`invitation.error.${error}`)}
      </p>
    </Alert>
  );
  if (!meeting) return problem || null;

  const when = meetingWhen(meeting, language, now);
  const timing = meetingTiming(meeting, now);
  const start = when.day === 'date' ? t('invitation.when.date', { date: when.date, time: when.time }) : t(`invitation.when.${when.day}`, { time: when.time });
  return (
    <section class="invitation-card" aria-labelledby="meeting-card-subject" data-testid="meeting-card">
      <span class="invitation-card__icon" aria-hidden="true">
        <Icon name="calendar" />
      </span>
      <div class="invitation-card__body">
        <h3 id="meeting-card-subject" class="invitation-card__subject" data-testid="meeting-subject">
          {meeting.subject}
        </h3>
        <p class="invitation-card__when" data-testid="meeting-when">
          <time dateTime={meeting.startsAt}>{start}</time>
          {' '}
          <span class="invitation-card__until">{t('invitation.until', { time: when.endTime })}</span>
          {timing !== 'later' && (
            <span class={`invitation-card__timing invitation-card__timing--${timing}`} data-testid="meeting-timing" data-timing={timing}>
              {t(`invitation.status.${timing}`)}
            </span>
          )}
        </p>
        {meeting.organizer && <p class="invitation-card__organizer">{t('invitation.organizer', { name: meeting.organizer })}</p>}
        {emailHint !== null && (
          <InvitationCode emailHint={emailHint} step={invitation.code} onSend={() => void invitation.requestCode()} onVerify={(code) => void invitation.verify(code)} />
        )}
        {problem}
      </div>
    </section>
  );
}
