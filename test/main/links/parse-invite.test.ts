import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TEAMS_HOSTS, parseMeetingInvite, type InviteProblem, type InviteResult } from '../../../main/links';
import { INVITE_LABELS } from '../../../main/links/invite-labels';
import {
  INVITATION_LINES,
  ORGANIZER,
  TENANT,
  THREAD_DOD,
  THREAD_GCCH,
  THREAD_SKYPE,
  THREAD_TACV2,
  THREAD_V2,
  canonicalMeetup,
  contextJson,
  englishInvitation,
  htmlInvitation,
  koreanInvitation,
  meetupJoin,
  proofpointV2,
  proofpointV3,
  quotedPrintable,
  safeLinks,
  shortLink,
  teamsEncode,
  webLauncher,
} from './fixtures';
import { sdkReadsMeetingLink } from './sdk-meeting-link';

type Expected = { link: string } | { meetingId: string; passcode: string } | InviteProblem | { problem: 'missingPasscode'; meetingId: string };

const MEETUP = meetupJoin();
const CANONICAL = canonicalMeetup();
const SHORT = shortLink();
const THREAD_PATH = `/l/meetup-join/${teamsEncode(THREAD_V2)}/0?context=${teamsEncode(contextJson())}`;
const ID = { meetingId: '263829185487', passcode: 'Wx5vmh' };

