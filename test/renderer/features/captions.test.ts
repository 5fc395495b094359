// Features.Captions (Teams captions) through its module, over the scripted feature: the state at
// attach, start confirmed by the service, captions with speakers (partial then final), languages
// (the caption language only where translation is allowed, the remembered one applied once on),
// failures and an unasked stop as notices, CaptionsKindChanged both ways (Teams and plain ACS
// captions), and no listener left after detach.
import { describe, expect, it } from 'vitest';
import { attachCaptions } from '../../../renderer/calling/features/captions';
import { ScriptedCaptions } from '../../../renderer/calling/practice/features/captions';
import { recordingContext } from './context';

const ada = { communicationUserId: '8:acs:ada' };
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function setup(options: { translation?: boolean; remembered?: string } = {}) {
  const feature = new ScriptedCaptions(() => options.translation ?? false);
  const ctx = recordingContext({ localId: '8:acs:guest', now: 500, tick: 0 });
  if (!options.translation) ctx.forbid('setCaptionLanguage');
  const handle = attachCaptions(feature, ctx, { captionLanguage: () => options.remembered ?? '' });
  return { feature, captions: feature.teams, ctx, handle };
}

describe('captions feature', () => {
  it('announces what the meeting offers, starts when the service confirms, and passes captions on', async () => {
    const { captions, ctx, handle } = setup();
    expect(ctx.take()).toEqual([
      {
        type: 'captions/available',
        active: false,
        spokenLanguage: 'en-us',
        spokenLanguages: captions.supportedSpokenLanguages,
        captionLanguage: '',
        captionLanguages: captions.supportedCaptionLanguages,
      },
    ]);
    await handle.start();
    await settle();
    expect(ctx.take()).toEqual([
      { type: 'captions/notice', notice: null },
      { type: 'captions/starting', starting: true },
      { type: 'captions/active', active: true },
    ]);
    captions.scriptCaption({ identifier: ada, displayName: 'Ada Lovelace' }, 'Hello every', false);
    captions.scriptCaption({ identifier: ada, displayName: 'Ada Lovelace' }, 'Hello everyone.', true);
    captions.scriptCaption({ displayName: undefined }, 'Hi.', true);
    expect(ctx.take()).toEqual([
      { type: 'captions/received', speakerId: '8:acs:ada', speakerName: 'Ada Lovelace', text: 'Hello every', final: false, at: 500 },
      { type: 'captions/received', speakerId: '8:acs:ada', speakerName: 'Ada Lovelace', text: 'Hello everyone.', final: true, at: 500 },
      { type: 'captions/received', speakerId: '', speakerName: '', text: 'Hi.', final: true, at: 500 },
    ]);
    await handle.setSpokenLanguage('ko-kr');
    expect(ctx.take()).toEqual([{ type: 'captions/spokenLanguage', language: 'ko-kr' }]);
    await handle.stop();
    await settle();
    // A stop the guest asked for: no "stopped" notice.
    expect(ctx.take()).toEqual([
      { type: 'captions/active', active: false },
      { type: 'captions/notice', notice: null },
    ]);
    handle.detach();
  });

  it('says so when the service stops captions by itself, or refuses to start them', async () => {
    const { captions, ctx, handle } = setup();
    await handle.start();
    await settle();
    ctx.take();
    captions.scriptActive(false);
    expect(ctx.take()).toEqual([
      { type: 'captions/active', active: false },
      { type: 'captions/notice', notice: 'stopped' },
    ]);
    captions.failNextStart = new Error('service unavailable');
    await handle.start();
    expect(ctx.take()).toEqual([
      { type: 'captions/notice', notice: null },
      { type: 'captions/starting', starting: true },
      { type: 'captions/starting', starting: false },
      { type: 'captions/notice', notice: 'startFailed' },
    ]);
    expect(ctx.logs).toEqual(['warn: captions: start failed: service unavailable']);
    handle.detach();
  });

  it('sets a caption language only where the meeting translates', async () => {
    const refused = setup();
    await refused.handle.start();
    await settle();
    refused.ctx.take();
    await refused.handle.setCaptionLanguage('ko');
    expect(refused.captions.activeCaptionLanguage).toBe('');
    expect(refused.ctx.take()).toEqual([{ type: 'captions/notice', notice: 'translationUnavailable' }]);
    refused.handle.detach();

    const allowed = setup({ translation: true });
    await allowed.handle.start();
    await settle();
    allowed.ctx.take();
    await allowed.handle.setCaptionLanguage('ko');
    expect(allowed.ctx.take()).toEqual([{ type: 'captions/captionLanguage', language: 'ko' }]);
    await allowed.handle.setCaptionLanguage('xx');
    expect(allowed.ctx.take()).toEqual([{ type: 'captions/notice', notice: 'languageFailed' }]);
    allowed.handle.detach();
  });

  it('applies the remembered caption language once captions are on', async () => {
    const { captions, ctx, handle } = setup({ translation: true, remembered: 'de' });
    await handle.start();
    await settle();
    expect(captions.activeCaptionLanguage).toBe('de');
    expect(ctx.take()).toContainEqual({ type: 'captions/captionLanguage', language: 'de' });
    handle.detach();
  });

  it('follows the captions object through CaptionsKindChanged (Teams ↔ ACS captions), and leaves no listener after detach', async () => {
    const { feature, captions: teams, ctx, handle } = setup();
    await handle.start();
    await settle();
    ctx.take();
    expect(teams.listenerCount()).toBe(4);
    expect(feature.listenerCount()).toBe(1);

    // The service switches to plain ACS captions: still on, no caption languages to offer.
    feature.scriptKind('Captions');
    expect(teams.listenerCount()).toBe(0);
    expect(feature.acs.listenerCount()).toBe(3);
    expect(ctx.take()).toEqual([
      { type: 'captions/available', active: true, spokenLanguage: 'en-us', spokenLanguages: feature.acs.supportedSpokenLanguages, captionLanguage: '', captionLanguages: [] },
    ]);
    feature.acs.scriptCaption({ identifier: ada, displayName: 'Ada Lovelace' }, 'Plain captions.', true);
    expect(ctx.take()).toEqual([{ type: 'captions/received', speakerId: '8:acs:ada', speakerName: 'Ada Lovelace', text: 'Plain captions.', final: true, at: 500 }]);
    await handle.stop();
    await settle();
    expect(ctx.take()).toContainEqual({ type: 'captions/active', active: false });

    // And back to Teams captions.
    feature.scriptKind('TeamsCaptions');
    expect(feature.acs.listenerCount()).toBe(0);
    expect(teams.listenerCount()).toBe(4);
    expect(ctx.take().map((event) => event.type)).toEqual(['captions/available']);
    handle.detach();
    expect(teams.listenerCount() + feature.acs.listenerCount() + feature.listenerCount()).toBe(0);
  });
  it('says why a stop or a language change failed, and a stop refused leaves the next service stop told', async () => {
    const { captions, ctx, handle } = setup({ translation: true });
    await handle.start();
    await settle();
    ctx.take();
    captions.stopCaptions = () => Promise.reject(new Error('busy'));
    await handle.stop();
    expect(ctx.take()).toEqual([{ type: 'captions/notice', notice: 'stopFailed' }]);
    // Not the guest's stop any more: the service stopping them is told.
    captions.scriptActive(false);
    expect(ctx.take()).toEqual([
      { type: 'captions/active', active: false },
      { type: 'captions/notice', notice: 'stopped' },
    ]);
    // Not every SDK rejection is an Error: the log still reads.
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
    captions.setSpokenLanguage = () => Promise.reject('unsupported');
    await handle.setSpokenLanguage('xx-xx');
    expect(ctx.take()).toEqual([{ type: 'captions/notice', notice: 'languageFailed' }]);
    expect(ctx.logs).toEqual(['warn: captions: stop failed: busy', 'warn: captions: spoken language failed: unsupported']);
    handle.detach();
  });

  it('does nothing to start captions already on, and a stop while off only ends the wait', async () => {
    const { ctx, handle } = setup();
    await handle.stop();
    expect(ctx.take().slice(1)).toEqual([{ type: 'captions/starting', starting: false }]);
    await handle.start();
    await settle();
    ctx.take();
    await handle.start();
    expect(ctx.take()).toEqual([]);
    handle.detach();
  });

  it('starts in the spoken language the service has, or Teams’ default when it has none', async () => {
    const { captions, handle } = setup();
    const asked: Array<string | undefined> = [];
    const start = captions.startCaptions.bind(captions);
    captions.startCaptions = (options) => {
      asked.push(options?.spokenLanguage);
      return start(options);
    };
    Object.defineProperty(captions, 'activeSpokenLanguage', { value: '', configurable: true });
    await handle.start();
    expect(asked).toEqual(['en-us']);
    handle.detach();
  });
});
