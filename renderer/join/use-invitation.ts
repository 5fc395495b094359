// Process: renderer. The Doorway invitation behind the meeting field: asked of main (which alone
// talks to the service), with the one-time code step of a bound invitation. What the guest may
// join is main's parse of the invitation's join URL, or, when the service could not be asked, the
// Teams link their deep link carried.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { InvitationFailure, InvitationReply } from '../../common/ipc-contract';
import type { InvitationMeeting } from '../../common/invitation';
import type { InvitationRef, InviteResult, JoinableInvite } from '../../common/meeting';
import { bridge } from '../bridge';
import { allowsFallback } from './invitation-model';

export interface CodeStep {
  sending: boolean;
  /** Seconds the sent code stays valid; undefined until one was sent. */
  sentFor?: number;
  verifying: boolean;
  error: InvitationFailure | null;
  attemptsLeft?: number;
}

export interface InvitationState {
  ref: InvitationRef | null;
  loading: boolean;
  meeting: InvitationMeeting | null;
  /** Set while a bound invitation waits for its code. */
  emailHint: string | null;
  error: InvitationFailure | null;
  /** What Join joins: the open invitation's meeting, or the fallback when allowed. */
  joinable: JoinableInvite | null;
  usingFallback: boolean;
  guestName: string | null;
  code: CodeStep;
  retry: () => void;
  requestCode: () => Promise<void>;
  verify: (code: string) => Promise<void>;
}

const NO_CODE: CodeStep = { sending: false, verifying: false, error: null };

export function useInvitation(invite: InviteResult | null): InvitationState {
  const ref = invite?.ok === 'invitation' ? invite.invitation : null;
  const [reply, setReply] = useState<InvitationReply | null>(null);
  const [loading, setLoading] = useState(false);
  const [code, setCode] = useState<CodeStep>(NO_CODE);
  const [attempt, setAttempt] = useState(0);
  const current = useRef<string | null>(null);

  useEffect(() => {
    current.current = ref?.id ?? null;
    setReply(null);
    setCode(NO_CODE);
    if (!ref) return;
    setLoading(true);
    const id = ref.id;
    void bridge
      .getInvitation({ id })
      .catch((): InvitationReply => ({ ok: false, error: 'unreachable' }))
      .then((answer) => {
        if (current.current !== id) return;
        setReply(answer);
        setLoading(false);
      });
  // eslint-disable-next-line react-hooks/exhaustive-deps -- ref is followed by its id
  }, [ref?.id, attempt]);

  const id = ref?.id ?? '';
  const error = reply && !reply.ok ? reply.error : null;
  const open = reply?.ok && reply.status === 'open' ? reply : null;
  const fallback = error !== null && allowsFallback(error) ? (ref?.fallback ?? null) : null;

  return {
    ref,
    loading,
    meeting: reply?.ok ? reply.meeting : null,
    emailHint: reply?.ok && reply.status === 'verificationRequired' ? reply.emailHint : null,
    error,
    joinable: open?.invite ?? fallback,
    usingFallback: fallback !== null,
    guestName: open?.guestName ?? null,
    code,
    retry: () => setAttempt((n) => n + 1),
    async requestCode() {
      setCode((step) => ({ ...step, sending: true, error: null }));
      const answer = await bridge.requestInvitationCode({ id }).catch(() => ({ ok: false, error: 'unreachable' }) as const);
      if (current.current !== id) return;
      setCode(answer.ok ? { ...NO_CODE, sentFor: answer.expiresInSeconds } : (step) => ({ ...step, sending: false, error: answer.error }));
    },
    async verify(value) {
      setCode((step) => ({ ...step, verifying: true, error: null }));
      const answer = await bridge.verifyInvitationCode({ id, code: value }).catch((): InvitationReply => ({ ok: false, error: 'unreachable' }));
      if (current.current !== id) return;
      if (answer.ok) {
        setReply(answer);
        setCode(NO_CODE);
        return;
      }
      // A locked, revoked or expired invitation ends the code step; the card says why.
      if (['locked', 'revoked', 'expired', 'unknownInvitation'].includes(answer.error)) setReply(answer);
      setCode((step) => ({ ...step, verifying: false, error: answer.error, ...(answer.attemptsLeft !== undefined && { attemptsLeft: answer.attemptsLeft }) }));
    },
  };
}