const cases: [name: string, input: string, expected: Expected][] = [
  // meetup-join links
  ['meetup-join, thread.v2', MEETUP, { link: CANONICAL }],
  ['channel meeting, thread.tacv2, real message id', meetupJoin({ thread: THREAD_TACV2, message: '1612345678901' }), { link: canonicalMeetup({ thread: THREAD_TACV2, message: '1612345678901' }) }],
  ['older channel thread.skype', meetupJoin({ thread: THREAD_SKYPE }), { link: canonicalMeetup({ thread: THREAD_SKYPE }) }],
  ['uppercase percent-encoding', MEETUP.replace(/%[0-9a-f]{2}/g, (h) => h.toUpperCase()), { link: CANONICAL }],
  ['double-encoded thread and context', `https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(teamsEncode(THREAD_V2))}/0?context=${encodeURIComponent(teamsEncode(contextJson()))}`, { link: CANONICAL }],
  ['decoded thread and context, as a browser bar shows them', `https://teams.microsoft.com/l/meetup-join/${THREAD_V2}/0?context=${contextJson()}`, { link: CANONICAL }],
  ['extra launcher parameters dropped', meetupJoin({ query: '&anon=true&deeplinkId=9c1e&launchAgent=join_launcher' }), { link: CANONICAL }],
  ['context before other parameters reordered', `https://teams.microsoft.com/l/meetup-join/${teamsEncode(THREAD_V2)}/0?anon=true&context=${teamsEncode(contextJson())}`, { link: CANONICAL }],
  ['extra context fields dropped', meetupJoin({ context: contextJson({ Tid: TENANT, Oid: ORGANIZER, MessageId: '0' }) }), { link: CANONICAL }],
  ['teams.cloud.microsoft', meetupJoin({ host: 'teams.cloud.microsoft' }), { link: canonicalMeetup({ host: 'teams.cloud.microsoft' }) }],
  ['GCC High', meetupJoin({ host: 'gov.teams.microsoft.us' }), { link: canonicalMeetup({ host: 'gov.teams.microsoft.us' }) }],
  ['DoD', meetupJoin({ host: 'dod.teams.microsoft.us' }), { link: canonicalMeetup({ host: 'dod.teams.microsoft.us' }) }],
  ['http upgraded to https', MEETUP.replace('https:', 'http:'), { link: CANONICAL }],
  ['shouted scheme and host', MEETUP.replace('https://teams.microsoft.com', 'HTTPS://Teams.Microsoft.COM'), { link: CANONICAL }],
  ['no scheme', MEETUP.replace('https://', ''), { link: CANONICAL }],
  ['trailing dot on the host', MEETUP.replace('teams.microsoft.com', 'teams.microsoft.com.'), { link: CANONICAL }],
  ['trailing slash after the message id', MEETUP.replace('/0?', '/0/?'), { link: CANONICAL }],
  ['msteams: with one slash', `msteams:${THREAD_PATH}&anon=true&launchAgent=join_launcher&type=meetup-join`, { link: CANONICAL }],
  ['msteams:// with the host', `msteams://teams.microsoft.com${THREAD_PATH}`, { link: CANONICAL }],
  ['web launcher', webLauncher(`${THREAD_PATH}&anon=true`), { link: CANONICAL }],
  ['web launcher, gov cloud', webLauncher(THREAD_PATH, 'gov.teams.microsoft.us'), { link: canonicalMeetup({ host: 'gov.teams.microsoft.us' }) }],
  ['web client hash route', `https://teams.microsoft.com/_#${THREAD_PATH}`, { link: CANONICAL }],
  ['new web client hash route', `https://teams.microsoft.com/v2/?meetingjoin=true#${THREAD_PATH}`, { link: CANONICAL }],

  // around the link
  ['angle brackets', `<${MEETUP}>`, { link: CANONICAL }],
  ['angle brackets broken over lines by the mail client', `Join<${MEETUP.slice(0, 70)}\r\n${MEETUP.slice(70, 150)}\n  ${MEETUP.slice(150)}>`, { link: CANONICAL }],
  ['double quotes', `"${MEETUP}"`, { link: CANONICAL }],
  ['single quotes', `'${MEETUP}'`, { link: CANONICAL }],
  ['sentence punctuation', `Here is the link: ${MEETUP}.`, { link: CANONICAL }],
  ['parentheses', `(join here: ${MEETUP})`, { link: CANONICAL }],
  ['markdown link', `[Join the meeting](${MEETUP})`, { link: CANONICAL }],
  ['markdown bold', `**${SHORT}**`, { link: SHORT }],
  ['HTML href with &amp;', `<a href="${MEETUP}&amp;anon=true">Join</a>`, { link: CANONICAL }],
  ['own line with CRLF', `\r\n\r\n${MEETUP}\r\n\r\n`, { link: CANONICAL }],
  ['zero-width spaces inside the link', MEETUP.replace('meetup-join', 'meetup\u200b-join').replace('teams.', 'teams\u200c.'), { link: CANONICAL }],
  ['non-breaking spaces around', `\u00a0${MEETUP}\u00a0`, { link: CANONICAL }],
  ['glued to Korean text', `링크:${MEETUP}에서 참가하세요`, { link: CANONICAL }],
  ['full-width parentheses', `（${SHORT}）`, { link: SHORT }],
  ['quoted-printable with soft line breaks', quotedPrintable(`Join the meeting: ${MEETUP}`), { link: CANONICAL }],
  ['quoted-printable =3D only, no soft break', `Join: ${MEETUP.replace('context=', 'context=3D')}`, { link: CANONICAL }],
  ['passcode that starts with 3D is not quoted-printable', shortLink('2345678901234', '3DxYz9'), { link: shortLink('2345678901234', '3DxYz9') }],

  // email security wrappers
  ['Safe Links', safeLinks(MEETUP), { link: CANONICAL }],
  ['Safe Links, HTML-escaped', `<a href="${safeLinks(MEETUP).replaceAll('&', '&amp;')}">Join</a>`, { link: CANONICAL }],
  ['Safe Links, Teams-protected path', safeLinks(MEETUP).replace('.com/?url=', '.com/ap/t-59584e83/?url='), { link: CANONICAL }],
  ['Safe Links, GCC High', safeLinks(meetupJoin({ host: 'gov.teams.microsoft.us' })).replace('outlook.com', 'office365.us'), { link: canonicalMeetup({ host: 'gov.teams.microsoft.us' }) }],
  ['Safe Links inside Teams chat', `https://statics.teams.cdn.office.net/evergreen-assets/safelinks/1/atp-safelinks.html?url=${encodeURIComponent(MEETUP)}&locale=en-us`, { link: CANONICAL }],
  ['Safe Links around a short link', safeLinks(`${SHORT}&utm_source=outlook`), { link: SHORT }],
  ['Proofpoint v1', `https://urldefense.proofpoint.com/v1/url?u=${encodeURIComponent(MEETUP)}&k=abc%3D%0A&r=xyz&m=123&s=456`, { link: CANONICAL }],
  ['Proofpoint v2', proofpointV2(MEETUP), { link: CANONICAL }],
  ['Proofpoint v3', proofpointV3(MEETUP), { link: CANONICAL }],
  ['Proofpoint v3 with run-length tokens', proofpointV3(MEETUP, ':/"{}'), { link: CANONICAL }],
  ['Safe Links around Proofpoint v2', safeLinks(proofpointV2(MEETUP)), { link: CANONICAL }],
  ['Proofpoint v3 around Safe Links', proofpointV3(safeLinks(MEETUP)), { link: CANONICAL }],
  ['Safe Links around Proofpoint v3 around Safe Links', safeLinks(proofpointV3(safeLinks(MEETUP))), { link: CANONICAL }],
  ['Safe Links around the web launcher', safeLinks(webLauncher(THREAD_PATH)), { link: CANONICAL }],

  // short links
  ['short link', SHORT, { link: SHORT }],
  ['short link with tracking parameters', `${SHORT}&utm_source=email&utm_campaign=q3`, { link: SHORT }],
  ['short link, passcode not first', 'https://teams.microsoft.com/meet/2345678901234?anon=true&p=Ab3xYz', { link: SHORT }],
  ['short link with a fragment', `${SHORT}#join`, { link: SHORT }],
  ['short link, teams.cloud.microsoft', shortLink(undefined, undefined, 'teams.cloud.microsoft'), { link: shortLink(undefined, undefined, 'teams.cloud.microsoft') }],
  ['short link, GCC High', shortLink(undefined, undefined, 'gov.teams.microsoft.us'), { link: shortLink(undefined, undefined, 'gov.teams.microsoft.us') }],
  ['short link without a scheme', SHORT.replace('https://', ''), { link: SHORT }],
  ['short link through msteams:', 'msteams:/meet/2345678901234?p=Ab3xYz', { link: SHORT }],
  ['short link in the web launcher', webLauncher('/meet/2345678901234?p=Ab3xYz'), { link: SHORT }],

  // whole invitations
  ['English invitation', englishInvitation(MEETUP), { link: CANONICAL }],
  ['English invitation, every link Safe-Linked', englishInvitation(safeLinks(MEETUP), safeLinks), { link: CANONICAL }],
  ['English invitation, quoted-printable', quotedPrintable(englishInvitation(MEETUP)), { link: CANONICAL }],
  ['English invitation, new short link', englishInvitation(SHORT), { link: SHORT }],
  ['Korean invitation', koreanInvitation(MEETUP), { link: CANONICAL }],
  ['Korean invitation, quoted-printable', quotedPrintable(koreanInvitation(safeLinks(MEETUP))), { link: CANONICAL }],
  ['HTML source of an invitation', htmlInvitation(safeLinks(MEETUP).replaceAll('&', '&amp;')), { link: CANONICAL }],
  ['invitation forwarded with a reply above it', `Can't make it, forwarding.\n\n-----Original Message-----\nFrom: Kim <kim@contoso.com>\n${englishInvitation(MEETUP)}`, { link: CANONICAL }],
  ['Mimecast-rewritten link falls back to the meeting ID', englishInvitation('https://protect-eu.mimecast.com/s/AbCdEfGhIjKl?domain=teams.microsoft.com'), ID],
  ['link cut short falls back to the meeting ID', englishInvitation(MEETUP.slice(0, 90)), ID],
  ['meeting ID and passcode', 'Meeting ID: 263 829 185 487\nPasscode: Wx5vmh', ID],
  ['meeting ID and passcode on one line', 'Meeting ID: 263 829 185 487 Passcode: Wx5vmh', ID],
  ['meeting ID without spaces, lowercase labels', 'meeting id:263829185487  passcode:Wx5vmh', ID],
  ['Korean meeting ID and passcode', koreanInvitation(null), ID],
  ['Korean 회의 ID after the phone conference ID, full-width colon', '전화 회의 ID: 987 654 321#\n회의 ID：263 829 185 487\n암호：Wx5vmh', ID],
  ['Korean labels, English passcode label', '모임 ID 263 829 185 487\npasscode: Wx5vmh', ID],
  ['Japanese labels', '会議 ID: 263 829 185 487\nパスコード: Wx5vmh', ID],
  ['passcode printed before the ID', 'Passcode: Wx5vmh\nMeeting ID: 263 829 185 487', ID],
  ['quoted-printable Korean labels', quotedPrintable('모임 ID: 263 829 185 487\n암호: Wx5vmh'), ID],

  // refused: nothing there
  ['empty', '', 'empty'],
  ['only whitespace', ' \r\n\t ', 'empty'],
  ['only zero-width characters', '\u200b\ufeff', 'empty'],
  ['prose', 'See you all tomorrow at 10!', 'notTeamsLink'],

  // refused: not a Teams meeting
  ['Zoom', 'https://us02web.zoom.us/j/85412345678?pwd=QWxhZGRpbjpvcGVuIHNlc2FtZQ', 'notTeamsLink'],
  ['Google Meet', 'https://meet.google.com/abc-defg-hij', 'notTeamsLink'],
  ['Webex personal room (also /meet/)', 'https://contoso.webex.com/meet/jane.doe', 'notTeamsLink'],
  ['Teams channel link', `https://teams.microsoft.com/l/channel/${teamsEncode(THREAD_TACV2)}/General?groupId=1&tenantId=${TENANT}`, 'notTeamsLink'],
  ['Teams chat link', 'https://teams.microsoft.com/l/chat/0/0?users=jane@contoso.com', 'notTeamsLink'],
  ['meeting options page', `https://teams.microsoft.com/meetingOptions/?organizerId=${ORGANIZER}&tenantId=${TENANT}`, 'notTeamsLink'],
  ['Teams help link', 'https://aka.ms/JoinTeamsMeeting', 'notTeamsLink'],
  ['Microsoft page about Teams', 'https://www.microsoft.com/microsoft-teams/join-a-meeting', 'notTeamsLink'],
  ['live event', meetupJoin({ context: contextJson({ Tid: TENANT, Oid: ORGANIZER, IsBroadcastMeeting: true }), query: '&btype=a&role=a' }), 'notTeamsLink'],
  ['mailto', 'mailto:jane@contoso.com', 'notTeamsLink'],
  ['phone conference ID alone is the dial-in code', 'Phone Conference ID: 123 456 789#', 'notTeamsLink'],
  ['Mimecast hint naming another site', 'https://protect-us.mimecast.com/s/XyZ123?domain=zoom.us', 'notTeamsLink'],

  // refused: Teams for personal use
  ['teams.live.com short link', 'https://teams.live.com/meet/9312345678901?p=Qw3rTy', 'personalTeams'],
  ['teams.live.com meetup-join', meetupJoin({ host: 'teams.live.com' }), 'personalTeams'],
  ['teams.live.com in Safe Links', safeLinks('https://teams.live.com/meet/9312345678901?p=Qw3rTy'), 'personalTeams'],
  ['teams.live.com invitation with a meeting ID', englishInvitation('https://teams.live.com/meet/9312345678901?p=Qw3rTy'), 'personalTeams'],

  // refused: opaque wrapper
  ['Mimecast protect', 'https://protect-eu.mimecast.com/s/AbCdEfGhIjKl?domain=teams.microsoft.com', 'opaqueWrapper'],
  ['Mimecast protect without a hint', 'https://protect-au.mimecast.com/s/AbCdEfGhIjKl', 'opaqueWrapper'],
  ['Mimecast URL protect', 'https://url.us.m.mimecastprotect.com/s/AbCdEfGhIjKlMnOp?domain=teams.microsoft.com', 'opaqueWrapper'],
  ['Mimecast in Safe Links', safeLinks('https://protect-eu.mimecast.com/s/AbCdEfGhIjKl'), 'opaqueWrapper'],

  // refused: lookalike host
  ['Teams host as a subdomain of another site', `https://teams.microsoft.com.evil.example${THREAD_PATH}`, 'lookalikeHost'],
  ['Teams host as the user name', `https://teams.microsoft.com@evil.example${THREAD_PATH}`, 'lookalikeHost'],
  ['user name on the real host', `https://evil.example@teams.microsoft.com${THREAD_PATH}`, 'lookalikeHost'],
  ['Cyrillic a in teams', `https://te\u0430ms.microsoft.com${THREAD_PATH}`, 'lookalikeHost'],
  ['Cyrillic o in microsoft', `https://teams.micr\u043esoft.com${THREAD_PATH}`, 'lookalikeHost'],
  ['punycode host', `https://${new URL('https://micr\u043esoft-teams.com').hostname}${THREAD_PATH}`, 'lookalikeHost'],
  ['dash instead of dot', `https://teams-microsoft.com${THREAD_PATH}`, 'lookalikeHost'],
  ['rn for m', `https://teams.rnicrosoft.com${THREAD_PATH}`, 'lookalikeHost'],
  ['Teams-sounding host with a meeting path', 'https://teams-meeting.example/meet/2345678901234?p=Ab3xYz', 'lookalikeHost'],
  ['lookalike inside Safe Links', safeLinks(`https://teams.microsoft.com.evil.example${THREAD_PATH}`), 'lookalikeHost'],
  ['lookalike through msteams://', `msteams://teams.microsoft.com.evil.example${THREAD_PATH}`, 'lookalikeHost'],
  ['lookalike link beside a meeting ID', englishInvitation(`https://teams.microsoft.com.evil.example${THREAD_PATH}`), 'lookalikeHost'],

  // refused: malformed
  ['cut before @thread', MEETUP.slice(0, MEETUP.indexOf('%40thread')), 'malformedLink'],
  ['cut after the thread', MEETUP.slice(0, MEETUP.indexOf('/0?')), 'malformedLink'],
  ['no context (the SDK cannot join without it)', meetupJoin({ context: null }), 'malformedLink'],
  ['no context, other parameters left', meetupJoin({ context: null, query: '&anon=true' }), 'malformedLink'],
  ['context cut short', MEETUP.slice(0, MEETUP.indexOf('%2c%22Oid')), 'malformedLink'],
  ['context without the organizer', meetupJoin({ context: contextJson({ Tid: TENANT }) }), 'malformedLink'],
  ['context with a tenant that is not a GUID', meetupJoin({ context: contextJson({ Tid: 'contoso', Oid: ORGANIZER }) }), 'malformedLink'],
  ['context that is not JSON', meetupJoin({ context: 'Tid=1' }), 'malformedLink'],
  ['broken percent-encoding in the thread', MEETUP.replace('meeting_', 'meeting_%E0%A4'), 'malformedLink'],
  ['extra path segment', MEETUP.replace('/0?', '/0/extra?'), 'malformedLink'],
  ['message id that is not a number', MEETUP.replace('/0?', '/zero?'), 'malformedLink'],
  ['launcher without its url', 'https://teams.microsoft.com/dl/launcher/launcher.html?type=meetup-join', 'malformedLink'],
  ['Safe Links around a link cut short', safeLinks(MEETUP.slice(0, 80)), 'malformedLink'],
  ['Proofpoint v3 with its saved characters lost', proofpointV3(MEETUP).replace(/__;[^!]*!/, '__;!'), 'malformedLink'],
  ['wrapped too many times', safeLinks(safeLinks(safeLinks(safeLinks(safeLinks(MEETUP))))), 'malformedLink'],
  ['short link with a passcode that is not alphanumeric', 'https://teams.microsoft.com/meet/2345678901234?p=Ab3%24Yz', 'passcodeCharacters'],
  ['short link with an extra segment', 'https://teams.microsoft.com/meet/2345678901234/x?p=Ab3xYz', 'malformedLink'],
  ['bare digits, too few for a meeting ID', '12345', 'meetingIdLength'],

  // refused: missing passcode
  ['short link without p', 'https://teams.microsoft.com/meet/2345678901234', { problem: 'missingPasscode', meetingId: '2345678901234' }],
  ['short link with an empty p', 'https://teams.microsoft.com/meet/2345678901234?p=', { problem: 'missingPasscode', meetingId: '2345678901234' }],
  ['meeting ID alone', 'Meeting ID: 263 829 185 487', { problem: 'missingPasscode', meetingId: '263829185487' }],
  ['meeting ID typed in, nothing else', '263 829 185 487', { problem: 'missingPasscode', meetingId: '263829185487' }],
  ['passcode label without a value', 'Meeting ID: 263 829 185 487\nPasscode: (see below)', { problem: 'missingPasscode', meetingId: '263829185487' }],
  ['German meeting ID alone', 'Besprechungs-ID: 263 829 185 487', { problem: 'missingPasscode', meetingId: '263829185487' }],
  ['passcode prose is not a passcode', 'Meeting ID 263829185487, the passcode is in the email', { problem: 'missingPasscode', meetingId: '263829185487' }],

  // refused: a passcode but no meeting
  ['passcode alone', 'Passcode: Wx5vmh', 'missingMeetingId'],
  ['Japanese passcode alone', 'パスコード：Wx5vmh', 'missingMeetingId'],

  // every cloud
  ['GCC High thread, cloud-prefixed', meetupJoin({ host: 'gov.teams.microsoft.us', thread: THREAD_GCCH }), { link: canonicalMeetup({ host: 'gov.teams.microsoft.us', thread: THREAD_GCCH }) }],
  ['DoD thread, cloud-prefixed', meetupJoin({ host: 'dod.teams.microsoft.us', thread: THREAD_DOD }), { link: canonicalMeetup({ host: 'dod.teams.microsoft.us', thread: THREAD_DOD }) }],
  ['cloud-prefixed thread on the commercial host (GCC)', meetupJoin({ thread: THREAD_GCCH }), { link: canonicalMeetup({ thread: THREAD_GCCH }) }],
  ['cloud-prefixed thread, decoded, upper-case prefix and kind', `https://gov.teams.microsoft.us/l/meetup-join/${THREAD_GCCH.replace('gcch', 'GCCH').replace('v2', 'V2')}/0?context=${contextJson()}`, { link: canonicalMeetup({ host: 'gov.teams.microsoft.us', thread: THREAD_GCCH }) }],
  ['cloud-prefixed thread in Safe Links (office365.us)', safeLinks(meetupJoin({ host: 'gov.teams.microsoft.us', thread: THREAD_GCCH })).replace('outlook.com', 'office365.us'), { link: canonicalMeetup({ host: 'gov.teams.microsoft.us', thread: THREAD_GCCH }) }],
  ['context keys in lower case', meetupJoin({ context: `{"tid":"${TENANT}","oid":"${ORGANIZER}"}` }), { link: CANONICAL }],
  ['context keys in upper case, spaces in the JSON', meetupJoin({ context: `{ "TID" : "${TENANT}", "OID" : "${ORGANIZER}" }` }), { link: CANONICAL }],
  ['context encoded three times', `https://teams.microsoft.com/l/meetup-join/${teamsEncode(THREAD_V2)}/0?context=${encodeURIComponent(encodeURIComponent(encodeURIComponent(contextJson())))}`, { link: CANONICAL }],
  ['context with only braces and quotes encoded', `https://teams.microsoft.com/l/meetup-join/${teamsEncode(THREAD_V2)}/0?context=%7B%22Tid%22:%22${TENANT}%22,%22Oid%22:%22${ORGANIZER}%22%7D`, { link: CANONICAL }],

  // typed by hand
  ['ID then passcode, no labels', '263 829 185 487 Wx5vmh', ID],
  ['passcode then ID, no labels', 'Wx5vmh 263829185487', ID],
  ['ID and passcode on two lines, no labels', '263829185487\nWx5vmh', ID],
  ['ID and passcode with a slash', '263 829 185 487 / Wx5vmh', ID],
  ['labels without colons', 'Meeting ID 263 829 185 487\nPasscode Wx5vmh', ID],
  ['label and value on separate lines', 'Meeting ID\n263 829 185 487\nPasscode\nWx5vmh', ID],
  ['typed labels a person uses', 'id 263829185487 code Wx5vmh', ID],
  ['ID with dashes', 'Meeting ID: 263-829-185-487 Passcode: Wx5vmh', ID],
  ['ID with no-break and narrow no-break spaces', 'Meeting ID:\u00a0263\u202f829\u00a0185\u202f487 Passcode:\u00a0Wx5vmh', ID],
  ['full-width digits and colon typed with a Japanese IME', '会議ID：２６３８２９１８５４８７\nパスコード：Ｗｘ５ｖｍｈ', ID],
  ['HTML where the ID sits inside markup', '<p><b>Meeting ID:</b>&nbsp;<span class="id">263 829 185 487</span><br><b>Passcode:</b> <span>Wx5vmh</span></p>', ID],
  ['HTML invitation without its link', htmlInvitation('https://protect-eu.mimecast.com/s/AbCdEfGhIjKl'), ID],
  ['Korean labels without colons', '모임 ID 263 829 185 487\n암호 Wx5vmh', ID],
  ['passcode, then the end of the sentence', 'Meeting ID: 263 829 185 487, passcode: Wx5vmh.', ID],
  ['passcode with Korean text right after it', '모임 ID: 263 829 185 487\n암호: Wx5vmh입니다', ID],
  ['a wrong-length ID before the real one', 'Meeting ID: 1234\nMeeting ID: 263 829 185 487\nPasscode: Wx5vmh', ID],
  ['ID typed with dots in groups of three', '263.829.185.487 Wx5vmh', ID],

  // refused, naming what is wrong with the ID or passcode
  ['labelled passcode with a symbol in it', 'Meeting ID: 263 829 185 487\nPasscode: Wx5$vmh', 'passcodeCharacters'],
  ['labelled passcode with a dash in it, in Korean', '모임 ID: 263 829 185 487\n암호: Wx5-vmh', 'passcodeCharacters'],
  ['typed passcode with a symbol, after a passcode word', '263829185487 code Wx5$vmh!', 'passcodeCharacters'],
  ['labelled ID with too few digits', 'Meeting ID: 263 829 18\nPasscode: Wx5vmh', 'meetingIdLength'],
  ['labelled ID with too many digits', 'Meeting ID: 263 829 185 487 263 829 185 487\nPasscode: Wx5vmh', 'meetingIdLength'],
  ['labelled ID of the wrong length, no passcode', 'Besprechungs-ID: 1234 5678', 'meetingIdLength'],
  ['bare digits, too many for a meeting ID', '263 829 185 487 263 829 185 487', 'meetingIdLength'],
  ['a meeting number in prose is not an ID', 'Meeting number 2 of the series, passcode: Wx5vmh', 'missingMeetingId'],
  ['“n/a” after a passcode label is not a passcode with symbols', 'Meeting ID: 263 829 185 487\nPasscode: n/a', { problem: 'missingPasscode', meetingId: '263829185487' }],
  ['a word with an apostrophe after a passcode label is not one either', "Meeting ID: 263 829 185 487\nPasscode: don't-know", { problem: 'missingPasscode', meetingId: '263829185487' }],

  // phone numbers are not meeting IDs
  ['a dial-in line', '+1 425-555-0100,,123456789#', 'notTeamsLink'],
  ['a dial-in line with a 10-digit conference ID', '+1 425-555-0100,,1234567890#   United States, Redmond', 'notTeamsLink'],
  ['a dial-in line beside a typed ID and passcode', '+1 425-555-0100,,123456789#\n263 829 185 487 Wx5vmh', ID],
  ['the phone conference ID', 'Phone conference ID: 1234567890', 'notTeamsLink'],
  ['the phone conference ID, with #', 'Phone Conference ID: 123 456 789 0#', 'notTeamsLink'],
  ['dial pauses without a +', '425 555 0100,,1234567890', 'notTeamsLink'],
  ['a tel: link', 'tel:+14255550100,,1234567890#', 'notTeamsLink'],
  ['a tel: link without +', 'tel:4255550100', 'notTeamsLink'],
  ['an international number', '+44 20 7946 0958', 'notTeamsLink'],
  ['a signature with a labelled phone number', 'Jane Doe\nProgram Manager, Contoso\nPhone: 425 555 0100', 'notTeamsLink'],
  ['a signature with a German mobile number', 'Mit freundlichen Grüßen\nJana Schmidt\nMobil 0151 2345 6789', 'notTeamsLink'],
  ['a signature with a US number in dashes', 'Jane Doe | 425-555-0100', 'notTeamsLink'],
  ['a number with its area code in brackets', 'Jane Doe (425) 555-0100', 'notTeamsLink'],
  ['a dotted phone number', 'Jane Doe 425.555.0100', 'notTeamsLink'],
  ['a signature below a typed ID and passcode', '263829185487 Wx5vmh\n--\nJane Doe\nMobile: +1 (425) 555-0100', ID],
  ['a phone number before a typed ID', 'call +1 425 555 0100 if stuck. 263 829 185 487 / Wx5vmh', ID],
  ['a typed ID grouped in threes is still an ID', '123 456 789 012', { problem: 'missingPasscode', meetingId: '123456789012' }],
  ['the dial-in section alone', 'Or call in (audio only)\n+1 323-849-4874,,123456789#   United States, Los Angeles\nPhone Conference ID: 123 456 789#', 'notTeamsLink'],
];

