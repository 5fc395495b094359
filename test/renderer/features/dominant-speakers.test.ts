// Features.DominantSpeakers through its module: the current speakers first (only when there are
// some), then changes, and detach.
import { describe, expect, it } from 'vitest';
import { attachDominantSpeakers } from '../../../renderer/calling/features/dominant-speakers';
import { ScriptedDominantSpeakers } from '../../../renderer/calling/practice/features/dominant-speakers';
import { recordingContext } from './context';

describe('dominant-speakers feature', () => {
  it('pushes the speakers as raw ids, most dominant first, and stops after detach', () => {
    const feature = new ScriptedDominantSpeakers();
    const ctx = recordingContext();
    const handle = attachDominantSpeakers(feature, ctx);
    expect(ctx.take()).toEqual([]);
    feature.scriptSet([
      { kind: 'communicationUser', communicationUserId: '8:acs:b' },
      { kind: 'microsoftTeamsUser', microsoftTeamsUserId: 'a', cloud: 'public', rawId: '8:orgid:a' },
    ]);
    expect(ctx.take()).toEqual([{ type: 'dominantSpeakers', ids: ['8:acs:b', '8:orgid:a'] }]);
    handle.detach();
    expect(feature.listenerCount()).toBe(0);
    const again = attachDominantSpeakers(feature, ctx);
    expect(ctx.take()).toEqual([{ type: 'dominantSpeakers', ids: ['8:acs:b', '8:orgid:a'] }]);
    again.detach();
  });

  it('an SDK that has no speakers info yet: nothing at attach, an empty list on its event', () => {
    const feature = new ScriptedDominantSpeakers();
    Object.defineProperty(feature, 'dominantSpeakers', { value: undefined, configurable: true });
    const ctx = recordingContext();
    const handle = attachDominantSpeakers(feature, ctx);
    expect(ctx.take()).toEqual([]);
    (feature as unknown as { emit(event: string): void }).emit('dominantSpeakersChanged');
    expect(ctx.take()).toEqual([{ type: 'dominantSpeakers', ids: [] }]);
    handle.detach();
  });
});
