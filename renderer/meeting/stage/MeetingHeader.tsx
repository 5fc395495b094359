// Process: renderer. The meeting's header: which meeting this is, how long the guest has been in
// it, how many people are there, the recording and transcription marks, a slot for the call
// quality indicator (children), the View menu and the meeting info button.
import type { ComponentChildren } from 'preact';
import type { CallState } from '../../calling/call-model';
import { useT } from '../../i18n';
import { MeetingIcon } from '../icons';
import { formatElapsed, type MeetingLayout } from '../layout';
import { useTick } from '../use-tick';
import { LayoutMenu } from './LayoutMenu';

export interface MeetingHeaderProps {
  name: string;
  state: CallState;
  layout: MeetingLayout;
  onLayout: (layout: MeetingLayout) => void;
  infoOpen: boolean;
  onInfo: () => void;
  /** The call quality indicator, when there is one. */
  children?: ComponentChildren;
}

export function MeetingHeader({ name, state, layout, onLayout, infoOpen, onInfo, children }: MeetingHeaderProps) {
  const t = useT();
  const now = useTick(1000, state.connectedSince !== null);
  const elapsed = formatElapsed(state.connectedSince === null ? 0 : now - state.connectedSince);
  const people = state.participants.size + 1;
  return (
    <header class="meeting-header" data-testid="meeting-header">
      <div class="meeting-header__what">
        <p class="meeting-header__name" title={name} data-testid="meeting-name">
          {name}
        </p>
        <p class="meeting-header__facts">
          <span class="meeting-header__elapsed" role="timer" aria-live="off" aria-label={t('stage.header.elapsed', { time: elapsed })}>
            {elapsed}
          </span>
          <span class="meeting-header__people" data-testid="people-count">
            <MeetingIcon name="people" />
            <span class="meeting-sr">{t('stage.header.people')}</span>
            {people}
          </span>
          {state.recordingActive && (
            <span class="meeting-header__mark meeting-header__mark--recording" data-testid="header-recording">
              <MeetingIcon name="record" />
              {t('stage.header.recording')}
            </span>
          )}
          {state.transcriptionActive && (
            <span class="meeting-header__mark" data-testid="header-transcribing">
              <MeetingIcon name="captions" />
              {t('stage.header.transcribing')}
            </span>
          )}
        </p>
      </div>
      <div class="meeting-header__actions">
        {children}
        <LayoutMenu layout={layout} onLayout={onLayout} />
        <button type="button" id="control-info" class="header-button" aria-expanded={infoOpen ? 'true' : 'false'} aria-controls={infoOpen ? 'info-panel' : undefined} onClick={onInfo}>
          <MeetingIcon name="info" />
          <span>{t('stage.info.button')}</span>
        </button>
      </div>
    </header>
  );
}
