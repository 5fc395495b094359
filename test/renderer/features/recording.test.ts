// Features.Recording and Features.Transcription through their modules: the state at attach, each
// change, consent read from the feature and granted through it, failures as the actionFailed
// notice, and no listener left after detach.
import { describe, expect, it } from 'vitest';
import { attachRecording } from '../../../renderer/calling/features/recording';
import { attachTranscription } from '../../../renderer/calling/features/transcription';
import { ConsentState, ScriptedRecording } from '../../../renderer/calling/practice/features/recording';
import { ScriptedTranscription } from '../../../renderer/calling/practice/features/transcription';
import { recordingContext } from './context';

function setup() {
  const consent = new ConsentState(() => undefined);
  const recording = new ScriptedRecording(consent);
  const transcription = new ScriptedTranscription(consent);
  const ctx = recordingContext();
  let changed = 0;
  const hooks = { changed: () => changed++ };
  return { consent, recording, transcription, ctx, hooks, changes: () => changed };
}

describe('recording feature', () => {
  it('pushes whether the meeting is recorded, at attach and on each change', () => {
    const { recording, ctx, hooks, changes } = setup();
    recording.scriptActive(true);
    const handle = attachRecording(recording, ctx, hooks);
    expect(ctx.take()).toEqual([{ type: 'recording', active: true }]);
    recording.scriptActive(false);
    expect(ctx.take()).toEqual([{ type: 'recording', active: false }]);
    expect(changes()).toBe(1);
    handle.detach();
    expect(recording.listenerCount()).toBe(0);
    recording.scriptActive(true);
    expect(ctx.take()).toEqual([]);
  });

  it('reads and grants the consent Teams asks for, then asks for a re-read', async () => {
    const { consent, recording, ctx, hooks, changes } = setup();
    consent.required = true;
    const handle = attachRecording(recording, ctx, hooks);
    ctx.take();
    expect(handle.consentRequired()).toBe(true);
    await handle.grantConsent();
    expect(handle.consentRequired()).toBe(false);
    expect(ctx.take()).toEqual([{ type: 'notice', kind: 'actionFailed', active: false }]);
    expect(changes()).toBe(1);
    handle.detach();
  });

  it('reports a refused consent as the actionFailed notice', async () => {
    const { recording, ctx, hooks } = setup();
    recording.grantTeamsConsent = () => Promise.reject(Object.assign(new Error('no'), { code: 500, subCode: 1 }));
    const handle = attachRecording(recording, ctx, hooks);
    ctx.take();
    await handle.grantConsent();
    expect(ctx.take()).toEqual([{ type: 'notice', kind: 'actionFailed', active: true }]);
    expect(ctx.logs).toEqual(['warn: consent failed: no (500/1)']);
    handle.detach();
  });
});

describe('transcription feature', () => {
  it('pushes whether the meeting is transcribed and reads consent', () => {
    const { consent, transcription, ctx, hooks, changes } = setup();
    const handle = attachTranscription(transcription, ctx, hooks);
    expect(ctx.take()).toEqual([{ type: 'transcription', active: false }]);
    transcription.scriptActive(true);
    expect(ctx.take()).toEqual([{ type: 'transcription', active: true }]);
    expect(changes()).toBe(1);
    consent.required = true;
    expect(handle.consentRequired()).toBe(true);
    handle.detach();
    expect(transcription.listenerCount()).toBe(0);
    transcription.scriptActive(false);
    expect(ctx.take()).toEqual([]);
  });
});
