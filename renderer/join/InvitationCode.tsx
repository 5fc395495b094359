// Process: renderer. The one-time code step of a bound invitation: send a code to the bound
// address, type it, confirm. A wrong code says how many tries are left; the field keeps what was
// typed. Enter confirms here (not Join: the join form's submit waits for this step).
import { useRef, useState } from 'preact/hooks';
import { Button } from '../components/Button';
import { useT } from '../i18n';
import type { CodeStep } from './use-invitation';

interface Props {
  emailHint: string;
  step: CodeStep;
  onSend: () => void;
  onVerify: (code: string) => void;
}

export function InvitationCode({ emailHint, step, onSend, onVerify }: Props) {
  const t = useT();
  const [code, setCode] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const sent = step.sentFor !== undefined || step.error === 'wrongCode' || step.error === 'codeExpired';
  const error =
    step.error === null
      ? null
      : step.error === 'wrongCode' && step.attemptsLeft !== undefined
        ? t('invitation.code.attemptsLeft', { count: step.attemptsLeft })
        : t(`invitation.error.${step.error}`);
  const verify = () => {
    if (code.trim() === '') input.current?.focus();
    else onVerify(code);
  };

  return (
    <div class="invitation-code" role="group" aria-labelledby="invitation-code-title" data-testid="invitation-code">
      <p id="invitation-code-title" class="invitation-code__title">
        {t('invitation.code.title')}
      </p>
      <p class="invitation-code__explain">{t('invitation.code.explain', { email: emailHint })}</p>
      {step.sentFor !== undefined && (
        <p class="invitation-code__sent" role="status">
          {t('invitation.code.sent', { email: emailHint, minutes: Math.max(1, Math.round(step.sentFor / 60)) })}
        </p>
      )}
      {sent && (
        <div class="field">
          <label class="field__label" for="invitation-code-input">
            {t('invitation.code.label')}
          </label>
          <input
            ref={input}
            id="invitation-code-input"
            class="input invitation-code__input"
            inputMode="numeric"
            autocomplete="one-time-code"
            maxLength={32}
            value={code}
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={error ? 'invitation-code-error' : undefined}
            onInput={(event) => setCode(event.currentTarget.value)}
            onKeyDown={(event) => {
              if (event.key !== 'Enter' || event.isComposing) return;
              event.preventDefault();
              verify();
            }}
          />
        </div>
      )}
      {error && (
        <p id="invitation-code-error" class="field__error" role="alert" data-testid="invitation-code-error" data-code={step.error}>
          {error}
        </p>
      )}
      <div class="invitation-code__actions">
        {sent && (
          <Button variant="primary" busy={step.verifying} onClick={verify}>
            {step.verifying ? t('invitation.code.verifying') : t('invitation.code.verify')}
          </Button>
        )}
        <Button busy={step.sending} onClick={onSend}>
          {step.sending ? t('invitation.code.sending') : sent ? t('invitation.code.resend') : t('invitation.code.send')}
        </Button>
      </div>
    </div>
  );
}
