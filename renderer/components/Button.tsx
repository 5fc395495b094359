// Process: renderer. Buttons: one look for every screen. `busy` keeps the button in the tab order
// and announces the work; `inactive` marks a button that cannot act yet (aria-disabled, still
// focusable and clickable, so pressing it can explain why).
import './components.css';
import type { ButtonHTMLAttributes, ComponentChildren } from 'preact';
import { Icon, type IconName } from './Icon';

export type ButtonVariant = 'primary' | 'secondary' | 'quiet';

type NativeButtonProps = Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'icon' | 'class'>;

export interface ButtonProps extends NativeButtonProps {
  variant?: ButtonVariant;
  icon?: IconName;
  busy?: boolean;
  inactive?: boolean;
  size?: 'normal' | 'large';
  class?: string;
  children: ComponentChildren;
}

export function Button({ variant = 'secondary', icon, busy, inactive, size = 'normal', class: extra, children, type = 'button', ...rest }: ButtonProps) {
  const classes = ['btn', `btn--${variant}`, size === 'large' ? 'btn--large' : '', busy ? 'is-busy' : '', extra ?? ''].filter(Boolean).join(' ');
  return (
    <button {...rest} type={type} class={classes} aria-disabled={inactive || busy ? 'true' : undefined} aria-busy={busy ? 'true' : undefined}>
      {busy ? <span class="spinner" aria-hidden="true" /> : icon ? <Icon name={icon} /> : null}
      <span class="btn__label">{children}</span>
    </button>
  );
}

export interface ToggleButtonProps extends Omit<NativeButtonProps, 'onClick' | 'onToggle' | 'onChange'> {
  /** The constant name of what is toggled ("Camera"); the state is in aria-pressed. */
  label: string;
  pressed: boolean;
  iconOn: IconName;
  iconOff: IconName;
  onPressedChange: (next: boolean) => void;
}

/** An on/off button with an icon and a visible label, e.g. the camera switch over a preview. */
export function ToggleButton({ label, pressed, iconOn, iconOff, onPressedChange, disabled, ...rest }: ToggleButtonProps) {
  return (
    <button
      {...rest}
      type="button"
      class={`toggle ${pressed ? 'is-on' : 'is-off'}`}
      aria-pressed={pressed ? 'true' : 'false'}
      disabled={disabled}
      onClick={() => onPressedChange(!pressed)}
    >
      <Icon name={pressed ? iconOn : iconOff} />
      <span class="toggle__label">{label}</span>
    </button>
  );
}
