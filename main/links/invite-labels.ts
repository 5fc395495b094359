// Process: main (pure). The labels Teams prints before the meeting ID and the passcode in each
// language it writes invitations in, and the punctuation around them. One table, so adding a
// language is one row; the parser and the log redactor both read it.

export interface InviteLabels {
  /** The "Meeting ID" labels (older Teams versions and variants included). */
  meetingId: readonly string[];
  /** The "Passcode" labels. */
  passcode: readonly string[];
  /**
   * The dial-in section's "Phone conference ID" labels: the number after one is typed on a phone
   * keypad, never a meeting ID (some contain a meeting-ID label: "전화 회의 ID", "电话会议 ID").
   */
  phoneConference: readonly string[];
  /** Words a signature or dial-in line puts before a phone number ("Phone", "Tel."). */
  phone: readonly string[];
}

/**
 * Keyed by language: en-GB, es-MX, fr-CA and pt-BR invitations use the labels of their language's
 * row (en, es, fr, pt), zh-CN and zh-TW differ. Apostrophes match either form (’ or '). Spaces in a label match any space or none ("会議 ID",
 * "会議ID"), a hyphen matches a hyphen, a space or none; letter case is ignored.
 */
export const INVITE_LABELS = {
  en: {
    meetingId: ['Meeting ID', 'Meeting number'], passcode: ['Passcode', 'Password', 'Pass code'],
    phoneConference: ['Phone conference ID', 'Conference ID'],
    phone: ['Phone', 'Tel', 'Telephone', 'Mobile', 'Cell', 'Fax', 'Dial-in', 'Dial in by phone'],
  },
  ar: {
    meetingId: ['معرف الاجتماع', 'معرّف الاجتماع', 'رقم الاجتماع'], passcode: ['رمز المرور', 'كلمة المرور'],
    phoneConference: ['معرف المؤتمر الهاتفي', 'معرّف المؤتمر الهاتفي', 'معرف المؤتمر'],
    phone: ['هاتف', 'الهاتف', 'جوال', 'فاكس'],
  },
  cs: {
    meetingId: ['ID schůzky'], passcode: ['Heslo', 'Přístupový kód', 'Kód schůzky'],
    phoneConference: ['ID telefonické konference', 'ID konference'],
    phone: ['Telefon', 'Tel', 'Mobil', 'Fax'],
  },
  de: {
    meetingId: ['Besprechungs-ID', 'Meeting-ID'], passcode: ['Kenncode', 'Passcode', 'Kennwort'],
    phoneConference: ['ID der Telefonkonferenz', 'Telefonkonferenz-ID', 'Konferenz-ID'],
    phone: ['Telefon', 'Tel', 'Mobil', 'Handy', 'Fax'],
  },
  es: {
    meetingId: ['Id. de reunión', 'ID de la reunión', 'Id. de la reunión', 'ID de reunión'], passcode: ['Código de acceso', 'Contraseña'],
    phoneConference: ['Id. de conferencia telefónica', 'ID de conferencia telefónica', 'Id. de conferencia'],
    phone: ['Teléfono', 'Tel', 'Móvil', 'Celular', 'Fax'],
  },
  fi: {
    meetingId: ['Kokouksen tunnus', 'Kokous-ID'], passcode: ['Tunnuskoodi', 'Pääsykoodi', 'Salasana'],
    phoneConference: ['Puhelinneuvottelun tunnus', 'Neuvottelun tunnus'],
    phone: ['Puhelin', 'Puh', 'Matkapuhelin', 'Faksi'],
  },
  fr: {
    meetingId: ['ID de réunion', 'ID de la réunion', 'ID réunion'], passcode: ['Code secret', 'Code d’accès', 'Mot de passe'],
    phoneConference: ['ID de conférence téléphonique', 'ID de conférence'],
    phone: ['Téléphone', 'Tél', 'Tel', 'Portable', 'Mobile', 'Fax'],
  },
  he: {
    meetingId: ['מזהה פגישה', 'מזהה הפגישה'], passcode: ['קוד גישה', 'קוד סיסמה', 'סיסמה'],
    phoneConference: ['מזהה ועידה טלפונית', 'מזהה שיחת ועידה'],
    phone: ['טלפון', 'טל', 'נייד', 'פקס'],
  },
  it: {
    meetingId: ['ID riunione', 'ID della riunione'], passcode: ['Passcode', 'Codice di accesso'],
    phoneConference: ['ID conferenza telefonica', 'ID conferenza'],
    phone: ['Telefono', 'Tel', 'Cellulare', 'Cell', 'Fax'],
  },
  ja: {
    meetingId: ['会議 ID'], passcode: ['パスコード', 'パスワード'],
    phoneConference: ['電話会議 ID', '電話会議の ID'],
    phone: ['電話', 'TEL', '携帯', 'FAX'],
  },
  ko: {
    meetingId: ['모임 ID', '회의 ID'], passcode: ['암호', '비밀번호', '패스코드', '암호 코드'],
    phoneConference: ['전화 회의 ID', '전화 모임 ID'],
    phone: ['전화', '휴대폰', '핸드폰', '팩스'],
  },
  nb: {
    meetingId: ['Møte-ID'], passcode: ['Passord', 'Passkode', 'Tilgangskode'],
    phoneConference: ['Telefonkonferanse-ID', 'Konferanse-ID'],
    phone: ['Telefon', 'Tlf', 'Mobil', 'Faks'],
  },
  nl: {
    meetingId: ['Vergadering-id', 'Vergader-ID', 'Id van vergadering'], passcode: ['Wachtwoordcode', 'Toegangscode', 'Wachtwoord'],
    phoneConference: ['Id telefonische vergadering', 'Telefonische vergadering-id', 'Telefoonvergadering-id', 'Conferentie-id'],
    phone: ['Telefoon', 'Tel', 'Mobiel', 'Fax'],
  },
  pl: {
    meetingId: ['Identyfikator spotkania', 'Identyfikator zebrania', 'ID spotkania'], passcode: ['Kod dostępu', 'Hasło'],
    phoneConference: ['Identyfikator konferencji telefonicznej', 'Identyfikator konferencji'],
    phone: ['Telefon', 'Tel', 'Komórka', 'Faks'],
  },
  pt: {
    meetingId: ['ID da Reunião', 'ID de reunião'], passcode: ['Senha', 'Código de acesso'],
    phoneConference: ['ID da conferência telefônica', 'ID da conferência telefónica', 'ID da conferência'],
    phone: ['Telefone', 'Tel', 'Celular', 'Telemóvel', 'Fax'],
  },
  ru: {
    meetingId: ['Идентификатор собрания', 'ИД собрания', 'ID собрания'], passcode: ['Секретный код', 'Код доступа', 'Пароль'],
    phoneConference: ['Идентификатор телефонной конференции', 'ИД телефонной конференции', 'Идентификатор конференции'],
    phone: ['Телефон', 'Тел', 'Моб', 'Факс'],
  },
  sv: {
    meetingId: ['Mötes-ID', 'Mötes-id'], passcode: ['Lösenord', 'Lösenkod', 'Åtkomstkod'],
    phoneConference: ['Telefonkonferens-ID', 'Konferens-ID'],
    phone: ['Telefon', 'Tel', 'Mobil', 'Fax'],
  },
  tr: {
    meetingId: ['Toplantı Kimliği', 'Toplantı kimliği', 'Toplantı ID'], passcode: ['Geçiş Kodu', 'Geçiş kodu', 'Parola', 'Şifre'],
    phoneConference: ['Telefon konferansı kimliği', 'Konferans kimliği'],
    phone: ['Telefon', 'Tel', 'Cep', 'Faks'],
  },
  'zh-CN': {
    meetingId: ['会议 ID', '会议号'], passcode: ['密码', '密码短语'],
    phoneConference: ['电话会议 ID', '电话会议号'],
    phone: ['电话', '手机', '传真'],
  },
  'zh-TW': {
    meetingId: ['會議 ID', '會議識別碼'], passcode: ['密碼', '通行碼', '會議密碼'],
    phoneConference: ['電話會議 ID', '電話會議識別碼'],
    phone: ['電話', '手機', '傳真'],
  },
  hi: {
    meetingId: ['मीटिंग ID', 'मीटिंग आईडी', 'बैठक ID', 'बैठक आईडी'], passcode: ['पासकोड', 'पासवर्ड'],
    phoneConference: ['फ़ोन कॉन्फ़्रेंस ID', 'फ़ोन कॉन्फ़्रेंस आईडी', 'फोन कॉन्फ्रेंस ID'],
    phone: ['फ़ोन', 'फोन', 'मोबाइल', 'फ़ैक्स'],
  },
  id: {
    meetingId: ['ID Rapat', 'ID Pertemuan'], passcode: ['Kode sandi', 'Kode akses', 'Kata sandi'],
    phoneConference: ['ID konferensi telepon'],
    phone: ['Telepon', 'Telp', 'HP', 'Ponsel', 'Faks'],
  },
} as const satisfies Record<string, InviteLabels>;

