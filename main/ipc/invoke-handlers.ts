// Process: main. The handler of every invoke channel, assembled from the main-process services.
// The Electron glue (main/index.ts) and the end-to-end test harness both build handlers here,
// so tests exercise exactly the code the app runs.
import type {
  AppInfo,
  CallPresence,
  CaptureChoice,
  CaptureSource,
  MediaAccess,
  MediaKind,
  MiniWindowAction,
  MiniWindowState,
  MiniWindowView,
  ShareControlAction,
  ShareControlsState,
  ShareControlsView,
  TokenReply,
} from '../../common/ipc-contract';
import type { InviteResult } from '../../common/meeting';
import type { BackgroundImages } from '../backgrounds/background-image';
import type { InvitationService } from '../invitations/invitation-service';
import type { Logger } from '../logging/rotating-log';
import type { SettingsStore } from '../settings/settings-store';
import type { InvokeHandlers } from './ipc-manager';

export interface MainServices {
  appInfo(): Omit<AppInfo, 'settings' | 'settingsRecovered' | 'settingsInMemory'>;
  settings: SettingsStore;
  parseInvite(text: string): InviteResult;
  /** main/invitations: the configured Doorway service's invitations. */
  invitations: Pick<InvitationService, 'get' | 'requestCode' | 'verify'>;
  tokens: {
    get(displayName: string): Promise<TokenReply>;
    prefetch(displayName: string): void;
  };
  media: {
    access(kind: MediaKind): MediaAccess;
    openSettings(kind: MediaKind): Promise<boolean>;
  };
  /** The page has loaded and listens (queued links go out now); and its call presence. */
  renderer: {
    ready(): void;
    presence(presence: CallPresence): void;
  };
  capture: {
    refresh(requestId: string): Promise<CaptureSource[]>;
    choose(choice: CaptureChoice): boolean;
  };
  /** The always-on-top sharing controls (main/share-controls). */
  shareControls: {
    update(state: ShareControlsState): void;
    ready(): ShareControlsView;
    action(action: ShareControlAction): void;
  };
  /** The meeting's always-on-top mini window (main/mini-window). */
  miniWindow: {
    update(state: MiniWindowState): void;
    ready(): MiniWindowView;
    action(action: MiniWindowAction): void;
  };
  /** main/backgrounds: the guest's own background picture. */
  backgrounds: BackgroundImages;
  log: Pick<Logger, 'info' | 'warn' | 'error'>;
}

export function createInvokeHandlers(services: MainServices): InvokeHandlers {
  return {
    rendererReady: () => {
      const info: AppInfo = {
        ...services.appInfo(),
        settings: services.settings.get(),
        settingsRecovered: services.settings.recovered,
        settingsInMemory: services.settings.inMemory,
      };
      // Queued deep links are sent right after this reply, so the renderer is listening.
      queueMicrotask(() => services.renderer.ready());
      return info;
    },
    parseInvite: (text) => services.parseInvite(text),
    getInvitation: ({ id }) => services.invitations.get(id),
    requestInvitationCode: ({ id }) => services.invitations.requestCode(id),
    verifyInvitationCode: ({ id, code }) => services.invitations.verify(id, code),
    getToken: ({ displayName }) => services.tokens.get(displayName),
    prefetchToken: ({ displayName }) => services.tokens.prefetch(displayName),
    updateSettings: (patch) => services.settings.update(patch),
    mediaAccess: (kind) => services.media.access(kind),
    openMediaSettings: (kind) => services.media.openSettings(kind),
    setCallPresence: (presence) => services.renderer.presence(presence),
    refreshCaptureSources: ({ requestId }) => services.capture.refresh(requestId),
    chooseCaptureSource: (choice) => services.capture.choose(choice),
    log: ({ level, message }) => services.log[level](`renderer: ${message}`),
    setShareControls: (state) => services.shareControls.update(state),
    shareControlsReady: () => services.shareControls.ready(),
    shareControlAction: (action) => services.shareControls.action(action),
    setMiniWindow: (state) => services.miniWindow.update(state),
    miniWindowReady: () => services.miniWindow.ready(),
    miniWindowAction: (action) => services.miniWindow.action(action),
    chooseBackgroundImage: () => services.backgrounds.choose(),
    savedBackgroundImage: () => services.backgrounds.saved(),
  };
}