function expectedResult(expected: Expected): InviteResult | { ok: false; problem: InviteProblem } {
  if (typeof expected === 'string') return { ok: false, problem: expected };
  if ('problem' in expected) return { ok: false, ...expected };
  if ('link' in expected) {
    return { ok: true, target: { kind: 'link', meetingLink: expected.link }, normalized: expected.link, host: new URL(expected.link).hostname };
  }
  return {
    ok: true,
    target: { kind: 'meetingId', ...expected },
    normalized: `Meeting ID: ${expected.meetingId} Passcode: ${expected.passcode}`,
    host: 'teams.microsoft.com',
  };
}

const languageCases: [name: string, input: string, expected: Expected][] = Object.entries(INVITATION_LINES).flatMap(([language, [idLabel, passLabel]]) => [
  [`${language}: meeting ID and passcode`, `${idLabel}263 829 185 487\n${passLabel}Wx5vmh`, ID],
  [`${language}: passcode first, on one line`, `${passLabel}Wx5vmh ${idLabel}263829185487`, ID],
  [`${language}: without colons`, `${idLabel.replace(/[\s\u00a0\u202f]*[:：][\s]*$/, ' ')}263 829 185 487\n${passLabel.replace(/[\s\u00a0\u202f]*[:：][\s]*$/, ' ')}Wx5vmh`, ID],
  [`${language}: in HTML, link rewritten`, `<div><span>${idLabel}</span><span>263 829 185 487</span></div>\n<div><span>${passLabel}</span><span>Wx5vmh</span></div>\n<a href="https://protect-eu.mimecast.com/s/AbCd">x</a>`, ID],
  [`${language}: meeting ID alone`, `${idLabel}263 829 185 487`, { problem: 'missingPasscode', meetingId: '263829185487' }],
  [`${language}: passcode with a symbol`, `${idLabel}263 829 185 487\n${passLabel}Wx5$vmh`, 'passcodeCharacters'],
  [`${language}: meeting ID too short`, `${idLabel}263 829 18\n${passLabel}Wx5vmh`, 'meetingIdLength'],
]);

