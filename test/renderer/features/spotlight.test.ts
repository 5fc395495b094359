// Features.Spotlight through its module, against the scripted feature: the list read at attach,
// changes in spotlight order, the guest's own spotlight apart, leaving it, failures, and detach.
import { describe, expect, it } from 'vitest';
import { attachSpotlight } from '../../../renderer/calling/features/spotlight';
import { ScriptedSpotlight } from '../../../renderer/calling/practice/features/spotlight';
import type { Received } from '../../../renderer/calling/practice/received';
import { recordingContext } from './context';

const self = { communicationUserId: '8:acs:guest' };
const ada = { communicationUserId: '8:acs:ada' };
const bo = { microsoftTeamsUserId: 'bo', rawId: '8:orgid:bo' };

describe('spotlight feature', () => {
  it('pushes who is spotlighted at attach and on every change, in spotlight order, the guest apart', () => {
    const feature = new ScriptedSpotlight(() => self, () => false);
    feature.scriptSet([ada]);
    const ctx = recordingContext({ localId: '8:acs:guest' });
    const handle = attachSpotlight(feature, ctx);
    expect(ctx.take()).toEqual([{ type: 'spotlight/changed', ids: ['8:acs:ada'], self: false }]);
    feature.scriptSet([ada, bo, self]);
    expect(ctx.take()).toEqual([{ type: 'spotlight/changed', ids: ['8:acs:ada', '8:orgid:bo'], self: true }]);
    feature.scriptSet([bo]);
    expect(ctx.take()).toEqual([{ type: 'spotlight/changed', ids: ['8:orgid:bo'], self: false }]);
    handle.detach();
    expect(feature.listenerCount()).toBe(0);
    feature.scriptSet([]);
    expect(ctx.take()).toEqual([]);
  });

  it('orders by the meeting’s spotlight order whatever order the SDK lists them in; those without one go last', () => {
    const feature = new ScriptedSpotlight(() => self, () => false);
    const carol = { communicationUserId: '8:acs:carol' };
    feature.getSpotlightedParticipants = () => [
      { identifier: carol, order: undefined },
      { identifier: bo, order: 2 },
      { identifier: ada, order: 1 },
    ];
    const ctx = recordingContext({ localId: '8:acs:guest' });
    attachSpotlight(feature, ctx).detach();
    expect(ctx.take()).toEqual([{ type: 'spotlight/changed', ids: ['8:acs:ada', '8:orgid:bo', '8:acs:carol'], self: false }]);
  });

  it('pushes the empty list at attach too (a new call, e.g. a breakout room, clears the old one’s)', () => {
    const feature = new ScriptedSpotlight(() => self, () => false);
    const ctx = recordingContext({ localId: '8:acs:guest' });
    attachSpotlight(feature, ctx).detach();
    expect(ctx.take()).toEqual([{ type: 'spotlight/changed', ids: [], self: false }]);
  });

  it('lets the guest leave their own spotlight, and reports a failure', async () => {
    const received: Received[] = [];
    const feature = new ScriptedSpotlight(() => self, () => false, (action) => received.push(action));
    feature.scriptSet([self, ada]);
    const ctx = recordingContext({ localId: '8:acs:guest' });
    const handle = attachSpotlight(feature, ctx);
    ctx.take();
    await handle.leave();
    expect(received).toEqual([{ kind: 'stopSpotlight', self: true }]);
    expect(ctx.take()).toEqual([
      { type: 'spotlight/changed', ids: ['8:acs:ada'], self: false },
      { type: 'notice', kind: 'actionFailed', active: false },
    ]);
    // Spotlighting others is an organizer's capability: the scripted meeting refuses a guest.
    await expect(feature.startSpotlight([ada])).rejects.toThrow(/not allowed/);
    feature.stopSpotlight = () => Promise.reject(new Error('service busy'));
    await handle.leave();
    expect(ctx.take()).toEqual([{ type: 'notice', kind: 'actionFailed', active: true }]);
    handle.detach();
    expect(feature.listenerCount()).toBe(0);
  });
});