const longestFirst = (labels: readonly string[]) => [...new Set(labels)].sort((a, b) => b.length - a.length);

/** Every passcode label, longest first so "암호 코드" wins over "암호" (the log redacts the value after any of them). */
export const PASSCODE_LABELS: readonly string[] = longestFirst(Object.values(INVITE_LABELS).flatMap((labels) => labels.passcode));
const MEETING_ID_LABELS: readonly string[] = longestFirst(Object.values(INVITE_LABELS).flatMap((labels) => labels.meetingId));
const PHONE_CONFERENCE_LABELS: readonly string[] = longestFirst(Object.values(INVITE_LABELS).flatMap((labels) => labels.phoneConference));
const PHONE_LABELS: readonly string[] = longestFirst(Object.values(INVITE_LABELS).flatMap((labels) => [...labels.phoneConference, ...labels.phone]));
/** The longest phone-conference label, in code units: how far back from a meeting-ID label to look. */
const LONGEST_PHONE_CONFERENCE = PHONE_CONFERENCE_LABELS[0].length;

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

/** Phone and phone-conference labels (longest first) as a group's source, for the phone-number pattern. */
export const PHONE_LABEL_GROUP = `(?:${PHONE_LABELS.map(labelPattern).join('|')})`;

const PHONE_CONFERENCE_ENDING = new RegExp(`(?:${PHONE_CONFERENCE_LABELS.map(labelPattern).join('|')})$`, 'iu');

/** True when the meeting-ID label ending at `end` is the tail of a "Phone conference ID" label ("전화 회의 ID"). */
export function endsPhoneConferenceLabel(text: string, end: number): boolean {
  return PHONE_CONFERENCE_ENDING.test(text.slice(Math.max(0, end - LONGEST_PHONE_CONFERENCE), end));
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