/** Each language's "Phone conference ID" labels: what follows is never a meeting ID, alone or beside one. */
const phoneConferenceCases: [name: string, input: string, expected: Expected][] = Object.entries(INVITE_LABELS).flatMap(([language, labels]) =>
  labels.phoneConference.flatMap((label): [string, string, Expected][] => [
    [`${language}: ${label} alone`, `${label}: 123 456 789 0`, 'notTeamsLink'],
    [`${language}: ${label}, then a typed ID and passcode`, `${label}: 1234567890\n263 829 185 487 Wx5vmh`, ID],
    [`${language}: ${label} above the labelled meeting ID`, `${label}: 1234567890\n${(INVITATION_LINES[language] ?? INVITATION_LINES.en)[0]}263 829 185 487`, { problem: 'missingPasscode', meetingId: '263829185487' }],
  ]),
);


describe('parseMeetingInvite: every language Teams writes invitations in', () => {
  it('covers every shipped language', () => {
    expect(Object.keys(INVITATION_LINES)).toHaveLength(25);
  });

  it.each(languageCases)('%s', (_name, input, expected) => {
    expect(parseMeetingInvite(input)).toEqual(expectedResult(expected));
  });
});

describe('parseMeetingInvite: phone conference IDs in every language', () => {
  it('has the label in every language Teams writes invitations in', () => {
    expect(Object.values(INVITE_LABELS).every((labels) => labels.phoneConference.length > 0)).toBe(true);
    expect(Object.keys(INVITE_LABELS)).toHaveLength(22);
  });

  it.each(phoneConferenceCases)('%s', (_name, input, expected) => {
    expect(parseMeetingInvite(input)).toEqual(expectedResult(expected));
  });
});

