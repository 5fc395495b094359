// Process: renderer. What to do when the camera or microphone is blocked or missing: how to allow
// it on this OS (with a button to the right settings page on macOS and Windows), a way to try
// again, and the reassurance that joining still works, audio only or as a listener.
import { useEffect, useState } from 'preact/hooks';
import type { AppInfo, MediaAccess } from '../../common/ipc-contract';
import type { MessageKey } from '../../common/i18n';
import type { AccessState } from '../calling/model';
import { Alert } from '../components/Alert';
import { Button } from '../components/Button';
import { bridge } from '../bridge';
import { useT } from '../i18n';

type Kind = 'camera' | 'microphone';

export interface AccessNoticeProps {
  platform: AppInfo['platform'];
  appName: string;
  cameraAccess: AccessState;
  microphoneAccess: AccessState;
  retrying: boolean;
  onRetry: () => void;
}

const OS_SETTINGS: ReadonlySet<AppInfo['platform']> = new Set(['darwin', 'win32']);

export function AccessNotice({ platform, appName, cameraAccess, microphoneAccess, retrying, onRetry }: AccessNoticeProps) {
  const t = useT();
  const blocked: Kind[] = [];
  if (cameraAccess === 'denied') blocked.push('camera');
  if (microphoneAccess === 'denied') blocked.push('microphone');
  const missing: Kind[] = [];
  if (cameraAccess === 'missing') missing.push('camera');
  if (microphoneAccess === 'missing') missing.push('microphone');
  const osAccess = useOsAccess(platform, blocked);

  if (blocked.length === 0 && missing.length === 0) return null;
  const microphoneUsable = microphoneAccess === 'granted';
  const canJoin = microphoneUsable ? t('join.access.canJoin.audioOnly') : t('join.access.canJoin.listenOnly');

  if (blocked.length === 0) {
    return (
      <Alert tone="info" announce class="join-access" actions={<RetryButton retrying={retrying} onRetry={onRetry} />}>
        {missing.map((kind) => (
          <p key={kind}>{t(kind === 'camera' ? 'join.access.missing.camera' : 'join.access.missing.microphone')}</p>
        ))}
      </Alert>
    );
  }

  const which = blocked.length === 2 ? 'both' : blocked[0];
  const device = t(`join.access.device.${which}`);
  // On macOS and Windows main knows the OS switch: explain the one that is actually off.
  const statuses = blocked.map((kind) => osAccess[kind]);
  const how: MessageKey =
    OS_SETTINGS.has(platform) && statuses.some((s) => s === 'restricted')
      ? 'join.access.restricted'
      : OS_SETTINGS.has(platform) && statuses.every((s) => s === 'granted')
        ? 'join.access.inUse'
        : platform === 'darwin'
          ? 'join.access.how.darwin'
          : platform === 'win32'
            ? 'join.access.how.win32'
            : 'join.access.how.other';

  return (
    <Alert
      tone="warning"
      announce
      class="join-access"
      title={t(`join.access.title.${which}`)}
      actions={
        <>
          {OS_SETTINGS.has(platform) &&
            blocked.map((kind) => (
              <Button key={kind} icon="external" onClick={() => void bridge.openMediaSettings(kind)}>
                {t(kind === 'camera' ? 'join.access.openSettings.camera' : 'join.access.openSettings.microphone')}
              </Button>
            ))}
          <RetryButton retrying={retrying} onRetry={onRetry} />
        </>
      }
    >
      <p>{t(how, { device, app: appName })}</p>
      <p class="join-access__can-join">{canJoin}</p>
    </Alert>
  );
}

function RetryButton({ retrying, onRetry }: { retrying: boolean; onRetry: () => void }) {
  const t = useT();
  return (
    <Button icon="retry" busy={retrying} onClick={() => !retrying && onRetry()}>
      {t('join.access.retry')}
    </Button>
  );
}

/** The OS's own permission for each blocked kind (macOS, Windows); 'unknown' elsewhere. */
function useOsAccess(platform: AppInfo['platform'], blocked: Kind[]): Record<Kind, MediaAccess> {
  const [access, setAccess] = useState<Record<Kind, MediaAccess>>({ camera: 'unknown', microphone: 'unknown' });
  const key = blocked.join(',');
  useEffect(() => {
    if (!OS_SETTINGS.has(platform) || blocked.length === 0) return;
    let live = true;
    void Promise.all(blocked.map((kind) => bridge.mediaAccess(kind).catch((): MediaAccess => 'unknown'))).then((answers) => {
      if (!live) return;
      setAccess((current) => {
        const next = { ...current };
        blocked.forEach((kind, i) => (next[kind] = answers[i]!));
        return next;
      });
    });
    return () => {
      live = false;
    };
  // eslint-disable-next-line react-hooks/exhaustive-deps -- key is the blocked set by value
  }, [platform, key]);
  return access;
}
