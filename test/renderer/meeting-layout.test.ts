// The gallery's geometry and the people panel's order, in Node.
import { describe, expect, it } from 'vitest';
import { applyEvents, initialCallState, type CallEvent } from '../../renderer/calling/call-model';
import { PeopleIndex, peopleOrder } from '../../renderer/meeting/people-order';
import { MAX_REMOTE_TILES, formatElapsed, gridLayout, remoteTileCount, tileCapacity } from '../../renderer/meeting/layout';

describe('gallery layout', () => {
  it('picks the grid with the largest 16:9 tiles', () => {
    expect(gridLayout(1, 1600, 900)).toMatchObject({ cols: 1, rows: 1, tileWidth: 1600, tileHeight: 900 });
    expect(gridLayout(2, 1600, 900)).toMatchObject({ cols: 2, rows: 1 });
    expect(gridLayout(2, 600, 900)).toMatchObject({ cols: 1, rows: 2 });
    expect(gridLayout(9, 1600, 900)).toMatchObject({ cols: 3, rows: 3 });
    const big = gridLayout(50, 1264, 660);
    expect(big.cols * big.rows).toBeGreaterThanOrEqual(50);
    expect(big.tileWidth).toBeGreaterThanOrEqual(120);
    expect(big.tileWidth * big.cols + 8 * (big.cols - 1)).toBeLessThanOrEqual(1264);
    expect(big.tileHeight * big.rows + 8 * (big.rows - 1)).toBeLessThanOrEqual(660);
  });

  it('sends participants beyond what fits (or beyond 49) to the overflow', () => {
    expect(tileCapacity(0, 0)).toBe(1);
    expect(remoteTileCount(3, 1264, 660)).toBe(3);
    expect(remoteTileCount(1000, 1264, 660)).toBe(MAX_REMOTE_TILES);
    const small = remoteTileCount(30, 700, 380);
    expect(small).toBeGreaterThan(4);
    expect(small).toBeLessThan(30);
    expect(remoteTileCount(5, 100, 60)).toBe(0);
  });

  it('formats the lobby wait', () => {
    expect(formatElapsed(0)).toBe('0:00');
    expect(formatElapsed(62_500)).toBe('1:02');
    expect(formatElapsed(3_723_000)).toBe('1:02:03');
    expect(formatElapsed(-5)).toBe('0:00');
  });
});

describe('people panel order', () => {
  it('puts raised hands first in the order raised, then names', () => {
    const joined = (id: string, name: string): CallEvent => ({
      type: 'participantJoined',
      participant: { id, name, status: 'connected', muted: true, speaking: false, videoAvailable: false, screenShareAvailable: false },
    });
    const state = applyEvents(initialCallState({ muted: true, videoOn: false, now: 0 }), [
      joined('1', 'zed'),
      joined('2', 'Amy'),
      joined('3', 'bob'),
      joined('4', 'Cat'),
      { type: 'hand', id: '4', raised: true },
      { type: 'hand', id: '1', raised: true },
    ]);
    expect(peopleOrder(state.participants).map((p) => p.name)).toEqual(['Cat', 'zed', 'Amy', 'bob']);
    expect(new PeopleIndex().update(state.participants)).toEqual(['4', '1', '2', '3']);
  });

  it('keeps the same order incrementally through joins, leaves, renames and hands', () => {
    const names = ['Ada', 'bob', 'Cy', 'dee', 'Eve', '김', 'Ada', 'zoe'];
    let seed = 7;
    const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    let state = initialCallState({ muted: true, videoOn: false, now: 0 });
    const index = new PeopleIndex();
    let next = 0;
    for (let round = 0; round < 300; round++) {
      const ids = [...state.participants.keys()];
      const batch: CallEvent[] = [];
      const moves = 1 + Math.floor(rand() * (round % 50 === 0 ? 80 : 4));
      for (let i = 0; i < moves; i++) {
        const roll = rand();
        const id = ids[Math.floor(rand() * ids.length)];
        if (roll < 0.4 || !id) {
          const nid = `n${next++}`;
          batch.push({ type: 'participantJoined', participant: { id: nid, name: names[next % names.length], status: 'connected', muted: true, speaking: false, videoAvailable: false, screenShareAvailable: false } });
        } else if (roll < 0.6) batch.push({ type: 'participantLeft', id });
        else if (roll < 0.75) batch.push({ type: 'participantChanged', id, patch: { name: names[Math.floor(rand() * names.length)] } });
        else if (roll < 0.9) batch.push({ type: 'hand', id, raised: rand() < 0.6 });
        else batch.push({ type: 'participantChanged', id, patch: { muted: rand() < 0.5 } });
      }
      state = applyEvents(state, batch);
      expect(index.update(state.participants)).toEqual(peopleOrder(state.participants).map((p) => p.id));
    }
  });
});
