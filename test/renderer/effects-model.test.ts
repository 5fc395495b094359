// The effects slice the pickers read: the remembered choice carried in, each event changing only
// its own part (the same object when it changes nothing), and "unsupported" as a fact about the
// machine that a later failure does not hide.
import { describe, expect, it } from 'vitest';
import { applyEffectsEvent, effectsAvailable, initialEffectsState, type EffectsEvent, type EffectsState } from '../../renderer/calling/features/effects-model';

const run = (events: EffectsEvent[], from: EffectsState = initialEffectsState('none', false)) => events.reduce(applyEffectsEvent, from);

describe('effects model', () => {
  it('starts from the remembered choice with nothing running yet', () => {
    expect(initialEffectsState('blur', true)).toEqual({ background: 'blur', video: 'off', customImage: false, imageError: null, noiseSuppression: true, noise: 'off' });
    expect(initialEffectsState('brand:sea', false)).toEqual({ background: 'brand:sea', video: 'off', customImage: false, imageError: null, noiseSuppression: false, noise: 'off' });
  });

  it('changes only the part each event is about', () => {
    const state = run([
      { type: 'effects/background', background: 'custom' },
      { type: 'effects/video', status: 'starting' },
      { type: 'effects/customImage', available: true },
      { type: 'effects/imageError', error: 'tooLarge' },
      { type: 'effects/noiseSuppression', on: true },
      { type: 'effects/noise', status: 'deep' },
    ]);
    expect(state).toEqual({ background: 'custom', video: 'starting', customImage: true, imageError: 'tooLarge', noiseSuppression: true, noise: 'deep' });
    expect(run([{ type: 'effects/video', status: 'on' }], state).video).toBe('on');
    expect(run([{ type: 'effects/imageError', error: null }], state).imageError).toBeNull();
    expect(run([{ type: 'effects/noise', status: 'browser' }, { type: 'effects/noiseSuppression', on: false }], state)).toMatchObject({ noise: 'browser', noiseSuppression: false });
  });

  it('returns the same object for an event that changes nothing', () => {
    const state = run([{ type: 'effects/background', background: 'blur' }, { type: 'effects/customImage', available: true }]);
    for (const event of [
      { type: 'effects/background', background: 'blur' },
      { type: 'effects/video', status: 'off' },
      { type: 'effects/customImage', available: true },
      { type: 'effects/imageError', error: null },
      { type: 'effects/noiseSuppression', on: false },
      { type: 'effects/noise', status: 'off' },
    ] satisfies EffectsEvent[]) {
      expect(applyEffectsEvent(state, event)).toBe(state);
    }
  });

  it('keeps "unsupported" through later attempts, until an effect does run', () => {
    const unsupported = run([{ type: 'effects/video', status: 'unsupported' }]);
    expect(effectsAvailable(unsupported)).toBe(false);
    expect(applyEffectsEvent(unsupported, { type: 'effects/video', status: 'failed' })).toBe(unsupported);
    expect(applyEffectsEvent(unsupported, { type: 'effects/video', status: 'starting' })).toBe(unsupported);
    const on = applyEffectsEvent(unsupported, { type: 'effects/video', status: 'on' });
    expect(on.video).toBe('on');
    expect(effectsAvailable(on)).toBe(true);
    expect(effectsAvailable(run([{ type: 'effects/video', status: 'failed' }]))).toBe(true);
    expect(run([{ type: 'effects/video', status: 'failed' }]).video).toBe('failed');
  });
});
