// Process: main (pure). Meeting links: parsing what a guest pastes or clicks, and the app's own
// deep links. No Electron import, so the join screen and tests use the same code.
export { parseMeetingInvite } from './parse-invite';
export { meetingIdInvite } from './meeting-id';
export { TEAMS_HOSTS } from './types';
export type { InvitationRef, InviteProblem, InviteResult, JoinableInvite, MeetingTarget, TeamsHost } from './types';
export { parseDeepLink, findDeepLinkInArgv, buildDeepLink, buildInvitationDeepLink } from './deep-link';
export { serviceOriginOf, isInvitationId, type InvitationOptions } from './invitation-link';
export type { DeepLinkRoute } from './deep-link';
