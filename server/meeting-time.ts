// Process: server. A meeting's time range in words, in a language and a time zone; the landing
// page renders it in UTC (the browser may localize it) and emails use the guest's zone if staff gave one.
import type { Language } from '../common/i18n';

const LOCALES: Record<Language, string> = { en: 'en-GB', ko: 'ko-KR' };

export function formatMeetingTime(startsAt: string, endsAt: string, lang: Language, timeZone = 'UTC'): string {
  const format = new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'full', timeStyle: 'short', timeZone });
  const range = format.formatRange(new Date(startsAt), new Date(endsAt));
  const zone = new Intl.DateTimeFormat(LOCALES[lang], { timeZone, timeZoneName: 'short' }).formatToParts(new Date(startsAt)).find((part) => part.type === 'timeZoneName')?.value;
  return zone ? `${range} (${zone})` : range;
}

/** Whether `timeZone` is an IANA zone this runtime knows. */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}
