// Process: renderer. The join screen: which meeting, who you are, and how you look and sound.
// Everything the guest chooses here is remembered; Join hands a MeetingRequest to the meeting
// screen once the token service has answered (so a misconfigured app or a token error is shown
// here, with everything the guest typed kept).
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { AppInfo, JoinRequest, Settings, TokenErrorCode, TokenReply } from '../../common/ipc-contract';
import type { MeetingRequest } from '../app/meeting-request';
import { bridge } from '../bridge';
import { Alert } from '../components/Alert';
import { Button, ToggleButton } from '../components/Button';
import { Field } from '../components/Field';
import { Icon } from '../components/Icon';
import { useT } from '../i18n';
import { AccessNotice } from './AccessNotice';
import { DevicePanel } from './DevicePanel';
import { JoinHeader } from './JoinHeader';
import { MAX_NAME_LENGTH, groupDigits, meetingSummary, nameProblem, willUse } from './join-model';
import { PreviewPanel, previewState } from './PreviewPanel';
import { useInvite } from './use-invite';
import { useInvitation } from './use-invitation';
import { MeetingCard } from './MeetingCard';
import { TestCall } from './TestCall';
import { requestCalling, useJoinMedia } from './use-join-media';
import { JoinEffects } from './join-effects';
import { EffectsPicker } from '../effects/EffectsPicker';
import { effectsOptions } from '../effects/effects-options';
import './join.css';

interface Props {
  info: AppInfo;
  settings: Settings;
  updateSettings: (patch: Partial<Settings>) => void;
  joinRequest: JoinRequest | null;
  onJoin: (request: MeetingRequest) => void;
}

/** Quiet time after typing before the name is saved, and before a token is fetched ahead. */
const SAVE_NAME_DELAY_MS = 500;
const PREFETCH_DELAY_MS = 700;

