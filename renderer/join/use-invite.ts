// Process: renderer. The meeting field's text and what main's invitation parser makes of it,
// checked as the guest types (lightly debounced; a stale answer never overwrites a newer one).
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

  const parse = async (value: string): Promise<InviteResult> => {
    clearTimeout(timer.current);
    const n = ++sequence.current;
    const result = await bridge.parseInvite(value).catch((): InviteResult => ({ ok: false, problem: 'malformedLink' }));
    if (n === sequence.current) {
      setInvite(result);
      setChecking(false);
    }
    return result;
  };

  // A link from the OS (arriving while the screen is open) replaces whatever was in the field.
  useEffect(() => {
    if (!joinRequest || joinRequest === mountedWith.current) return;
    clearTimeout(timer.current);
    sequence.current++;
    latest.current = textOf(joinRequest);
    setTextState(latest.current);
    setInvite(joinRequest.invite);
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
      setChecking(true);
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void parse(value), PARSE_DELAY_MS);
    },
    flush: () => parse(latest.current),
    remember(result) {
      lastJoined = { text: latest.current, invite: result, request: joinRequest };
    },
  };
}

function textOf(request: JoinRequest | null): string {
  if (request?.invite.ok === 'invitation') return request.invite.invitation.url;
  return request?.invite.ok ? request.invite.normalized : '';
}
