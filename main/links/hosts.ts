// Process: main (pure). Which hosts a meeting link may come from, and which only pretend to.
import { TEAMS_HOSTS, type TeamsHost } from './types';

/** Teams for personal use: ACS cannot join its meetings (400/40238). */
const PERSONAL_TEAMS_HOST = 'teams.live.com';

/** Domains Microsoft owns: a host under them can be a wrong link but never a lookalike. */
const MICROSOFT_DOMAINS = [
  'microsoft',
  'microsoft.com',
  'microsoft.us',
  'live.com',
  'office.com',
  'office.net',
  'office365.com',
  'office365.us',
  'outlook.com',
  'sharepoint.com',
  'microsoftonline.com',
  'skype.com',
  'aka.ms',
];

export function asTeamsHost(host: string): TeamsHost | null {
  return (TEAMS_HOSTS as readonly string[]).includes(host) ? (host as TeamsHost) : null;
}

export function isPersonalTeamsHost(host: string): boolean {
  return host === PERSONAL_TEAMS_HOST || host.endsWith(`.${PERSONAL_TEAMS_HOST}`);
}

export function isUnder(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}

function isMicrosoftOwned(host: string): boolean {
  return MICROSOFT_DOMAINS.some((domain) => isUnder(host, domain));
}

/**
 * Folds letters that read alike in a URL bar (rn/m, 0/o, 1/l/i) and drops dots and dashes, so
 * "teams.rnicrosoft.com" and "teams-microsoft.com" both contain "teams" and "mlcrosoft" (the only
 * words looked for: neither has a w, so vv/w is not folded).
 */
function skeleton(text: string): string {
  return text
    .toLowerCase()
    .replaceAll('rn', 'm')
    .replace(/[.\-_]/g, '')
    .replace(/[01i]/g, (c) => (c === '0' ? 'o' : 'l'));
}

/** True when a name (host or userinfo) mentions Microsoft or Teams, however disguised. */
export function mentionsTeams(name: string): boolean {
  const folded = skeleton(name);
  return folded.includes('teams') || folded.includes('mlcrosoft');
}

/**
 * A host that is not a Teams host but is made to look like one: a Microsoft name under someone
 * else's domain (`teams.microsoft.com.evil.example`), a punycode (IDN) name that reads as Teams,
 * or any Teams-sounding or punycode host serving a Teams meeting path.
 */
export function isLookalikeHost(host: string, hasMeetingPath: boolean): boolean {
  const punycode = host.split('.').some((label) => label.startsWith('xn--'));
  if (punycode) return hasMeetingPath || mentionsTeams(host);
  if (isMicrosoftOwned(host)) return false;
  return skeleton(host).includes('mlcrosoft') || (hasMeetingPath && mentionsTeams(host));
}
