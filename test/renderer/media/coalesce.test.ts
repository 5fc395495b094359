// Node test of the coalescing pass runner the device stores use for hot-plug.
import { describe, expect, it } from 'vitest';
import { coalesced } from '../../../renderer/media/coalesce';

describe('coalesced', () => {
  it('runs one pass at a time; calls during a pass share it and add exactly one more pass', async () => {
    const releases: Array<() => void> = [];
    let passes = 0;
    const run = coalesced(async () => {
      passes++;
      await new Promise<void>((resolve) => releases.push(resolve));
    });
    const first = run();
    const second = run();
    const third = run();
    expect(second).toBe(first);
    expect(third).toBe(first);
    expect(passes).toBe(1);
    releases[0]();
    await expect.poll(() => passes).toBe(2);
    releases[1]();
    await first;
    expect(passes).toBe(2);

    const later = run();
    expect(later).not.toBe(first);
    await expect.poll(() => passes).toBe(3);
    releases[2]();
    await later;
  });

  it('starts afresh after a failed pass', async () => {
    let calls = 0;
    const run = coalesced(async () => {
      calls++;
      if (calls === 1) throw new Error('enumerate failed');
    });
    await expect(run()).rejects.toThrow('enumerate failed');
    await run();
    expect(calls).toBe(2);
  });
});