describe('parseMeetingInvite: realistic inputs', () => {
  it('covers at least 80 inputs', () => {
    expect(cases.length).toBeGreaterThanOrEqual(80);
    expect(new Set(cases.map(([name]) => name)).size).toBe(cases.length);
  });

  it.each(cases)('%s', (_name, input, expected) => {
    expect(parseMeetingInvite(input)).toEqual(expectedResult(expected));
  });
});

describe('parseMeetingInvite: what the SDK receives', () => {
  const links = cases.flatMap(([, , expected]) => (typeof expected === 'object' && 'link' in expected ? [expected.link] : []));

  it('gives long links the SDK reads back to the same thread, message, organizer and tenant', () => {
    for (const thread of [THREAD_V2, THREAD_TACV2, THREAD_SKYPE]) {
      const result = parseMeetingInvite(meetupJoin({ thread, message: '1612345678901', query: '&anon=true' }));
      expect(result.ok === true && result.target.kind === 'link' && sdkReadsMeetingLink(result.target.meetingLink)).toEqual({
        kind: 'long',
        threadId: thread,
        messageId: '1612345678901',
        organizerId: ORGANIZER,
        tenantId: TENANT,
      });
    }
  });

  it('gives short links that pass the SDK’s anchored pattern, which other parameters can fail', () => {
    for (const input of ['https://teams.microsoft.com/meet/2345678901234?anon=true&p=Ab3xYz', `${SHORT}&next=/join`]) {
      expect(sdkReadsMeetingLink(input)).toEqual({ kind: 'rejected' });
      const result = parseMeetingInvite(input);
      expect(result.ok === true && result.target.kind === 'link' && sdkReadsMeetingLink(result.target.meetingLink)).toEqual({ kind: 'short' });
    }
  });

  it('never gives a link the SDK rejects', () => {
    expect(links.length).toBeGreaterThan(40);
    for (const link of links) expect(sdkReadsMeetingLink(link).kind, link).not.toBe('rejected');
  });

  it('refuses meetup-join links without context, which the SDK cannot join', () => {
    expect(sdkReadsMeetingLink(meetupJoin({ context: null })).kind).toBe('rejected');
  });
});

