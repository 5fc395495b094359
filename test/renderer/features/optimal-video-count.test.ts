// Features.OptimalVideoCount through its module: the advised count at once, then changes, and detach.
import { describe, expect, it } from 'vitest';
import { attachOptimalVideoCount } from '../../../renderer/calling/features/optimal-video-count';
import { ScriptedOptimalVideoCount } from '../../../renderer/calling/practice/features/optimal-video-count';
import { recordingContext } from './context';

describe('optimal-video-count feature', () => {
  it('pushes the advised count at once and on each change', () => {
    const feature = new ScriptedOptimalVideoCount(9);
    const ctx = recordingContext();
    const handle = attachOptimalVideoCount(feature, ctx);
    feature.scriptSet(4);
    expect(ctx.take()).toEqual([
      { type: 'optimalVideoCount', count: 9 },
      { type: 'optimalVideoCount', count: 4 },
    ]);
    handle.detach();
    expect(feature.listenerCount()).toBe(0);
  });
});
