// Process: renderer. A labelled form field: a real <label>, an optional hint, and a message area
// that is always in the page (so screen readers hear it change) and tied to the control through
// aria-describedby. The control itself is the child, given the ids it needs.
import './components.css';
import type { ComponentChildren } from 'preact';
import { Icon } from './Icon';

export interface FieldIds {
  id: string;
  describedBy: string;
  invalid: boolean;
}

export interface FieldProps {
  id: string;
  label: ComponentChildren;
  hint?: ComponentChildren;
  /** A problem to show; it makes the control aria-invalid. */
  error?: ComponentChildren | null;
  /** A neutral or positive status to show where the error would be. */
  status?: ComponentChildren | null;
  class?: string;
  children: (ids: FieldIds) => ComponentChildren;
}

export function Field({ id, label, hint, error, status, class: extra, children }: FieldProps) {
  const hintId = `${id}-hint`;
  const messageId = `${id}-message`;
  const invalid = error != null && error !== false;
  return (
    <div class={`field ${invalid ? 'is-invalid' : ''} ${extra ?? ''}`}>
      <label class="field__label" for={id}>
        {label}
      </label>
      {hint && (
        <p class="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      {children({ id, describedBy: hint ? `${hintId} ${messageId}` : messageId, invalid })}
      <div class="field__message" id={messageId} aria-live="polite">
        {invalid ? (
          <p class="field__error">
            <Icon name="error" />
            <span>{error}</span>
          </p>
        ) : status ? (
          <div class="field__status">{status}</div>
        ) : null}
      </div>
    </div>
  );
}
