// Process: renderer. A labelled drop-down (native <select>: keyboard and screen readers for free).
import './components.css';
import type { ComponentChildren } from 'preact';
import { Icon, type IconName } from './Icon';

export interface SelectOption {
  value: string;
  label: string;
}

export interface SelectProps {
  id: string;
  label: string;
  icon?: IconName;
  value: string | null;
  options: SelectOption[];
  /** Shown (disabled) when there are no options. */
  emptyLabel: string;
  onChange: (value: string) => void;
  /** Extra content under the select (a meter, a button). */
  after?: ComponentChildren;
  disabled?: boolean;
  /** data-* attributes for the <select> (state a test or a style can read). */
  data?: Record<`data-${string}`, string>;
}

export function Select({ id, label, icon, value, options, emptyLabel, onChange, after, disabled, data }: SelectProps) {
  const empty = options.length === 0;
  return (
    <div class="select-field">
      <label class="select-field__label" for={id}>
        {icon && <Icon name={icon} />}
        <span>{label}</span>
      </label>
      <div class="select-field__control">
        <select
          {...data}
          id={id}
          class="select"
          value={empty ? '' : (value ?? '')}
          disabled={disabled || empty}
          onChange={(event) => onChange(event.currentTarget.value)}
        >
          {empty ? (
            <option value="">{emptyLabel}</option>
          ) : (
            options.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))
          )}
        </select>
      </div>
      {after}
    </div>
  );
}
