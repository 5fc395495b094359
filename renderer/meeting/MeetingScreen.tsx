// Process: renderer. The meeting, from pressing Join to its end. Joins through the calling module
// (loaded after first paint; the SDK never reaches this folder), shows the screen of the call's
// phase, tells main whether the guest is in a meeting (so closing the window asks first), leaves
// when main asks (app closing), and hangs up when this screen goes away.
import './meeting.css';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { AppInfo, LogLevel, Settings } from '../../common/ipc-contract';
import type { MeetingRequest } from '../app/meeting-request';
import { bridge } from '../bridge';
import { loadCalling } from '../calling';
import { stopStream } from '../media/camera-preview';
import type { CallSession, CallState, EndedInfo } from '../calling/call-model';
import { CallView } from './CallView';
import { ConnectingView, EndedView, LobbyView } from './phases';
import { useObservableExcept } from '../components/use-observable';
import { PracticeBanner } from './PracticeBanner';
import { layoutOf } from './layout';
import { meetingInfoOf } from './stage/meeting-info';
import { effectsOptions } from '../effects/effects-options';

export interface MeetingScreenProps {
  request: MeetingRequest;
  info: AppInfo;
  settings: Settings;
  updateSettings: (patch: Partial<Settings>) => void;
  /** Back to the join screen. */
  onExit: () => void;
}

/** The meeting as main can parse it again (InviteResult.normalized's forms), for recovery. */
function meetingText({ target }: MeetingRequest): string {
  return target.kind === 'link' ? target.meetingLink : `Meeting ID: ${target.meetingId}${target.passcode ? ` Passcode: ${target.passcode}` : ''}`;
}

const SLICES_WITH_OWN_VIEWS: readonly (keyof CallState)[] = ['captions', 'reactions'];

const LEFT_EARLY: EndedInfo = { kind: 'left', code: null, subCode: null, callId: null, rejoin: true };
const LOAD_FAILED: EndedInfo = { kind: 'unknown', code: null, subCode: null, callId: null, rejoin: true };

export function MeetingScreen({ request, info, settings, updateSettings, onExit }: MeetingScreenProps) {
  const [attempt, setAttempt] = useState(0);
  const [session, setSession] = useState<CallSession | null>(null);
  // Ended before there was a session: left while the SDK loaded, or the SDK failed to load.
  const [earlyEnd, setEarlyEnd] = useState<EndedInfo | null>(null);
  // Caption lines and reactions re-render only their own views (CaptionsBanner, the captions
  // button, each tile's reaction), not the whole meeting.
  const state = useObservableExcept<CallState>(session?.state, null, SLICES_WITH_OWN_VIEWS);
  const leftEarly = useRef(false);
  const endEarly = (info: EndedInfo) => {
    leftEarly.current = true;
    setEarlyEnd(info);
  };

  useEffect(() => {
    let cancelled = false;
    let current: CallSession | null = null;
    setSession(null);
    setEarlyEnd(null);
    leftEarly.current = false;
    // A practice meeting is nothing main needs to know about (no meeting to leave, no token).
    if (!request.practice) void bridge.setCallPresence({ inMeeting: true, meeting: meetingText(request) });
    loadCalling().then(
      (api) => {
        if (cancelled || leftEarly.current) return;
        const options = {
          displayName: request.displayName,
          cameraOn: request.cameraOn,
          microphoneOn: request.microphoneOn,
          devices: request.devices,
          access: request.access,
          camera: request.camera,
          effectsPreview: request.effectsPreview,
          captionLanguage: settings.captionLanguage,
          effects: effectsOptions(settings, info, updateSettings),
          log: (level: LogLevel, message: string) => void bridge.log({ level, message }),
        };
        current = request.practice
          ? api.joinPractice(options)
          : api.joinMeeting({ ...options, target: request.target, getToken: () => bridge.getToken({ displayName: request.displayName }) });
        setSession(current);
      },
      (error: unknown) => {
        if (cancelled || leftEarly.current) return;
        void bridge.log({ level: 'error', message: `meeting: calling failed to load: ${String(error)}` });
        endEarly(LOAD_FAILED);
      },
    );
    return () => {
      cancelled = true;
      // The session stops the join screen's camera when it ends; without one, nobody else will.
      if (current) void current.dispose();
      else {
        stopStream(request.camera?.stream);
        request.effectsPreview?.dispose();
      }
    };
  // eslint-disable-next-line react-hooks/exhaustive-deps -- one session per attempt, with the request and settings as they were when it started
  }, [attempt]);

  const ended = state?.phase === 'ended' || earlyEnd !== null;
  const callId = state?.callId ?? null;
  useEffect(() => {
    if (ended) void bridge.setCallPresence({ inMeeting: false });
    else if (callId && !request.practice) void bridge.setCallPresence({ inMeeting: true, meeting: meetingText(request), callId });
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the request is fixed for a meeting screen
  }, [ended, callId]);
  useEffect(() => () => void bridge.setCallPresence({ inMeeting: false }), []);

  // The app is closing (the guest agreed): leave now, in whatever phase.
  useEffect(
    () =>
      bridge.on.leaveRequested(() => {
        if (session) void session.leave();
        else endEarly(LEFT_EARLY);
      }),
    [session],
  );

  const rejoin = () => setAttempt((n) => n + 1);
  const screen = meetingView();
  return request.practice ? <PracticeBanner>{screen}</PracticeBanner> : screen;

  function meetingView() {
    if (earlyEnd) return <EndedView ended={earlyEnd} onRejoin={rejoin} onBack={onExit} />;
    if (!session || !state || state.phase === 'connecting') {
      return (
        <ConnectingView
          host={request.host}
          selfVideo={request.camera?.stream.active ? request.camera.video : null}
          leaving={state?.local.leaving ?? false}
          onLeave={() => {
            if (session) void session.leave();
            else endEarly(LEFT_EARLY);
          }}
        />
      );
    }
    if (state.phase === 'ended' && state.ended) return <EndedView ended={state.ended} dialIn={state.dialIn} onRejoin={rejoin} onBack={onExit} />;
    if (state.phase === 'lobby') return <LobbyView session={session} state={state} displayName={request.displayName} />;
    return (
      <CallView
        session={session}
        state={state}
        displayName={request.displayName}
        meeting={meetingInfoOf(request.target, request.host, request.subject)}
        layout={layoutOf(settings.meetingLayout)}
        onLayout={(meetingLayout) => updateSettings({ meetingLayout })}
        onCaptionLanguage={(captionLanguage) => updateSettings({ captionLanguage })}
        practice={request.practice}
      />
    );
  }
}
