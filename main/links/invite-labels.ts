// Process: main (pure). The labels Teams prints before the meeting ID and the passcode in each
// language it writes invitations in, and the punctuation around them. One table, so adding a
// language is one row; the parser and the log redactor both read it.

export interface InviteLabels {
  /** The "Meeting ID" labels (older Teams versions and variants included). */
  meetingId: readonly string[];
  /** The "Passcode" labels. */
  passcode: readonly string[];
  /** Words before a meeting-ID label that make it the dial-in code ("전화 회의 ID", "电话会议 ID"). */
  phone?: readonly string[];
}

/**
 * Keyed by language: en-GB, es-MX, fr-CA and pt-BR invitations use the labels of their language's
 * row (en, es, fr, pt), zh-CN and zh-TW differ. Apostrophes match either form (’ or '). Spaces in a label match any space or none ("会議 ID",
 * "会議ID"), a hyphen matches a hyphen, a space or none; letter case is ignored.
 */
export const INVITE_LABELS = {
  en: { meetingId: ['Meeting ID', 'Meeting number'], passcode: ['Passcode', 'Password', 'Pass code'] },
  ar: { meetingId: ['معرف الاجتماع', 'معرّف الاجتماع', 'رقم الاجتماع'], passcode: ['رمز المرور', 'كلمة المرور'] },
  cs: { meetingId: ['ID schůzky'], passcode: ['Heslo', 'Přístupový kód', 'Kód schůzky'] },
  de: { meetingId: ['Besprechungs-ID', 'Meeting-ID'], passcode: ['Kenncode', 'Passcode', 'Kennwort'] },
  es: { meetingId: ['Id. de reunión', 'ID de la reunión', 'Id. de la reunión', 'ID de reunión'], passcode: ['Código de acceso', 'Contraseña'] },
  fi: { meetingId: ['Kokouksen tunnus', 'Kokous-ID'], passcode: ['Tunnuskoodi', 'Pääsykoodi', 'Salasana'] },
  fr: { meetingId: ['ID de réunion', 'ID de la réunion', 'ID réunion'], passcode: ['Code secret', 'Code d’accès', 'Mot de passe'] },
  he: { meetingId: ['מזהה פגישה', 'מזהה הפגישה'], passcode: ['קוד גישה', 'קוד סיסמה', 'סיסמה'] },
  it: { meetingId: ['ID riunione', 'ID della riunione'], passcode: ['Passcode', 'Codice di accesso'] },
  ja: { meetingId: ['会議 ID'], passcode: ['パスコード', 'パスワード'], phone: ['電話'] },
  ko: { meetingId: ['모임 ID', '회의 ID'], passcode: ['암호', '비밀번호', '패스코드', '암호 코드'], phone: ['전화'] },
  nb: { meetingId: ['Møte-ID'], passcode: ['Passord', 'Passkode', 'Tilgangskode'] },
  nl: { meetingId: ['Vergadering-id', 'Vergader-ID', 'Id van vergadering'], passcode: ['Wachtwoordcode', 'Toegangscode', 'Wachtwoord'] },
  pl: { meetingId: ['Identyfikator spotkania', 'Identyfikator zebrania', 'ID spotkania'], passcode: ['Kod dostępu', 'Hasło'] },
  pt: { meetingId: ['ID da Reunião', 'ID de reunião'], passcode: ['Senha', 'Código de acesso'] },
  ru: { meetingId: ['Идентификатор собрания', 'ИД собрания', 'ID собрания'], passcode: ['Секретный код', 'Код доступа', 'Пароль'] },
  sv: { meetingId: ['Mötes-ID', 'Mötes-id'], passcode: ['Lösenord', 'Lösenkod', 'Åtkomstkod'] },
  tr: { meetingId: ['Toplantı Kimliği', 'Toplantı kimliği', 'Toplantı ID'], passcode: ['Geçiş Kodu', 'Geçiş kodu', 'Parola', 'Şifre'] },
  'zh-CN': { meetingId: ['会议 ID', '会议号'], passcode: ['密码', '密码短语'], phone: ['电话'] },
  'zh-TW': { meetingId: ['會議 ID', '會議識別碼'], passcode: ['密碼', '通行碼', '會議密碼'], phone: ['電話'] },
  hi: { meetingId: ['मीटिंग ID', 'मीटिंग आईडी', 'बैठक ID', 'बैठक आईडी'], passcode: ['पासकोड', 'पासवर्ड'] },
  id: { meetingId: ['ID Rapat', 'ID Pertemuan'], passcode: ['Kode sandi', 'Kode akses', 'Kata sandi'] },
} as const satisfies Record<string, InviteLabels>;

const longestFirst = (labels: readonly string[]) => [...new Set(labels)].sort((a, b) => b.length - a.length);

/** Every passcode label, longest first so "암호 코드" wins over "암호" (the log redacts the value after any of them). */
export const PASSCODE_LABELS: readonly string[] = longestFirst(Object.values(INVITE_LABELS).flatMap((labels) => labels.passcode));
const MEETING_ID_LABELS: readonly string[] = longestFirst(Object.values(INVITE_LABELS).flatMap((labels) => labels.meetingId));
export const PHONE_PREFIXES: readonly string[] = Object.values(INVITE_LABELS).flatMap((labels: InviteLabels) => labels.phone ?? []);

/** Spaces Teams and mail clients put inside and around labels: no-break, narrow no-break, thin. */
export const LABEL_SPACE = ' \t\u00a0\u2009\u202f';

function labelPattern(label: string): string {
  return [...label.toLowerCase()]
    .map((c) => (c === ' ' ? `[${LABEL_SPACE}]?` : c === '-' ? `[-${LABEL_SPACE}]?` : c === '’' || c === "'" ? '[’\']' : c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
}

/** The labels (longest first) as one case-insensitive alternation. */
function alternation(labels: readonly string[]): RegExp {
  return new RegExp(labels.map(labelPattern).join('|'), 'giu');
}

/** Global, case-insensitive: callers reset `lastIndex`. Alternations of literals, so linear per position. */
export const MEETING_ID_LABEL = alternation(MEETING_ID_LABELS);
export const PASSCODE_LABEL = alternation(PASSCODE_LABELS);
/** Words a guest types around an ID and passcode that are neither (labels split into words, "and"). */
export const LABEL_WORDS: ReadonlySet<string> = new Set(
  [...MEETING_ID_LABELS, ...PASSCODE_LABELS, 'id', 'meeting', 'code', 'pass', 'pin', 'pw', 'pwd', 'and', 'number', 'no']
    .flatMap((label) => label.toLowerCase().split(/[\s-]+/))
    .filter((word) => word !== ''),
);
