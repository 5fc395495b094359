// Builders for realistic meeting links, the wrappers email gateways put around them, and whole
// invitation emails, shared by the parser tests and the benchmark.

export const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
export const ORGANIZER = 'c0a8b1e2-3f4d-4a5b-8c6d-7e8f9a0b1c2d';
export const THREAD_V2 = '19:meeting_NjQ2YmY4MzAtYWE4Zi00ZGU4LTk3ZjMtYzk2ZTdhMjQ5YmM0@thread.v2';
export const THREAD_TACV2 = '19:4e7c3d2b1a0f4e8d9c7b6a5f4e3d2c1b@thread.tacv2';
export const THREAD_SKYPE = '19:a1b2c3d4e5f60718293a4b5c6d7e8f90@thread.skype';

/** Percent-encodes the way Teams does in invitations: every reserved character, lowercase hex. */
export function teamsEncode(text: string): string {
  return encodeURIComponent(text).replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase());
}

export function contextJson(fields: Record<string, unknown> = { Tid: TENANT, Oid: ORGANIZER }): string {
  return JSON.stringify(fields);
}

/** A meetup-join link as Teams writes it in an invitation. */
export function meetupJoin(
  options: { host?: string; thread?: string; message?: string; context?: string | null; query?: string } = {},
): string {
  const { host = 'teams.microsoft.com', thread = THREAD_V2, message = '0', query = '' } = options;
  const context = options.context === undefined ? contextJson() : options.context;
  const search = context === null ? query.replace(/^&/, '?') : `?context=${teamsEncode(context)}${query}`;
  return `https://${host}/l/meetup-join/${teamsEncode(thread)}/${message}${search}`;
}

/** The link the parser hands the SDK for a meetup-join meeting. */
export function canonicalMeetup(
  options: { host?: string; thread?: string; message?: string; tid?: string; oid?: string } = {},
): string {
  const { host = 'teams.microsoft.com', thread = THREAD_V2, message = '0', tid = TENANT, oid = ORGANIZER } = options;
  const context = encodeURIComponent(JSON.stringify({ Tid: tid, Oid: oid }));
  return `https://${host}/l/meetup-join/${encodeURIComponent(thread)}/${message}?context=${context}`;
}

export function shortLink(id = '2345678901234', passcode = 'Ab3xYz', host = 'teams.microsoft.com'): string {
  return `https://${host}/meet/${id}?p=${passcode}`;
}

/** Outlook Safe Links (Microsoft Defender for Office 365). */
export function safeLinks(url: string, region = 'nam12'): string {
  const data = '05%7C02%7Cguest%40contoso.com%7C6d1f4c2b8e3a4f5b9c0d%7C72f988bf86f141af91ab2d7cd011db47%7C1%7C0%7C638412345678901234';
  return `https://${region}.safelinks.protection.outlook.com/?url=${encodeURIComponent(url)}&data=${data}&sdata=Zm9vYmFyYmF6cXV4%3D&reserved=0`;
}

