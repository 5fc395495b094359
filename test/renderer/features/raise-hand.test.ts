// Features.RaiseHand through its module: hands raised before attach, others' hands and the
// guest's own (local state), the capability gate, failures, and detach.
import { describe, expect, it } from 'vitest';
import { attachRaiseHand } from '../../../renderer/calling/features/raise-hand';
import { ScriptedRaiseHand } from '../../../renderer/calling/practice/features/raise-hand';
import { recordingContext } from './context';

const self = { communicationUserId: '8:acs:guest' };
const ada = { communicationUserId: '8:acs:ada' };

describe('raise-hand feature', () => {
  it('pushes hands raised before attach, then raises and lowers, the guest’s own as local state', () => {
    const feature = new ScriptedRaiseHand(() => self);
    feature.scriptRaise(ada, true);
    const ctx = recordingContext({ localId: '8:acs:guest' });
    const handle = attachRaiseHand(feature, ctx);
    expect(ctx.take()).toEqual([{ type: 'hand', id: '8:acs:ada', raised: true }]);
    feature.scriptRaise(ada, false);
    feature.scriptRaise(self, true);
    expect(ctx.take()).toEqual([
      { type: 'hand', id: '8:acs:ada', raised: false },
      { type: 'local', patch: { handRaised: true } },
    ]);
    handle.detach();
    expect(feature.listenerCount()).toBe(0);
    feature.scriptRaise(ada, true);
    expect(ctx.take()).toEqual([]);
  });

  it('shows the guest’s own hand up and down even when the meeting’s events cannot be matched to them (no id in the token)', async () => {
    const feature = new ScriptedRaiseHand(() => self);
    const ctx = recordingContext({ localId: null });
    const handle = attachRaiseHand(feature, ctx);
    ctx.take();
    await handle.setRaised(true);
    expect(ctx.take()).toContainEqual({ type: 'local', patch: { handRaised: true } });
    await handle.setRaised(false);
    expect(ctx.take()).toContainEqual({ type: 'local', patch: { handRaised: false } });
    handle.detach();
  });

  it('raises the guest’s hand only when the meeting allows it, and reports failures', async () => {
    const feature = new ScriptedRaiseHand(() => self);
    const ctx = recordingContext({ localId: '8:acs:guest' });
    const handle = attachRaiseHand(feature, ctx);
    ctx.forbid('raiseHand');
    await handle.setRaised(true);
    expect(feature.getRaisedHands()).toEqual([]);
    expect(ctx.take()).toEqual([]);

    const allowed = recordingContext({ localId: '8:acs:guest' });
    const second = attachRaiseHand(feature, allowed);
    await second.setRaised(true);
    expect(feature.getRaisedHands().map((hand) => hand.identifier)).toEqual([self]);
    expect(allowed.take()).toContainEqual({ type: 'notice', kind: 'actionFailed', active: false });

    feature.lowerHand = () => Promise.reject(new Error('service busy'));
    await second.setRaised(false);
    expect(allowed.take()).toEqual([{ type: 'notice', kind: 'actionFailed', active: true }]);
    expect(allowed.logs).toEqual(['warn: lower hand failed: service busy']);
    feature.raiseHand = () => Promise.reject(new Error('service busy'));
    await second.setRaised(true);
    expect(allowed.logs.at(-1)).toBe('warn: raise hand failed: service busy');
    handle.detach();
    second.detach();
    expect(feature.listenerCount()).toBe(0);
  });
});
