// Process: renderer. The label that stays above a practice meeting in every phase, so it is never
// mistaken for a real one: what it is, and that nothing leaves the computer.
import type { ComponentChildren } from 'preact';
import { useT } from '../i18n';
import './practice.css';

export function PracticeBanner({ children }: { children: ComponentChildren }) {
  const t = useT();
  return (
    <div class="practice-meeting" data-practice="true">
      <aside class="practice-meeting__banner" aria-label={t('practice.banner.label')}>
        <span class="practice-meeting__badge" aria-hidden="true">
          {t('practice.banner.label')}
        </span>
        <p>{t('practice.banner.text')}</p>
      </aside>
      {children}
    </div>
  );
}
