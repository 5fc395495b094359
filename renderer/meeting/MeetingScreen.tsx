// Process: renderer. The meeting, from connecting to ended. (Being built in issue 6.)
import type { AppInfo, Settings } from '../../common/ipc-contract';
import type { MeetingRequest } from '../app/meeting-request';

export interface MeetingScreenProps {
  request: MeetingRequest;
  info: AppInfo;
  settings: Settings;
  updateSettings(patch: Partial<Settings>): void;
  /** Back to the join screen. */
  onExit(): void;
}

export function MeetingScreen({ onExit }: MeetingScreenProps) {
  return (
    <main>
      <button type="button" onClick={onExit}>
        ←
      </button>
    </main>
  );
}
