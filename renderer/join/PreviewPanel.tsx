// Process: renderer. The guest's own picture before joining: the camera preview (mirrored, as a
// mirror shows you), or a calm placeholder saying why there is none, with the camera and
// microphone switches on top.
import type { ComponentChildren, Ref } from 'preact';
import type { AccessState } from '../calling/model';
import type { PreviewStatus } from '../media/camera-preview';
import { Icon, type IconName } from '../components/Icon';
import { useT } from '../i18n';
import { initials } from './join-model';

export type PreviewState = 'loading' | 'starting' | 'on' | 'off' | 'blocked' | 'missing' | 'failed';

/** What the preview area shows, from the guest's choice, the device access and the preview. */
export function previewState(options: { cameraOn: boolean; access: AccessState; status: PreviewStatus }): PreviewState {
  const { cameraOn, access, status } = options;
  if (!cameraOn) return 'off';
  if (access === 'denied') return 'blocked';
  if (access === 'missing') return 'missing';
  // The camera shows as soon as it has a frame, even while the microphone is still being asked for.
  if (status === 'on') return 'on';
  if (access === 'unknown') return 'loading';
  return status === 'failed' ? 'failed' : 'starting';
}

const OVERLAY: Record<Exclude<PreviewState, 'on'>, { icon: IconName | null; text: 'join.preview.loading' | 'join.preview.starting' | 'join.preview.off' | 'join.preview.blocked' | 'join.preview.missing' | 'join.preview.failed' }> = {
  loading: { icon: null, text: 'join.preview.loading' },
  starting: { icon: null, text: 'join.preview.starting' },
  off: { icon: 'cameraOff', text: 'join.preview.off' },
  blocked: { icon: 'cameraOff', text: 'join.preview.blocked' },
  missing: { icon: 'cameraOff', text: 'join.preview.missing' },
  failed: { icon: 'warning', text: 'join.preview.failed' },
};

export interface PreviewPanelProps {
  state: PreviewState;
  name: string;
  /** The element the preview puts the camera's <video> in. */
  videoHost: Ref<HTMLDivElement>;
  /** The switches over the picture. */
  toolbar: ComponentChildren;
}

export function PreviewPanel({ state, name, videoHost, toolbar }: PreviewPanelProps) {
  const t = useT();
  const overlay = state === 'on' ? null : OVERLAY[state];
  const shownName = name.trim() || t('join.you');
  return (
    <section class="join-preview" aria-label={t('join.preview')} data-state={state}>
      <div class="join-preview__frame">
        <div class="join-preview__video" ref={videoHost} data-testid="preview" />
        {overlay && (
          <div class="join-preview__overlay">
            {state === 'off' && initials(name) ? (
              <span class="join-preview__avatar" aria-hidden="true">
                {initials(name)}
              </span>
            ) : overlay.icon ? (
              <span class="join-preview__badge" aria-hidden="true">
                <Icon name={overlay.icon} />
              </span>
            ) : (
              <span class="spinner spinner--large" aria-hidden="true" />
            )}
            <p class="join-preview__message">{t(overlay.text)}</p>
          </div>
        )}
        <p class="join-preview__nametag" aria-hidden="true">
          {shownName}
        </p>
        <div class="join-preview__toolbar">{toolbar}</div>
      </div>
    </section>
  );
}
