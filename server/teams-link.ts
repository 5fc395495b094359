// Process: server. Decides whether a URL staff give us is a Teams meeting join link that a guest can
// join through ACS: https on a Teams host, a meetup-join or /meet/ path. Teams for personal use
// (teams.live.com) is refused on purpose: ACS cannot join those meetings. Pure; no I/O.

const TEAMS_HOSTS = new Set(['teams.microsoft.com', 'teams.cloud.microsoft', 'gov.teams.microsoft.us', 'dod.teams.microsoft.us']);

export const MAX_JOIN_URL = 2048;

/** The canonical join URL, or undefined when the text is not a joinable Teams meeting link. */
export function teamsJoinUrl(text: string): string | undefined {
  if (text.length > MAX_JOIN_URL) return undefined;
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' || url.username || url.password || url.port || !TEAMS_HOSTS.has(url.hostname)) return undefined;
  const meetupJoin = /^\/l\/meetup-join\/19(%3a|:)[^/]+(%40|@)thread\.(v2|tacv2)\/\d+$/i.test(url.pathname);
  const shortLink = /^\/meet\/\d{9,}$/.test(url.pathname) && url.searchParams.has('p');
  return meetupJoin || shortLink ? url.href : undefined;
}