/** Proofpoint URL Defense v2: percent-encoding with `-` for `%` and `_` for `/`. */
export function proofpointV2(url: string): string {
  let u = '';
  for (const byte of Buffer.from(url, 'utf8')) {
    const c = String.fromCharCode(byte);
    if (/[A-Za-z0-9.]/.test(c)) u += c;
    else if (c === '/') u += '_';
    else u += `-${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return `https://urldefense.proofpoint.com/v2/url?u=${u}&d=DwMFaQ&c=euGZstcaTDllvimEN8b7jXrwqOf-v5A_CdpgnVfiiMM&r=abc123&m=def456&s=ghi789&e=`;
}

/**
 * Proofpoint URL Defense v3: `%`, `*` and the characters in `extraUnsafe` are replaced by `*`
 * and saved, in order, base64url-encoded after `__;`; a run of them is one `**<code>` token
 * (`**A` for 2, `**B` for 3, …).
 */
export function proofpointV3(url: string, extraUnsafe = ''): string {
  const unsafe = `%*${extraUnsafe}`;
  const codes = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  let body = '';
  let saved = '';
  const chars = Array.from(url);
  for (let i = 0; i < chars.length; ) {
    if (!unsafe.includes(chars[i])) {
      body += chars[i];
      i++;
      continue;
    }
    let run = 1;
    while (run < 65 && i + run < chars.length && unsafe.includes(chars[i + run])) run++;
    body += run === 1 ? '*' : `**${codes[run - 2]}`;
    saved += chars.slice(i, i + run).join('');
    i += run;
  }
  const encoded = Buffer.from(saved, 'utf8').toString('base64url');
  return `https://urldefense.com/v3/__${body}__;${encoded}!!ABCdEfGh!iJkLmNoPqRsTuVwXyZ$`;
}

/** The web launcher Teams sends browsers to. */
export function webLauncher(route: string, host = 'teams.microsoft.com'): string {
  return `https://${host}/dl/launcher/launcher.html?url=${encodeURIComponent(`/_#${route}`)}&type=meetup-join&deeplinkId=0f1e2d3c-4b5a-6978-8695-a4b3c2d1e0f9&directDl=true&msLaunch=true&enableMobilePage=true&suppressPrompt=true`;
}

/** Encodes as quoted-printable (RFC 2045): `=XX` for `=` and non-ASCII, soft breaks at 76. */
export function quotedPrintable(text: string): string {
  let line = '';
  let out = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    const c = String.fromCharCode(byte);
    const piece = byte === 10 ? '\n' : byte === 61 || byte > 126 ? `=${byte.toString(16).toUpperCase().padStart(2, '0')}` : c;
    if (piece === '\n') {
      out += `${line}\n`;
      line = '';
      continue;
    }
    if (line.length + piece.length > 75) {
      out += `${line}=\n`;
      line = '';
    }
    line += piece;
  }
  return out + line;
}

/** A classic Teams invitation as Outlook's plain-text view shows it. */
export function englishInvitation(joinLink: string, footerWrap: (url: string) => string = (url) => url): string {
  return [
    'Hi all,',
    '',
    'Looking forward to walking through the Q3 roadmap together.',
    '',
    '________________________________________________________________________________',
    'Microsoft Teams meeting',
    'Join on your computer, mobile app or room device',
    `Click here to join the meeting<${joinLink}>`,
    'Meeting ID: 263 829 185 487',
    'Passcode: Wx5vmh',
    `Download Teams<${footerWrap('https://www.microsoft.com/en-us/microsoft-teams/download-app')}> | Join on the web<${footerWrap('https://www.microsoft.com/microsoft-teams/join-a-meeting')}>`,
    'Or call in (audio only)',
    '+1 323-849-4874,,123456789#<tel:+13238494874,,123456789#>   United States, Los Angeles',
    'Phone Conference ID: 123 456 789#',
    `Find a local number<${footerWrap('https://dialin.teams.microsoft.com/8551f4c1-bea3-441a-8738-69aa517a91c5?id=123456789')}> | Reset PIN<${footerWrap('https://dialin.teams.microsoft.com/usp/pstnconferencing')}>`,
    `Learn More<${footerWrap('https://aka.ms/JoinTeamsMeeting')}> | Meeting options<${footerWrap(`https://teams.microsoft.com/meetingOptions/?organizerId=${ORGANIZER}&tenantId=${TENANT}&threadId=19_meeting_NjQ2YmY4MzAtYWE4Zi00ZGU4LTk3ZjMtYzk2ZTdhMjQ5YmM0@thread.v2&messageId=0&language=en-US`)}>`,
    '________________________________________________________________________________',
  ].join('\r\n');
}

/** A Korean Teams invitation (Outlook, plain text). */
export function koreanInvitation(joinLink: string | null, id = '263 829 185 487', passcode = 'Wx5vmh'): string {
  return [
    '안녕하세요. 다음 주 프로젝트 검토 모임에 초대합니다.',
    '________________________________________________________________________________',
    'Microsoft Teams 모임',
    '컴퓨터, 모바일 앱 또는 회의실 디바이스에서 참가',
    joinLink === null ? '' : `여기를 클릭하여 모임에 참가<${joinLink}>`,
    `모임 ID: ${id}`,
    `암호: ${passcode}`,
    'Teams 다운로드<https://www.microsoft.com/ko-kr/microsoft-teams/download-app> | 웹에 참가<https://www.microsoft.com/microsoft-teams/join-a-meeting>',
    '전화로 참가(오디오만 해당)',
    '+82 2-1234-5678,,987654321#   대한민국, 서울',
    '전화 회의 ID: 987 654 321#',
    '자세한 정보<https://aka.ms/JoinTeamsMeeting> | 모임 옵션<https://teams.microsoft.com/meetingOptions/>',
    '________________________________________________________________________________',
  ].join('\n');
}

