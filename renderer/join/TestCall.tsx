// Process: renderer. "Test call" on the join screen: a call to the ACS test bot that plays back
// what the guest says, so they hear themselves as others will, before any meeting. It shows the
// four steps (calling, speak now, playing back, done) and what to do in each, ends itself, and
// explains a failure with the same words as a meeting that could not be joined. It uses the
// microphone and speaker chosen on this screen and leaves the camera preview alone. With no token
// service configured it runs against the practice meeting's bot, and says so: nothing is recorded.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { AppInfo, LogLevel, TokenReply } from '../../common/ipc-contract';
import { bridge } from '../bridge';
import { loadCalling } from '../calling';
import type { AccessState } from '../calling/model';
import type { ChosenDevices } from '../calling/device-ids';
import { TEST_CALL_STEPS, isFinished, stepOf, type TestCallHandle, type TestCallState } from '../calling/test-call-model';
import { Button } from '../components/Button';
import { useObservable } from '../components/use-observable';
import { useT } from '../i18n';
import { requestCalling } from './use-join-media';
import './test-call.css';

export interface TestCallProps {
  info: AppInfo;
  /** The name the test call uses (the name typed so far, or the default). */
  displayName: string;
  /** The microphone and speaker chosen on the join screen, and what access was given. */
  devices: () => { devices: ChosenDevices; access: { camera: AccessState; microphone: AccessState } };
}

export function TestCall({ info, displayName, devices }: TestCallProps) {
  const t = useT();
  const [handle, setHandle] = useState<TestCallHandle | null>(null);
  const [loadFailed, setLoadFailed] = useState(false);
  const state = useObservable<TestCallState | null>(handle?.state, null);
  const practice = !info.tokenServiceConfigured;
  const current = useRef<TestCallHandle | null>(null);
  // Leaving the join screen (Join, practice) ends the test call first.
  useEffect(() => () => void current.current?.stop(), []);

  const start = () => {
    if (handle && state && !isFinished(state.phase)) return;
    setLoadFailed(false);
    requestCalling('now');
    loadCalling().then(
      (api) => {
        const options = {
          displayName,
          ...devices(),
          log: (level: LogLevel, message: string) => void bridge.log({ level, message }),
        };
        const next = practice
          ? api.practiceTestCall(options)
          : api.testCall({ ...options, getToken: () => bridge.getToken({ displayName }).catch((): TokenReply => ({ ok: false, error: 'unreachable' })) });
        current.current = next;
        setHandle(next);
      },
      (error: unknown) => {
        void bridge.log({ level: 'error', message: `test call: calling failed to load: ${String(error)}` });
        setLoadFailed(true);
      },
    );
  };

  const phase = state?.phase ?? null;
  const running = phase !== null && !isFinished(phase);
  const step = phase ? stepOf(phase) : null;
  const failure = state?.failure ?? null;

  return (
    <section class="test-call" aria-labelledby="test-call-title" data-phase={phase ?? 'idle'}>
      <div class="test-call__head">
        <h3 id="test-call-title" class="test-call__title">
          {t('testCall.title')}
        </h3>
        {running ? (
          <Button id="test-call-end" onClick={() => void handle?.stop()}>
            {t('testCall.end')}
          </Button>
        ) : (
          <Button id="test-call-button" icon="play" onClick={start} aria-describedby="test-call-hint">
            {phase ? t('testCall.again') : t('testCall.start')}
          </Button>
        )}
      </div>
      <p id="test-call-hint" class="test-call__hint">
        {t(practice ? 'testCall.hint.practice' : 'testCall.hint')}
      </p>
      {phase && phase !== 'failed' && phase !== 'stopped' && (
        <ol class="test-call__steps" aria-label={t('testCall.steps')}>
          {TEST_CALL_STEPS.map((name) => {
            const at = TEST_CALL_STEPS.indexOf(name);
            const now = step ? TEST_CALL_STEPS.indexOf(step) : -1;
            return (
              <li key={name} data-step={name} class={at < now || phase === 'done' ? 'is-past' : at === now ? 'is-current' : ''} aria-current={at === now ? 'step' : undefined}>
                {t(`testCall.step.${name}`)}
              </li>
            );
          })}
        </ol>
      )}
      <div class="test-call__status" role="status" aria-live="polite" data-testid="test-call-status">
        {phase && phase !== 'failed' && <p>{t(`testCall.status.${phase}`)}</p>}
        {loadFailed && <p class="test-call__error">{t('testCall.loadFailed')}</p>}
        {failure && (
          <div class="test-call__error" data-reason={failure.kind}>
            <p>
              <strong>{t('testCall.status.failed')}</strong> {t(`meeting.ended.${failure.kind}`)}
            </p>
            {failure.tokenError && (
              <p>{t(failure.tokenError === 'notConfigured' && info.runningFromSource ? 'token.error.notConfigured.fromSource' : `token.error.${failure.tokenError}`)}</p>
            )}
            {failure.code !== null && (
              <p class="test-call__details">{t('meeting.ended.details', { code: failure.code, subCode: failure.subCode ?? '—', callId: failure.callId || '—' })}</p>
            )}
          </div>
        )}
      </div>
    </section>
  );
}
