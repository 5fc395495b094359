// Process: renderer. The join screen: who you are, which meeting, and how you look and sound.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { AppInfo, JoinRequest, Settings } from '../../common/ipc-contract';
import type { InviteResult } from '../../common/meeting';
import { bridge } from '../bridge';
import { loadCalling, type CallingApi } from '../calling';
import { useT } from '../i18n';
import type { MeetingRequest } from '../app/meeting-request';

interface Props {
  info: AppInfo;
  settings: Settings;
  updateSettings(patch: Partial<Settings>): void;
  joinRequest: JoinRequest | null;
  onJoin(request: MeetingRequest): void;
}

export function JoinScreen({ info, settings, updateSettings, joinRequest, onJoin }: Props) {
  const t = useT();
  const [meetingText, setMeetingText] = useState('');
  const [invite, setInvite] = useState<InviteResult | null>(null);
  const [calling, setCalling] = useState<CallingApi | null>(null);
  const previewHost = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (joinRequest) {
      setInvite(joinRequest.invite);
      if (joinRequest.invite.ok) setMeetingText(joinRequest.invite.normalized);
    }
  }, [joinRequest]);

  useEffect(() => {
    let cancelled = false;
    void loadCalling().then(async (api) => {
      if (cancelled) return;
      await api.devices.requestAccess({ cameraId: settings.cameraId, microphoneId: settings.microphoneId, speakerId: settings.speakerId });
      if (!cancelled) setCalling(api);
    });
    return () => {
      cancelled = true;
    };
  }, []);

  useEffect(() => {
    if (!calling || !previewHost.current) return;
    void calling.preview.start(previewHost.current, calling.devices.state.get().cameraId);
    return () => calling.preview.stop();
  }, [calling]);

  const onMeetingInput = (text: string) => {
    setMeetingText(text);
    void bridge.parseInvite(text).then(setInvite);
  };

  return (
    <main class="join">
      <header class="join__header">
        <h1>{info.productName}</h1>
        <p>{t('app.tagline')}</p>
      </header>
      <div class="join__preview" ref={previewHost} data-testid="preview" />
      <form
        class="join__form"
        onSubmit={(event) => {
          event.preventDefault();
          if (!invite?.ok) return;
          onJoin({ target: invite.target, host: invite.host, displayName: settings.displayName.trim(), cameraOn: settings.cameraOn, microphoneOn: settings.microphoneOn });
        }}
      >
        <label>
          {t('join.name')}
          <input
            value={settings.displayName}
            maxLength={256}
            autocomplete="name"
            onInput={(event) => updateSettings({ displayName: event.currentTarget.value })}
          />
        </label>
        <label>
          {t('join.meeting')}
          <textarea rows={2} value={meetingText} onInput={(event) => onMeetingInput(event.currentTarget.value)} />
        </label>
        {invite && !invite.ok && <p role="alert">{invite.problem}</p>}
        <button type="submit" disabled={!invite?.ok || settings.displayName.trim() === ''}>
          {t('join.join')}
        </button>
      </form>
    </main>
  );
}
