// Features.Capabilities through its module, over the scripted feature: the current values first,
// then each change (and a consent re-read), and nothing left subscribed after detach.
import { describe, expect, it } from 'vitest';
import { attachCapabilities } from '../../../renderer/calling/features/capabilities';
import { ScriptedCapabilities } from '../../../renderer/calling/practice/features/capabilities';
import { recordingContext } from './context';

describe('capabilities feature', () => {
  it('pushes the current capabilities, then each change, and asks for a consent re-read', () => {
    const feature = new ScriptedCapabilities();
    feature.capabilities = { ...feature.capabilities, shareScreen: { isPresent: false, reason: 'MeetingRestricted' } };
    const ctx = recordingContext();
    let changed = 0;
    const handle = attachCapabilities(feature, ctx, { changed: () => changed++ });
    expect(ctx.take()).toEqual([
      {
        type: 'capabilities',
        changes: {
          unmuteMic: { allowed: true, reason: 'none' },
          turnVideoOn: { allowed: true, reason: 'none' },
          shareScreen: { allowed: false, reason: 'meeting' },
          raiseHand: { allowed: true, reason: 'none' },
          useReactions: { allowed: true, reason: 'none' },
          setCaptionLanguage: { allowed: false, reason: 'role' },
        },
      },
    ]);
    expect(changed).toBe(0);

    feature.scriptSet({ unmuteMic: { isPresent: false, reason: 'RoleRestricted' } });
    expect(ctx.take()).toEqual([{ type: 'capabilities', changes: { unmuteMic: { allowed: false, reason: 'role' } } }]);
    expect(changed).toBe(1);

    expect(feature.listenerCount()).toBe(1);
    handle.detach();
    expect(feature.listenerCount()).toBe(0);
    feature.scriptSet({ unmuteMic: { isPresent: true, reason: 'Capable' } });
    expect(ctx.take()).toEqual([]);
    expect(changed).toBe(1);
  });
});
