// Process: renderer. A message box: an error that stops something, a warning, or information.
// `announce` makes it a live region (role=alert for errors, status otherwise).
import './components.css';
import type { ComponentChildren } from 'preact';
import { Icon } from './Icon';

export interface AlertProps {
  tone: 'error' | 'warning' | 'info';
  title?: ComponentChildren;
  announce?: boolean;
  id?: string;
  class?: string;
  /** Buttons under the message. */
  actions?: ComponentChildren;
  children?: ComponentChildren;
  tabIndex?: number;
}

export function Alert({ tone, title, announce, id, class: extra, actions, children, tabIndex }: AlertProps) {
  const role = announce ? (tone === 'error' ? 'alert' : 'status') : undefined;
  return (
    <div id={id} class={`alert alert--${tone} ${extra ?? ''}`} role={role} tabIndex={tabIndex}>
      <Icon name={tone === 'info' ? 'info' : tone === 'warning' ? 'warning' : 'error'} class="alert__icon" />
      <div class="alert__body">
        {title && <p class="alert__title">{title}</p>}
        {children}
        {actions && <div class="alert__actions">{actions}</div>}
      </div>
    </div>
  );
}
