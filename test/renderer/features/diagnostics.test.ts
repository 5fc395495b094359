// Features.UserFacingDiagnostics through its module: the latest network and media values first,
// then each change with its time, and no listener on either channel after detach.
import { describe, expect, it } from 'vitest';
import { attachDiagnostics } from '../../../renderer/calling/features/diagnostics';
import { ScriptedUserFacingDiagnostics } from '../../../renderer/calling/practice/features/diagnostics';
import { recordingContext } from './context';

describe('diagnostics feature', () => {
  it('pushes the latest values, then changes from both channels', () => {
    const feature = new ScriptedUserFacingDiagnostics();
    feature.network.scriptSet('networkReceiveQuality', 3);
    feature.media.scriptSet('cameraFreeze', false);
    const ctx = recordingContext({ now: 50 });
    const handle = attachDiagnostics(feature, ctx);
    expect(ctx.take()).toEqual([
      { type: 'diagnostic', name: 'networkReceiveQuality', active: true, at: 50 },
      { type: 'diagnostic', name: 'cameraFreeze', active: false, at: 51 },
    ]);
    feature.media.scriptSet('speakingWhileMicrophoneIsMuted', true);
    feature.network.scriptSet('networkReceiveQuality', 1);
    expect(ctx.take()).toEqual([
      { type: 'diagnostic', name: 'speakingWhileMicrophoneIsMuted', active: true, at: 52 },
      { type: 'diagnostic', name: 'networkReceiveQuality', active: false, at: 53 },
    ]);
    handle.detach();
    expect(feature.network.listenerCount() + feature.media.listenerCount()).toBe(0);
    feature.network.scriptSet('noNetwork', true);
    expect(ctx.take()).toEqual([]);
  });
});