export function JoinScreen({ info, settings, updateSettings, joinRequest, onJoin }: Props) {
  const t = useT();
  // Nothing of effects loads until the picker opens (or a remembered effect returns after the first frame).
  // eslint-disable-next-line react-hooks/exhaustive-deps -- one for the screen's life, from the settings it opened with
  const effects = useMemo(() => new JoinEffects(effectsOptions(settings, info, updateSettings)), []);
  useEffect(() => () => effects.dispose(), [effects]);
  const [effectsOpen, setEffectsOpen] = useState(false);
  const media = useJoinMedia(settings, effects);
  const { devices, previewStatus, videoHost } = media;

  const [name, setName] = useState(settings.displayName);
  const [nameTouched, setNameTouched] = useState(false);
  const meeting = useInvite(joinRequest);
  const [meetingTouched, setMeetingTouched] = useState(joinRequest !== null);
  const [submitted, setSubmitted] = useState(false);
  const [joining, setJoining] = useState(false);
  const [tokenError, setTokenError] = useState<TokenErrorCode | null>(null);
  const [retrying, setRetrying] = useState(false);

  const nameRef = useRef<HTMLInputElement>(null);
  const meetingRef = useRef<HTMLTextAreaElement>(null);
  const passcodeRef = useRef<HTMLInputElement>(null);
  const joinRef = useRef<HTMLButtonElement>(null);
  const mounted = useRef(true);
  useEffect(() => () => void (mounted.current = false), []);

  // A deep link arriving while the screen is open counts as the guest's input.
  const firstJoinRequest = useRef(joinRequest);
  useEffect(() => {
    if (joinRequest && joinRequest !== firstJoinRequest.current) setMeetingTouched(true);
  }, [joinRequest]);

  const microphoneReady = devices.microphoneAccess === 'granted' && devices.microphoneId !== null;

  // The name is remembered a moment after typing stops (never a name the settings would refuse).
  useEffect(() => {
    const trimmed = name.trim();
    if (trimmed.length > MAX_NAME_LENGTH || trimmed === settings.displayName) return;
    const timer = setTimeout(() => updateSettings({ displayName: trimmed }), SAVE_NAME_DELAY_MS);
    return () => clearTimeout(timer);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- saves what the guest types, not when the settings change
  }, [name]);

  const problemWithName = nameProblem(name);
  const invite = meeting.invite;
  // A Doorway invitation joins what main made of it (or the carried Teams link if the service is down).
  const invitation = useInvitation(invite);
  const joinTarget = invite?.ok === true ? invite : invitation.joinable;
  const ready = problemWithName === null && joinTarget !== null;

  // The name staff gave the guest fills an empty name field (never overwrites one).
  useEffect(() => {
    if (invitation.guestName && name.trim() === '') setName(invitation.guestName);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- fills the name when staff's name arrives, not as the guest types
  }, [invitation.guestName]);

  // Fetch the token ahead once name and meeting are valid, so Join starts at once.
  const prefetched = useRef('');
  useEffect(() => {
    if (!info.tokenServiceConfigured || !ready) return;
    const displayName = name.trim();
    if (prefetched.current === displayName) return;
    const timer = setTimeout(() => {
      prefetched.current = displayName;
      void bridge.prefetchToken({ displayName }).catch(() => undefined);
    }, PREFETCH_DELAY_MS);
    return () => clearTimeout(timer);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- info is fixed for the app's life
  }, [ready, name]);

  // First focus: the first thing the guest still has to fill in, else Join.
  useEffect(() => {
    const target = !(joinRequest?.invite.ok || meeting.text) ? meetingRef.current : nameProblem(name) ? nameRef.current : joinRef.current;
    target?.focus();
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the first focus, once, when the screen opens
  }, []);

  const join = async () => {
    if (joining) return;
    requestCalling('now');
    setSubmitted(true);
    setTokenError(null);
    const parsed = await meeting.flush();
    if (!mounted.current) return;
    const target = parsed.ok === true ? parsed : parsed.ok === 'invitation' && parsed.invitation.id === invitation.ref?.id ? invitation.joinable : null;
    if (target === null) {
      (meeting.askPasscodeFor !== null ? passcodeRef : meetingRef).current?.focus();
      return;
    }
    if (nameProblem(name)) {
      nameRef.current?.focus();
      return;
    }
    const displayName = name.trim();
    setJoining(true);
    if (displayName !== settings.displayName) updateSettings({ displayName });
    const reply = await bridge.getToken({ displayName }).catch((): TokenReply => ({ ok: false, error: 'unreachable' }));
    if (!mounted.current) return;
    if (!reply.ok) {
      setJoining(false);
      setTokenError(reply.error);
      return;
    }
    meeting.remember(parsed);
    const cameraOn = willUse(settings.cameraOn, devices.cameraAccess, devices.cameras.length > 0);
    onJoin({
      target: target.target,
      host: target.host,
      subject: parsed.ok === 'invitation' ? invitation.meeting?.subject : undefined,
      displayName,
      cameraOn,
      microphoneOn: willUse(settings.microphoneOn, devices.microphoneAccess, devices.microphones.length > 0),
      ...media.handOff(cameraOn),
      effectsPreview: effects.handOff(),
    });
  };

  // The practice meeting: no link and no token needed; the name typed so far, or "Guest".
  const practice = () => {
    if (joining) return;
    requestCalling('now');
    const cameraOn = willUse(settings.cameraOn, devices.cameraAccess, devices.cameras.length > 0);
    onJoin({
      practice: true,
      target: { kind: 'link', meetingLink: '' },
      host: t('practice.host'),
      subject: t('practice.banner.label'),
      displayName: nameProblem(name) ? t('practice.defaultName') : name.trim(),
      cameraOn,
      microphoneOn: willUse(settings.microphoneOn, devices.microphoneAccess, devices.microphones.length > 0),
      ...media.handOff(cameraOn),
      effectsPreview: effects.handOff(),
    });
  };

  const retryAccess = async () => {
    setRetrying(true);
    await media.retryAccess().catch(() => undefined);
    if (mounted.current) setRetrying(false);
  };

  const showNameProblem = problemWithName !== null && (nameTouched || submitted);
  // A meeting ID without its passcode is not an error of the meeting field: the passcode field asks.
  const askingPasscode = meeting.askPasscodeFor !== null;
  const inviteProblem = invite && !invite.ok && !(askingPasscode && invite.problem === 'missingPasscode') ? invite.problem : null;
  const passcodeProblem = meeting.passcodeInvalid
    ? t('join.passcode.invalid')
    : submitted && askingPasscode && meeting.passcode.trim() === ''
      ? t('link.problem.missingPasscode')
      : null;
  const showMeetingProblem = inviteProblem !== null && (meetingTouched || submitted || (inviteProblem !== 'empty' && meeting.text.trim() !== ''));
  const summary = meetingSummary(invite);

  const cameraWillBeOn = willUse(settings.cameraOn, devices.cameraAccess, devices.cameras.length > 0);
  const microphoneWillBeOn = willUse(settings.microphoneOn, devices.microphoneAccess, devices.microphones.length > 0);
  const joinNotes: string[] = [];
  // A bound invitation's code is what stands between the guest and Join: say so, not "enter a link".
  if (!ready) joinNotes.push(t(invitation.emailHint !== null && problemWithName === null ? 'join.notReadyCode' : 'join.notReady'));
  else {
    if (settings.cameraOn && !cameraWillBeOn) joinNotes.push(t('join.withoutCamera'));
    if (settings.microphoneOn && !microphoneWillBeOn) joinNotes.push(t('join.withoutMicrophone'));
  }

  const state = previewState({ cameraOn: settings.cameraOn, access: devices.cameraAccess, status: previewStatus });
  const meterMode = !settings.microphoneOn ? 'off' : microphoneReady || devices.microphoneAccess === 'unknown' ? 'running' : 'unavailable';
  const devicesKnown = devices.cameraAccess !== 'unknown';

  return (
    <main class="join">
      <JoinHeader productName={info.productName} tagline={t('app.tagline')} />

      <div class="join__body">
        <div class="join__media">
          <PreviewPanel
            state={state}
            name={name}
            videoHost={videoHost}
            toolbar={
              <>
                <ToggleButton
                  label={t('join.camera')}
                  pressed={settings.cameraOn && devices.cameraAccess !== 'denied' && devices.cameraAccess !== 'missing'}
                  iconOn="camera"
                  iconOff="cameraOff"
                  disabled={devices.cameraAccess === 'denied' || devices.cameraAccess === 'missing'}
                  onPressedChange={(on) => updateSettings({ cameraOn: on })}
                />
                <ToggleButton
                  label={t('join.microphone')}
                  pressed={settings.microphoneOn && devices.microphoneAccess !== 'denied' && devices.microphoneAccess !== 'missing'}
                  iconOn="microphone"
                  iconOff="microphoneOff"
                  disabled={devices.microphoneAccess === 'denied' || devices.microphoneAccess === 'missing'}
                  onPressedChange={(on) => updateSettings({ microphoneOn: on })}
                />
                <button
                  type="button"
                  id="join-effects-button"
                  class="toggle"
                  aria-expanded={effectsOpen ? 'true' : 'false'}
                  aria-controls="join-effects"
                  onClick={() => setEffectsOpen(!effectsOpen)}
                >
                  <Icon name="blur" />
                  <span class="toggle__label">{t('effects.button')}</span>
                </button>
              </>
            }
          />
          {effectsOpen && (
            <section id="join-effects" class="join-effects" aria-labelledby="join-effects-button">
              <EffectsPicker effects={effects} idPrefix="join" />
              {!settings.cameraOn && <p class="join-effects__note">{t('effects.cameraOff')}</p>}
            </section>
          )}
          <AccessNotice
            platform={info.platform}
            appName={info.productName}
            cameraAccess={devices.cameraAccess}
            microphoneAccess={devices.microphoneAccess}
            retrying={retrying}
            onRetry={() => void retryAccess()}
          />
        </div>

        <form
          class="join-form"
          aria-labelledby="join-title"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void join();
          }}
        >
          <h2 id="join-title" class="join-form__title">
            {t('join.title')}
          </h2>
          <p class="join-form__subtitle">{t('join.subtitle')}</p>
          {joinRequest?.reason === 'recovered' && (
            <Alert tone="info" announce class="join-recovered">
              {t('join.recovered', { app: info.productName })}
            </Alert>
          )}

          <Field
            id="meeting-input"
            label={t('join.meeting')}
            hint={t('join.meeting.hint')}
            error={showMeetingProblem && inviteProblem ? t(`link.problem.${inviteProblem}`) : null}
            status={
              invitation.ref ? null : summary ? (
                <p class="join-meeting-found" data-testid="meeting-summary">
                  <Icon name="check" />
                  <span>
                    <span class="join-meeting-found__label">{t('join.meeting.found')}</span>
                    <span class="join-meeting-found__what">
                      {summary.kind === 'link' ? t('join.meeting.teams', { host: summary.host }) : t('join.meeting.id', { id: summary.id })}
                    </span>
                  </span>
                </p>
              ) : meeting.checking && meeting.text.trim() !== '' ? (
                <p class="field__checking">{t('join.meeting.checking')}</p>
              ) : null
            }
          >
            {({ id, describedBy, invalid }) => (
              <textarea
                ref={meetingRef}
                id={id}
                class="input input--area"
                rows={3}
                value={meeting.text}
                spellcheck={false}
                autocomplete="off"
                aria-describedby={describedBy}
                aria-invalid={invalid ? 'true' : undefined}
                onInput={(event) => meeting.setText(event.currentTarget.value)}
                onBlur={() => setMeetingTouched(true)}
                onKeyDown={(event) => {
                  // Enter joins, as everywhere on this form; Shift+Enter starts a new line.
                  if (event.key !== 'Enter' || event.shiftKey || event.isComposing || event.keyCode === 229) return;
                  event.preventDefault();
                  event.currentTarget.form?.requestSubmit();
                }}
              />
            )}
          </Field>

          {askingPasscode && (
            <Field id="passcode-input" label={t('join.passcode')} hint={t('join.passcode.hint', { id: groupDigits(meeting.askPasscodeFor ?? '') })} error={passcodeProblem}>
              {({ id, describedBy, invalid }) => (
                <input
                  ref={passcodeRef}
                  id={id}
                  class="input"
                  value={meeting.passcode}
                  spellcheck={false}
                  autocomplete="off"
                  autocapitalize="off"
                  maxLength={64}
                  aria-describedby={describedBy}
                  aria-invalid={invalid ? 'true' : undefined}
                  onInput={(event) => meeting.setPasscode(event.currentTarget.value)}
                />
              )}
            </Field>
          )}

          {invitation.ref && <MeetingCard invitation={invitation} />}

          <Field
            id="name-input"
            label={t('join.name')}
            hint={t('join.name.hint')}
            error={
              showNameProblem
                ? problemWithName === 'empty'
                  ? t('join.name.empty')
                  : problemWithName === 'controlCharacters'
                    ? t('join.name.controlCharacters')
                    : t('join.name.tooLong', { max: MAX_NAME_LENGTH, count: name.trim().length })
                : null
            }
          >
            {({ id, describedBy, invalid }) => (
              <input
                ref={nameRef}
                id={id}
                class="input"
                type="text"
                value={name}
                autocomplete="name"
                spellcheck={false}
                aria-describedby={describedBy}
                aria-invalid={invalid ? 'true' : undefined}
                onInput={(event) => setName(event.currentTarget.value)}
                onBlur={() => setNameTouched(true)}
              />
            )}
          </Field>

          <div class="join-form__actions">
            <Button
              ref={joinRef}
              type="submit"
              variant="primary"
              size="large"
              class="join-form__submit"
              busy={joining}
              inactive={!ready}
              aria-describedby={joinNotes.length > 0 ? 'join-notes' : undefined}
            >
              {joining ? t('join.joining') : t('join.join')}
            </Button>
            {joinNotes.length > 0 && (
              <div id="join-notes" class="join-form__notes">
                {joinNotes.map((note) => (
                  <p key={note}>{note}</p>
                ))}
              </div>
            )}
          </div>

          <div class="join-form__practice">
            <Button id="practice-button" onClick={practice} aria-describedby="practice-hint">
              {t('practice.join.button')}
            </Button>
            <p id="practice-hint">{t('practice.join.hint')}</p>
          </div>

          <TestCall info={info} displayName={nameProblem(name) ? t('practice.defaultName') : name.trim()} devices={() => media.handOff(false)} />

          {tokenError && (
            <Alert tone="error" announce title={t('join.error.title')} class="join-form__error">
              <p data-testid="token-error" data-code={tokenError}>
                {t(tokenError === 'notConfigured' && info.runningFromSource ? 'token.error.notConfigured.fromSource' : `token.error.${tokenError}`)}
              </p>
            </Alert>
          )}
        </form>
        <DevicePanel
          devices={devices}
          ready={devicesKnown}
          level={media.level}
          meterMode={meterMode}
          testSound={media.testSoundState}
          onCamera={(id) => {
            media.select('camera', id);
            updateSettings({ cameraId: id });
          }}
          onMicrophone={(id) => {
            media.select('microphone', id);
            updateSettings({ microphoneId: id });
          }}
          onSpeaker={(id) => {
            media.select('speaker', id);
            updateSettings({ speakerId: id });
          }}
          onTestSound={media.playTestSound}
        />
      </div>
    </main>
  );
}