/** The HTML source of an invitation, as some mail clients paste it. */
export function htmlInvitation(href: string): string {
  return `<div style="width:100%"><span style="white-space:nowrap;color:#5F5F5F;opacity:.36;">________________________________________________________________________________</span></div>
<div class="me-email-text" lang="en-US" style="color:#242424;font-family:'Segoe UI','Helvetica Neue',Helvetica,Arial,sans-serif;">
<div style="margin-top:24px;margin-bottom:20px;"><span style="font-size:24px;color:#252424">Microsoft Teams</span> <a id="meet_invite_block.action.help" class="me-email-link" style="font-size:14px;text-decoration:underline;color:#5B5FC7" href="https://aka.ms/JoinTeamsMeeting?omkt=en-US">Need help?</a></div>
<div style="margin-bottom:6px;"><a class="me-email-headline" style="font-size:20px;font-weight:600;text-decoration:underline;color:#5B5FC7" href="${href}" target="_blank" rel="noreferrer noopener">Join the meeting now</a></div>
<div style="margin-bottom:6px;"><span class="me-email-text-secondary" style="font-size:14px;color:#616161">Meeting ID: </span><span class="me-email-text" style="font-size:14px;color:#242424">263 829 185 487</span></div>
<div style="margin-bottom:20px;"><span class="me-email-text-secondary" style="font-size:14px;color:#616161">Passcode: </span><span class="me-email-text" style="font-size:14px;color:#242424">Wx5vmh</span></div>
</div>`;
}

/**
 * The Meeting ID and passcode lines Teams prints in each language Doorway ships, with the
 * punctuation of that language (French puts a no-break space before the colon, Chinese and
 * Japanese may use a full-width one).
 */
export const INVITATION_LINES: Record<string, [meetingId: string, passcode: string]> = {
  en: ['Meeting ID: ', 'Passcode: '],
  'en-GB': ['Meeting ID: ', 'Passcode: '],
  ar: ['معرف الاجتماع: ', 'رمز المرور: '],
  cs: ['ID schůzky: ', 'Heslo: '],
  de: ['Besprechungs-ID: ', 'Kenncode: '],
  es: ['Id. de reunión: ', 'Código de acceso: '],
  'es-MX': ['ID de la reunión: ', 'Código de acceso: '],
  fi: ['Kokouksen tunnus: ', 'Tunnuskoodi: '],
  fr: ['ID de réunion\u202f: ', 'Code secret\u202f: '],
  'fr-CA': ['ID de la réunion\u00a0: ', 'Code d’accès\u00a0: '],
  he: ['מזהה פגישה: ', 'קוד גישה: '],
  it: ['ID riunione: ', 'Passcode: '],
  ja: ['会議 ID: ', 'パスコード: '],
  ko: ['모임 ID: ', '암호: '],
  nb: ['Møte-ID: ', 'Passord: '],
  nl: ['Vergadering-id: ', 'Wachtwoordcode: '],
  pl: ['Identyfikator spotkania: ', 'Kod dostępu: '],
  'pt-BR': ['ID da Reunião: ', 'Senha: '],
  ru: ['Идентификатор собрания: ', 'Секретный код: '],
  sv: ['Mötes-ID: ', 'Lösenord: '],
  tr: ['Toplantı Kimliği: ', 'Geçiş Kodu: '],
  'zh-CN': ['会议 ID：', '密码：'],
  'zh-TW': ['會議 ID：', '密碼：'],
  hi: ['मीटिंग ID: ', 'पासकोड: '],
  id: ['ID Rapat: ', 'Kode sandi: '],
};

export const THREAD_GCCH = '19:gcch:meeting_ZjA1YjQ3NTItYWQ2OS00MzE1LWJlMmQtZDk3ZTBmYzZmYTRk@thread.v2';
export const THREAD_DOD = '19:dod:meeting_OWU0ZmE3NjEtNWY4OS00ZWJmLTg3MzYtMGM5ZWI3YjA2MTQx@thread.v2';
