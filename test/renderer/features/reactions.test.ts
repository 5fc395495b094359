// Features.Reaction through its module, over the scripted feature: others' and the guest's own
// reactions, the echo of a sent one shown once, the useReactions gate, failures, the expiry events
// (one timer at a time), and nothing left subscribed or scheduled after detach.
import { describe, expect, it } from 'vitest';
import { attachReactions } from '../../../renderer/calling/features/reactions';
import { REACTION_SHOWN_MS } from '../../../renderer/calling/features/reactions-model';
import { ScriptedReactions } from '../../../renderer/calling/practice/features/reactions';
import { recordingContext } from './context';

const self = { communicationUserId: '8:acs:guest' };
const ada = { communicationUserId: '8:acs:ada' };
const bo = { communicationUserId: '8:acs:bo' };

function setup() {
  const feature = new ScriptedReactions();
  const ctx = recordingContext({ localId: '8:acs:guest', now: 10_000, tick: 0 });
  const handle = attachReactions(feature, ctx);
  return { feature, ctx, handle };
}

describe('reactions feature', () => {
  it('pushes others’ reactions with their time, and expires them through events', () => {
    const { feature, ctx, handle } = setup();
    feature.scriptReaction(ada, 'heart');
    ctx.advance(1_000);
    feature.scriptReaction(bo, 'applause');
    expect(ctx.take()).toEqual([
      { type: 'reactions/received', id: '8:acs:ada', reaction: 'heart', at: 10_000 },
      { type: 'reactions/received', id: '8:acs:bo', reaction: 'applause', at: 11_000 },
    ]);
    expect(ctx.pendingTimers()).toBe(1);
    ctx.advance(REACTION_SHOWN_MS - 1_000);
    expect(ctx.take()).toEqual([{ type: 'reactions/expired', now: 10_000 + REACTION_SHOWN_MS }]);
    ctx.advance(1_000);
    expect(ctx.take()).toEqual([{ type: 'reactions/expired', now: 11_000 + REACTION_SHOWN_MS }]);
    expect(ctx.pendingTimers()).toBe(0);
    handle.detach();
  });

  it('sends the guest’s reaction, shows it on the self tile once even if the service echoes it', async () => {
    const { feature, ctx, handle } = setup();
    await handle.send('laugh');
    expect(feature.sent).toEqual(['laugh']);
    feature.scriptReaction(self, 'laugh');
    expect(ctx.take()).toEqual([
      { type: 'reactions/received', id: null, reaction: 'laugh', at: 10_000 },
      { type: 'notice', kind: 'actionFailed', active: false },
    ]);
    // The guest's reaction from another device (not one just sent) is shown.
    feature.scriptReaction(self, 'like');
    expect(ctx.take()).toEqual([{ type: 'reactions/received', id: null, reaction: 'like', at: 10_000 }]);
    handle.detach();
  });

  it('sends nothing when the meeting forbids reactions, and reports a refused send', async () => {
    const { feature, ctx, handle } = setup();
    ctx.forbid('useReactions');
    await handle.send('like');
    expect(feature.sent).toEqual([]);
    expect(ctx.take()).toEqual([]);

    const refusing = new ScriptedReactions(() => false);
    const other = recordingContext({ localId: '8:acs:guest', tick: 0 });
    const second = attachReactions(refusing, other);
    await second.send('like');
    expect(other.take()).toEqual([{ type: 'notice', kind: 'actionFailed', active: true }]);
    expect(other.logs[0]).toMatch(/^warn: reaction failed: reactions are not allowed/);
    handle.detach();
    second.detach();
  });

  it('ignores reactions it does not know, and leaves no listener or timer after detach', () => {
    const { feature, ctx, handle } = setup();
    feature.scriptReaction(ada, 'thumbsdown' as never);
    expect(ctx.take()).toEqual([]);
    feature.scriptReaction(ada, 'surprised');
    ctx.take();
    expect(feature.listenerCount()).toBe(1);
    expect(ctx.pendingTimers()).toBe(1);
    handle.detach();
    expect(feature.listenerCount()).toBe(0);
    expect(ctx.pendingTimers()).toBe(0);
    feature.scriptReaction(ada, 'like');
    ctx.advance(REACTION_SHOWN_MS * 2);
    expect(ctx.take()).toEqual([]);
  });
});
