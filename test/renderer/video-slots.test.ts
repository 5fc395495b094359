import { describe, expect, it } from 'vitest';
import { VideoSlots } from '../../renderer/calling/video-slots';

function setup(limit: number) {
  const live = new Set<string>();
  const slots = new VideoSlots(() => limit);
  const render = (id: string) => slots.acquire(() => {
    live.add(id);
    return () => live.delete(id);
  });
  return { live, slots, render };
}

describe('video slots', () => {
  it('starts views up to the limit and makes the next one wait for a release', () => {
    const { live, render } = setup(2);
    const releaseA = render('a');
    render('b');
    render('c'); // a swap asked for c before a was released
    expect([...live].sort()).toEqual(['a', 'b']);
    releaseA();
    expect([...live].sort()).toEqual(['b', 'c']);
  });

  it('drops a waiting request that is released before it started, and releases only once', () => {
    const { live, slots, render } = setup(1);
    const releaseA = render('a');
    const releaseB = render('b');
    releaseB();
    releaseA();
    releaseA();
    expect([...live]).toEqual([]);
    expect(slots.activeCount).toBe(0);
    render('c');
    expect([...live]).toEqual(['c']);
  });

  it('never has more views than the limit through many swaps', () => {
    const { live, render } = setup(3);
    const releases = new Map<string, () => void>();
    let most = 0;
    for (let i = 0; i < 200; i++) {
      releases.set(`n${i}`, render(`n${i}`));
      most = Math.max(most, live.size);
      if (releases.size > 3) {
        const [oldest, release] = releases.entries().next().value as [string, () => void];
        release();
        releases.delete(oldest);
      }
    }
    expect(most).toBe(3);
    expect(live.size).toBe(3);
  });
});