// ---- properties ----------------------------------------------------------------------------

const hex = (length: number) => fc.string({ unit: fc.constantFrom(...'0123456789abcdefABCDEF'), minLength: length, maxLength: length });
const guid = fc.tuple(hex(8), hex(4), hex(4), hex(4), hex(12)).map((parts) => parts.join('-'));
const alphanumeric = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789');
const threadBody = fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-.='), minLength: 1, maxLength: 80 });
/** Threads of every cloud: commercial, and the cloud-prefixed ones of government clouds. */
const thread = fc
  .tuple(fc.constantFrom('', 'gcch:', 'dod:', 'gov:'), fc.constantFrom('meeting_', ''), threadBody, fc.constantFrom('v2', 'tacv2', 'skype'))
  .map(([cloud, prefix, body, kind]) => `19:${cloud}${prefix}${body}@thread.${kind}`);
/** The context JSON as Teams writes it, and with the key case and spacing others use. */
const contextKeys = fc.constantFrom<[string, string]>(['Tid', 'Oid'], ['tid', 'oid'], ['TID', 'OID'], ['tId', 'oID']);
const host = fc.constantFrom(...TEAMS_HOSTS);

/** Meeting links in the shapes and encodings invitations use, and the canonical link each means. */
const meetingLink = fc.oneof(
  fc
    .record({
      host,
      thread,
      message: fc.oneof(fc.constant('0'), fc.bigInt({ min: 1n, max: 10n ** 13n }).map(String)),
      tid: guid,
      oid: guid,
      encode: fc.constantFrom<(s: string) => string>(teamsEncode, encodeURIComponent, (s) => encodeURIComponent(encodeURIComponent(s))),
      extra: fc.constantFrom('', '&anon=true', '&deeplinkId=abc&directDl=true'),
      keys: contextKeys,
      spaced: fc.boolean(),
    })
    .map(({ host, thread, message, tid, oid, encode, extra, keys: [tidKey, oidKey], spaced }) => ({
      input: `https://${host}/l/meetup-join/${encode(thread)}/${message}?context=${encode(JSON.stringify({ [tidKey]: tid, [oidKey]: oid }, null, spaced ? 1 : undefined))}${extra}`,
      canonical: canonicalMeetup({ host, thread, message, tid, oid }),
    })),
  fc
    .record({
      host,
      id: fc.bigInt({ min: 10n ** 9n, max: 10n ** 15n }).map(String),
      passcode: fc.string({ unit: alphanumeric, minLength: 1, maxLength: 16 }),
      extra: fc.constantFrom('', '&utm_source=outlook', '&anon=true'),
    })
    .map(({ host, id, passcode, extra }) => ({ input: `https://${host}/meet/${id}?p=${passcode}${extra}`, canonical: shortLink(id, passcode, host) })),
);

const wrapper = fc.constantFrom<(url: string) => string>(
  (url) => url,
  (url) => safeLinks(url),
  (url) => proofpointV2(url),
  (url) => proofpointV3(url),
  (url) => proofpointV3(url, ':/'),
  (url) => safeLinks(proofpointV2(url)),
  (url) => proofpointV3(safeLinks(url)),
);

const surroundings = fc.constantFrom<(link: string) => string>(
  (link) => link,
  (link) => `<${link}>`,
  (link) => `Join the meeting: ${link}.`,
  (link) => englishInvitation(link),
  (link) => koreanInvitation(link),
  (link) => quotedPrintable(englishInvitation(link)),
  (link) => htmlInvitation(link.replaceAll('&', '&amp;')),
);

/** Text made from the pieces links and invitations are made of, in random order. */
const linkish = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        'https://', 'http://', 'msteams:', 'teams.microsoft.com', 'teams.live.com', 'teams.cloud.microsoft', '.evil.example', '@',
        '/l/meetup-join/', '/meet/', '/dl/launcher/launcher.html?url=', '/_#', '19%3ameeting_', '19:meeting_', 'abc', '%40thread.v2',
        '@thread.tacv2', '/0', '?context=', '&context=', '%7b%22Tid%22%3a%22', '{"Tid":"', `${TENANT}`, '","Oid":"', '"}', '%7d',
        '?p=', '&p=', 'Ab3xYz', '%', '%25', '%E0', '=', '=3D', '=\n', '=\r\n', '<', '>', '"', "'", '(', ')', '{', '}', ' ', '\n',
        'nam12.safelinks.protection.outlook.com/?url=', 'urldefense.proofpoint.com/v2/url?u=', 'https-3A__', 'urldefense.com/v3/__', '__;', 'JSUl', '!!', '*', '**A',
        'protect-eu.mimecast.com/s/', 'xn--', '\u0430', '\u200b', 'Meeting ID: ', '263 829 185 487', 'Passcode: ', '모임 ID: ', '암호: ', '#', '&amp;',
      ),
      fc.string({ maxLength: 8 }),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));

function expectWellFormed(result: InviteResult) {
  if (result.ok === false) return;
  if (result.ok !== true) throw new Error('an invitation, with no service configured'); // parsed without options

  expect(TEAMS_HOSTS as readonly string[]).toContain(result.host);
  if (result.target.kind === 'link') {
    const url = new URL(result.target.meetingLink);
    expect(url.protocol).toBe('https:');
    expect(url.hostname).toBe(result.host);
    expect(url.username + url.password + url.port + url.hash).toBe('');
    expect(sdkReadsMeetingLink(result.target.meetingLink).kind).not.toBe('rejected');
  }
  expect(parseMeetingInvite(result.normalized)).toEqual(result);
}

