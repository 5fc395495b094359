// Process: server. A meeting's time range in words, in a language and a time zone; the landing
// page renders it in UTC (the browser may localize it) and emails use the guest's zone if staff gave one.
import type { Locale } from '../common/i18n';

// Building an Intl formatter costs far more than using one; the landing page formats per request.
const formatters = new Map<string, { range: Intl.DateTimeFormat; zone: Intl.DateTimeFormat }>();

function formattersFor(lang: Locale, timeZone: string) {
  const key = `${lang}|${timeZone}`;
  let entry = formatters.get(key);
  if (!entry) {
    entry = {
      range: new Intl.DateTimeFormat(lang, { dateStyle: 'full', timeStyle: 'short', timeZone }),
      zone: new Intl.DateTimeFormat(lang, { timeZone, timeZoneName: 'short' }),
    };
    // Zones come from staff input: keep the cache bounded.
    // Stryker disable next-line ConditionalExpression,EqualityOperator,CallExpression: the bound only limits memory; every formatted time is the same with or without it
    if (formatters.size >= 256) formatters.delete(formatters.keys().next().value!);
    // Stryker disable next-line CallExpression: the cache only saves time; every formatted time is the same without it
    formatters.set(key, entry);
  }
  return entry;
}

export function formatMeetingTime(startsAt: string, endsAt: string, lang: Locale, timeZone = 'UTC'): string {
  const { range, zone } = formattersFor(lang, timeZone);
  const text = range.formatRange(new Date(startsAt), new Date(endsAt));
  const name = zone.formatToParts(new Date(startsAt)).find((part) => part.type === 'timeZoneName')?.value;
  return name ? `${text} (${name})` : text;
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
