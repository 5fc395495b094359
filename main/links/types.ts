// Process: main (pure). The parser's answers use the shapes in common/meeting.ts (the renderer
// receives them over IPC); this file adds what only the parser needs.
export type { InvitationRef, InviteProblem, InviteResult, JoinableInvite, MeetingTarget } from '../../common/meeting';

/** Hosts whose meeting links Azure Communication Services can join. */
export const TEAMS_HOSTS = [
  'teams.microsoft.com',
  'teams.cloud.microsoft',
  'gov.teams.microsoft.us',
  'dod.teams.microsoft.us',
] as const;
export type TeamsHost = (typeof TEAMS_HOSTS)[number];