describe('parseMeetingInvite: properties', () => {
  it('never throws, on any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        expectWellFormed(parseMeetingInvite(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on link-like text; whatever it accepts is on a Teams host and reparses the same', () => {
    fc.assert(
      fc.property(linkish, (text) => {
        expectWellFormed(parseMeetingInvite(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('accepts every generated meeting link, wrapped and surrounded, as its canonical form', () => {
    fc.assert(
      fc.property(meetingLink, wrapper, surroundings, ({ input, canonical }, wrap, surround) => {
        const result = parseMeetingInvite(surround(wrap(input)));
        expect(result).toEqual({ ok: true, target: { kind: 'link', meetingLink: canonical }, normalized: canonical, host: new URL(canonical).hostname });
        expectWellFormed(result);
      }),
      { numRuns: 500 },
    );
  });

  it('reads the same result whether or not a gateway wrapped an accepted link', () => {
    const junk = fc.string({ unit: fc.constantFrom(...'abcXYZ019-._~%=&'), maxLength: 12 });
    fc.assert(
      fc.property(meetingLink, junk, wrapper, ({ input }, extra, wrap) => {
        const plain = parseMeetingInvite(`${input}&${extra}`);
        if (plain.ok) expect(parseMeetingInvite(wrap(`${input}&${extra}`))).toEqual(plain);
      }),
      { numRuns: 500 },
    );
  });

  it('reads labelled meeting IDs and passcodes however the digits are grouped', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 10n ** 9n, max: 10n ** 19n }).map(String),
        fc.string({ unit: alphanumeric, minLength: 1, maxLength: 20 }),
        fc.constantFrom(['Meeting ID', 'Passcode'], ['모임 ID', '암호'], ['회의 ID', '암호'], ['Meeting ID', '암호']),
        fc.integer({ min: 1, max: 5 }),
        (digits, passcode, [idLabel, passLabel], group) => {
          const grouped = digits.replace(new RegExp(`(\\d{${group}})(?=\\d)`, 'g'), '$1 ');
          const result = parseMeetingInvite(`${idLabel}: ${grouped}\n${passLabel}: ${passcode}`);
          expect(result).toEqual(expectedResult({ meetingId: digits, passcode }));
          expectWellFormed(result);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('parseMeetingInvite: properties of meeting IDs in every language', () => {
  const languages = Object.entries(INVITATION_LINES);
  const digits = fc.bigInt({ min: 10n ** 9n, max: 10n ** 19n }).map(String);
  // Without a colon a passcode is read when it has a digit (or ends its line): Teams' always mix.
  const passcode = fc.tuple(fc.string({ unit: alphanumeric, minLength: 1, maxLength: 15 }), fc.integer({ min: 0, max: 9 })).map(([code, n]) => `${code}${n}`);
  /** How the label meets its value: as Teams prints it, full-width, narrow no-break space, none. */
  const punctuation = fc.constantFrom<(label: string) => string>(
    (label) => label,
    (label) => label.replace(/[\s\u00a0\u202f]*[:：]\s*$/, '：'),
    (label) => label.replace(/[\s\u00a0\u202f]*[:：]\s*$/, '\u202f: '),
    (label) => label.replace(/[\s\u00a0\u202f]*[:：]\s*$/, '\u00a0:\u00a0'),
    (label) => label.replace(/[\s\u00a0\u202f]*[:：]\s*$/, ' '),
    (label) => label.replace(/[\s\u00a0\u202f]*[:：]\s*$/, '\n'),
  );
  const gap = fc.constantFrom(' ', '\u00a0', '\u202f', '-', '');
  const layout = fc.constantFrom<(id: string, code: string) => string>(
    (id, code) => `${id}\n${code}`,
    (id, code) => `${code}\r\n${id}`,
    (id, code) => `${id} ${code}`,
    (id, code) => `<div><span>${id}</span></div><div><span>${code}</span></div>`,
    (id, code) => `Join on your computer\n${id}\n${code}\n\nFor organizers: Meeting options`,
  );

  it('reads the ID and passcode whatever the language, punctuation, grouping, order and layout', () => {
    fc.assert(
      fc.property(fc.constantFrom(...languages), digits, passcode, punctuation, gap, layout, fc.integer({ min: 1, max: 4 }), ([, [idLabel, passLabel]], id, code, punctuate, space, lay, group) => {
        const grouped = id.replace(new RegExp(`(\\d{${group}})(?=\\d)`, 'g'), `$1${space}`);
        const result = parseMeetingInvite(lay(`${punctuate(idLabel)}${grouped}`, `${punctuate(passLabel)}${code}`));
        expect(result).toEqual(expectedResult({ meetingId: id, passcode: code }));
        expectWellFormed(result);
      }),
      { numRuns: 600 },
    );
  });

  it('reads an ID and passcode typed without labels, in either order', () => {
    const typedId = fc.bigInt({ min: 10n ** 9n, max: 10n ** 19n }).map(String);
    fc.assert(
      // Unlabelled, a passcode of digits alone would read as part of the ID: Teams' have letters too.
      fc.property(typedId, passcode.map((code) => `x${code}`), gap, fc.constantFrom(' ', '\n', ' / ', ', ', '\t'), fc.boolean(), (id, code, space, between, idFirst) => {
        const grouped = id.replace(/(\d{3})(?=\d)/g, `$1${space}`);
        const result = parseMeetingInvite(idFirst ? `${grouped}${between}${code}` : `${code}${between}${grouped}`);
        expect(result).toEqual(expectedResult({ meetingId: id, passcode: code }));
      }),
      { numRuns: 300 },
    );
  });

  it('asks for the passcode alone when a labelled ID has none, in every language', () => {
    fc.assert(
      fc.property(fc.constantFrom(...languages), digits, punctuation, ([, [idLabel]], id, punctuate) => {
        expect(parseMeetingInvite(`${punctuate(idLabel)}${id}`)).toEqual({ ok: false, problem: 'missingPasscode', meetingId: id });
      }),
      { numRuns: 200 },
    );
  });
});

describe('parseMeetingInvite: phone numbers are never meeting IDs (properties)', () => {
  const digitsOf = (min: number, max: number) => fc.integer({ min, max }).chain((n) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n }));
  const national = fc.tuple(digitsOf(2, 4), digitsOf(3, 4), digitsOf(4, 4), fc.constantFrom(' ', '-', '\u00a0', '')).map(([a, b, c, sep]) => [a, b, c].join(sep));
  const conferenceId = digitsOf(6, 12);
  const phoneLabels = Object.values(INVITE_LABELS).flatMap((labels) => [...labels.phoneConference, ...labels.phone]);
  /** A phone number as dial-in sections, signatures and links write it: 10 to 20 digits, the length of an ID. */
  const phone = fc.oneof(
    fc.tuple(digitsOf(1, 3), national).map(([country, number]) => `+${country} ${number}`),
    fc.tuple(digitsOf(1, 3), national, conferenceId).map(([country, number, conference]) => `+${country} ${number},,${conference}#`),
    fc.tuple(digitsOf(1, 3), national, conferenceId).map(([country, number, conference]) => `tel:+${country}${number.replace(/\D/g, '')},,${conference}#`),
    fc.tuple(national, conferenceId).map(([number, conference]) => `${number},,${conference}`),
    fc.tuple(fc.constantFrom(...phoneLabels), fc.constantFrom(': ', ' ', '：', '\u202f: '), national).map(([label, colon, number]) => `${label}${colon}${number}`),
    fc.tuple(digitsOf(3, 3), digitsOf(3, 3), digitsOf(4, 4)).map(([a, b, c]) => `(${a}) ${b}-${c}`),
    fc.tuple(digitsOf(3, 3), digitsOf(3, 3), digitsOf(4, 4)).map(([a, b, c]) => `${a}-${b}-${c}`),
  );
  const typedId = fc.bigInt({ min: 10n ** 9n, max: 10n ** 19n }).map(String);
  const passcode = fc.tuple(fc.string({ unit: alphanumeric, minLength: 1, maxLength: 10 }), fc.integer({ min: 0, max: 9 })).map(([code, n]) => `x${code}${n}`);

  it('reads no meeting ID from a phone number alone', () => {
    fc.assert(
      fc.property(phone, fc.constantFrom('', 'Jane Doe\n', 'Or call in (audio only)\n'), (number, before) => {
        const result = parseMeetingInvite(`${before}${number}`);
        expect(result.ok).toBe(false);
        expect(result).not.toHaveProperty('meetingId');
      }),
      { numRuns: 500 },
    );
  });

  it('reads the typed ID and passcode, not the phone number beside them, in either order', () => {
    fc.assert(
      fc.property(phone, typedId, passcode, fc.boolean(), (number, id, code, phoneFirst) => {
        const typed = `${id.replace(/(\d{3})(?=\d)/g, '$1 ')} ${code}`;
        const result = parseMeetingInvite(phoneFirst ? `${number}\n${typed}` : `${typed}\n${number}`);
        expect(result).toEqual(expectedResult({ meetingId: id, passcode: code }));
      }),
      { numRuns: 500 },
    );
  });
});

// ---- linear time -----------------------------------------------------------------------------

// Speed figures live in bench/parse-invite.bench.ts. These tests only guard against a pattern that
// backtracks: on 1 MB a super-linear scan takes minutes, so a bound of seconds catches it without
// failing on a loaded two-core machine, where a linear parse takes tens of milliseconds.
// Not under `npm run mutation`: Stryker's instrumented parser takes over a minute for 1 MB
// (measured: 71 s), so time says nothing there, and every mutant would wait for it.
const NEVER_HANGS_MS = 5_000;
const underMutation = process.env.DOORWAY_MUTATION === '1';

const MEGABYTE = 1 << 20;
const adversarial: [name: string, unit: string, prefix?: string][] = [
  ['Teams hosts without spaces', 'https://teams.microsoft.com/'],
  ['Teams hosts with spaces', 'https://teams.microsoft.com/ '],
  ['equals signs', '='],
  ['quoted-printable soft breaks', '=\n'],
  ['=3D', '=3D'],
  ['percent signs', '%'],
  ['percent runs', '%25'],
  ['opening angle brackets', '<'],
  ['bracketed link starts', '<https://'],
  ['braces', '{'],
  ['quotes in braces', '{"'],
  ['host-like words', 'a.bc/'],
  ['meeting ID labels', 'Meeting ID: 1 '],
  ['passcode labels', 'Passcode: '],
  ['German labels with narrow no-break spaces', 'Besprechungs-ID\u202f: 1\u202f'],
  ['French labels', 'ID de la réunion : Code secret : '],
  ['Japanese labels with full-width colons', '会議 ID：１ パスコード：'],
  ['label prefixes that never finish', 'Identyfikator spotkani'],
  ['digit groups with dashes', '1-'],
  ['HTML tags', '<span>'],
  ['unclosed HTML tags', '<span '],
  ['no-break space entities', '&nbsp;'],
  ['Proofpoint v3 prefix', 'https://urldefense.com/v3/__'],
  ['Proofpoint v3 tokens', '**A*'],
  ['Safe Links prefixes', 'https://nam12.safelinks.protection.outlook.com/?url='],
  ['a meetup-join link without its end', 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_'],
  ['digits', '1'],
  ['closing parentheses', ')'],
  ['closing parentheses after a link', ')', SHORT],
  ['sentence punctuation after a link', '.', MEETUP],
  ['a link with no end', 'a', `${MEETUP}&x=`],
  ['a bracketed link with no end', 'a', `<${MEETUP}`],
];

describe.skipIf(underMutation)('parseMeetingInvite: linear time', () => {
  it.each(adversarial)('parses 1 MB of %s without backtracking', (_name, unit, prefix = '') => {
    const text = prefix + unit.repeat(Math.ceil(MEGABYTE / unit.length)).slice(0, MEGABYTE);
    const start = performance.now();
    const result: InviteResult = parseMeetingInvite(`${text} ${MEETUP}`);
    expect(performance.now() - start).toBeLessThan(NEVER_HANGS_MS);
    expectWellFormed(result);
  });

  it('stays linear on long runs of label and ID fragments in every language (property)', () => {
    const fragments = Object.values(INVITATION_LINES).flat();
    const unit = fc.array(fc.oneof(fc.constantFrom(...fragments, '1', '1 ', '1-', '<b>', '&nbsp;', '：', '\u202f', 'Wx5', '\n'), fc.string({ maxLength: 3 })), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(unit, (parts) => {
        const piece = parts.join('') || 'x';
        const text = piece.repeat(Math.ceil(200_000 / piece.length));
        const start = performance.now();
        expectWellFormed(parseMeetingInvite(text));
        expect(performance.now() - start).toBeLessThan(NEVER_HANGS_MS);
      }),
      { numRuns: 20 },
    );
  });
});

describe('parseMeetingInvite: long emails', () => {
  it('finds the meeting in a 20 KB invitation email full of wrapped links', () => {
    let thread = '';
    while (thread.length < 18_000) {
      thread += `<p>Thanks, see the notes at <a href="${safeLinks('https://contoso.sharepoint.com/sites/pm/Shared%20Documents/notes.docx?web=1').replaceAll('&', '&amp;')}">notes</a>.</p>\n`;
    }
    const email = `${thread}\n${englishInvitation(safeLinks(MEETUP), safeLinks)}`;
    expect(parseMeetingInvite(email)).toEqual(expectedResult({ link: CANONICAL }));
  });
});

describe('parseMeetingInvite: the one problem shown', () => {
  const MIMECAST = 'https://protect-eu.mimecast.com/s/AbCdEfGhIjKl?domain=teams.microsoft.com';

  it('explains the rewritten link before asking for a passcode the email never had', () => {
    expect(parseMeetingInvite(`Join: ${MIMECAST}\nMeeting ID: 263 829 185 487`)).toEqual({ ok: false, problem: 'opaqueWrapper' });
  });

  it('sends no meeting ID along with a problem other than the missing passcode', () => {
    expect(parseMeetingInvite(`https://teams.microsoft.com/meet/2345678901234\n${MIMECAST}`)).toEqual({ ok: false, problem: 'opaqueWrapper' });
  });
});
