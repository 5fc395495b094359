// Process: renderer. The meeting field's text and what main's invitation parser makes of it,
// checked as the guest types (lightly debounced; a stale answer never overwrites a newer one).
// When the text has a meeting ID but no passcode, the passcode typed in its own field completes it.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { JoinRequest } from '../../common/ipc-contract';
import type { InviteResult } from '../../common/meeting';
import { bridge } from '../bridge';

const PARSE_DELAY_MS = 150;

/**
 * The meeting the guest joined last (while this page lives), so the join screen shown after the
 * meeting still has it. A newer link from the OS wins.
 */
let lastJoined: { text: string; invite: InviteResult; request: JoinRequest | null } | null = null;

export interface InviteInput {
  text: string;
  /** The parser's answer for the text (or for the text before the last keystrokes, while checking). */
  invite: InviteResult | null;
  checking: boolean;
  setText(text: string): void;
  /** The meeting ID read from the text when only its passcode is missing: the screen asks for it. */
  askPasscodeFor: string | null;
  passcode: string;
  setPasscode(passcode: string): void;
  /** What was typed as the passcode is not one. */
  passcodeInvalid: boolean;
  /** Parses the current text now (on Join), so a pending keystroke is never lost. */
  flush(): Promise<InviteResult>;
  /** Keeps this text for the join screen after the meeting. */
  remember(invite: InviteResult): void;
}

export function useInvite(joinRequest: JoinRequest | null): InviteInput {
  const [start] = useState(() =>
    lastJoined && (joinRequest === null || lastJoined.request === joinRequest) ? lastJoined : { text: textOf(joinRequest), invite: joinRequest?.invite ?? null },
  );
  const [text, setTextState] = useState(start.text);
  const [invite, setInvite] = useState<InviteResult | null>(start.invite);
  const mountedWith = useRef(joinRequest);
  const [checking, setChecking] = useState(false);
  const latest = useRef(text);
  const sequence = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const [askPasscodeFor, setAskPasscodeFor] = useState<string | null>(askedFor(start.invite));
  const [passcode, setPasscodeState] = useState('');
  const latestPasscode = useRef('');
  const [passcodeInvalid, setPasscodeInvalid] = useState(false);

  const parse = async (value: string, code: string): Promise<InviteResult> => {
    clearTimeout(timer.current);
    const n = ++sequence.current;
    const base = await parseText(value);
    const asked = askedFor(base);
    const typed = code.trim();
    // The passcode completes the ID through the same parser; it counts only if read back whole.
    const completed = asked && typed ? await parseText(`Meeting ID: ${asked}\nPasscode: ${typed}`) : null;
    const valid = completed?.ok === true && completed.target.kind === 'meetingId' && completed.target.passcode === typed;
    const result = valid ? completed : base;
    if (n === sequence.current) {
      setInvite(result);
      setAskPasscodeFor(asked);
      setPasscodeInvalid(completed !== null && !valid);
      setChecking(false);
    }
    return result;
  };
  const parseSoon = () => {
    setChecking(true);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void parse(latest.current, latestPasscode.current), PARSE_DELAY_MS);
  };

  // A link from the OS (arriving while the screen is open) replaces whatever was in the field.
  useEffect(() => {
    if (!joinRequest || joinRequest === mountedWith.current) return;
    clearTimeout(timer.current);
    sequence.current++;
    latest.current = textOf(joinRequest);
    setTextState(latest.current);
    setInvite(joinRequest.invite);
    setAskPasscodeFor(askedFor(joinRequest.invite));
    latestPasscode.current = '';
    setPasscodeState('');
    setPasscodeInvalid(false);
    setChecking(false);
  }, [joinRequest]);

  useEffect(() => () => clearTimeout(timer.current), []);

  return {
    text,
    invite,
    checking,
    setText(value) {
      latest.current = value;
      setTextState(value);
      parseSoon();
    },
    askPasscodeFor,
    passcode,
    passcodeInvalid,
    setPasscode(value) {
      latestPasscode.current = value;
      setPasscodeState(value);
      parseSoon();
    },
    flush: () => parse(latest.current, latestPasscode.current),
    remember(result) {
      // A passcode typed in its own field is kept as the meeting's whole text.
      const completed = askPasscodeFor !== null && result.ok === true;
      lastJoined = { text: completed ? result.normalized : latest.current, invite: result, request: joinRequest };
    },
  };
}

function parseText(text: string): Promise<InviteResult> {
  return bridge.parseInvite(text).catch((): InviteResult => ({ ok: false, problem: 'malformedLink' }));
}

/** The meeting ID whose passcode alone is missing, if that is all that is wrong. */
function askedFor(invite: InviteResult | null): string | null {
  return invite?.ok === false && invite.problem === 'missingPasscode' ? (invite.meetingId ?? null) : null;
}

function textOf(request: JoinRequest | null): string {
  if (request?.invite.ok === 'invitation') return request.invite.invitation.url;
  return request?.invite.ok ? request.invite.normalized : '';
}
