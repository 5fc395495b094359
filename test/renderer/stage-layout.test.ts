// The stage rule (spotlight > share > together mode > pins > speaker), the layouts, pins and the
// tiles that fill the stage, in Node.
import { describe, expect, it } from 'vitest';
import { FILL_ASPECT, MAX_STAGE_TILES, SELF, fillLayout, gridLayout, layoutOf, stagePlan, togglePin, type StageInput } from '../../renderer/meeting/layout';
import { formatMeetingId, meetingInfoOf } from '../../renderer/meeting/stage/meeting-info';

const here = new Set(['ada', 'bo', 'cy', 'di']);
const input = (patch: Partial<StageInput> = {}): StageInput => ({
  layout: 'gallery',
  spotlighted: [],
  selfSpotlighted: false,
  presenter: null,
  togetherMode: false,
  pinned: [],
  dominant: [],
  firstInGallery: 'ada',
  present: (id) => here.has(id),
  ...patch,
});

describe('stage plan', () => {
  it('gallery with nothing featured: no stage, the grid fills the area', () => {
    expect(stagePlan(input({ dominant: ['bo'] }))).toEqual({ stage: { kind: 'none' }, gallery: 'grid' });
  });

  it('spotlight wins over share, together mode and pins; the guest first when spotlighted', () => {
    const all = { spotlighted: ['cy', 'gone', 'bo'], selfSpotlighted: true, presenter: 'di', togetherMode: true, pinned: ['ada'] };
    expect(stagePlan(input(all))).toEqual({ stage: { kind: 'people', ids: [SELF, 'cy', 'bo'], reason: 'spotlight' }, gallery: 'strip' });
  });

  it('a screen share takes the stage from pins (Teams), and together mode too', () => {
    expect(stagePlan(input({ presenter: 'di', pinned: ['ada'], togetherMode: true })).stage).toEqual({ kind: 'share', id: 'di' });
    expect(stagePlan(input({ togetherMode: true, pinned: ['ada'] })).stage).toEqual({ kind: 'together' });
    // A presenter who left no longer holds the stage.
    expect(stagePlan(input({ presenter: 'gone', pinned: ['ada'] })).stage).toEqual({ kind: 'people', ids: ['ada'], reason: 'pin' });
  });

  it('pins, in the order pinned, without people who left, at most the stage’s tiles', () => {
    expect(stagePlan(input({ pinned: ['bo', 'gone', SELF] })).stage).toEqual({ kind: 'people', ids: ['bo', SELF], reason: 'pin' });
    const many = Array.from({ length: 10 }, (_, i) => `p${i}`);
    const plan = stagePlan(input({ pinned: many, present: () => true }));
    expect(plan.stage.kind === 'people' && plan.stage.ids.length).toBe(MAX_STAGE_TILES);
  });

  it('speaker layout: the dominant speaker present, else the gallery’s first; alone: no stage', () => {
    expect(stagePlan(input({ layout: 'speaker', dominant: ['gone', 'cy'] }))).toEqual({ stage: { kind: 'people', ids: ['cy'], reason: 'speaker' }, gallery: 'strip' });
    expect(stagePlan(input({ layout: 'speaker' })).stage).toEqual({ kind: 'people', ids: ['ada'], reason: 'speaker' });
    expect(stagePlan(input({ layout: 'speaker', firstInGallery: null, present: () => false }))).toEqual({ stage: { kind: 'none' }, gallery: 'grid' });
  });

  it('content only: the stage alone, the gallery hidden', () => {
    expect(stagePlan(input({ layout: 'content', presenter: 'di' }))).toEqual({ stage: { kind: 'share', id: 'di' }, gallery: 'hidden' });
    expect(stagePlan(input({ layout: 'content', dominant: ['bo'] }))).toEqual({ stage: { kind: 'people', ids: ['bo'], reason: 'speaker' }, gallery: 'hidden' });
  });

  it('pins and unpins, and reads the remembered layout', () => {
    expect(togglePin([], 'ada')).toEqual(['ada']);
    expect(togglePin(['ada', 'bo'], 'ada')).toEqual(['bo']);
    expect(togglePin(['ada'], SELF)).toEqual(['ada', SELF]);
    expect(layoutOf('speaker')).toBe('speaker');
    expect(layoutOf('huge')).toBe('gallery');
    expect(layoutOf(undefined)).toBe('gallery');
  });
});

describe('tiles that fill the stage', () => {
  it('stretches tiles to their cells between 4:3 and 2:1, never past the area', () => {
    for (const [count, width, height] of [[1, 1600, 900], [4, 1600, 700], [2, 1200, 900], [9, 1264, 660], [30, 700, 380], [3, 400, 900]] as const) {
      const grid = fillLayout(count, width, height);
      const base = gridLayout(count, width, height);
      expect(grid.cols * grid.rows).toBeGreaterThanOrEqual(count);
      expect(grid.tileWidth).toBeGreaterThanOrEqual(base.tileWidth);
      expect(grid.tileHeight).toBeGreaterThanOrEqual(base.tileHeight - 1);
      expect(grid.cols * grid.tileWidth + 8 * (grid.cols - 1)).toBeLessThanOrEqual(width);
      expect(grid.rows * grid.tileHeight + 8 * (grid.rows - 1)).toBeLessThanOrEqual(height);
      const aspect = grid.tileWidth / grid.tileHeight;
      expect(aspect).toBeGreaterThanOrEqual(FILL_ASPECT.min - 0.02);
      expect(aspect).toBeLessThanOrEqual(FILL_ASPECT.max + 0.02);
    }
    // Four people in a wide window: the tiles use the whole height (no band above and below).
    const four = fillLayout(4, 1600, 700);
    expect(four.tileHeight * 2 + 8).toBe(700);
    expect(fillLayout(3, 0, 0).tileWidth).toBe(0);
  });
});

describe('meeting info', () => {
  it('names the meeting by the invitation’s subject, else the link’s host; finds the ID in a short link', () => {
    expect(meetingInfoOf({ kind: 'link', meetingLink: 'https://teams.microsoft.com/meet/2345678901234?p=abc' }, 'teams.microsoft.com', ' Quarterly review ')).toEqual({
      name: 'Quarterly review',
      link: 'https://teams.microsoft.com/meet/2345678901234?p=abc',
      meetingId: '2345678901234',
      passcode: '',
    });
    expect(meetingInfoOf({ kind: 'link', meetingLink: 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_x%40thread.v2/0' }, 'teams.microsoft.com').name).toBe('teams.microsoft.com');
    expect(meetingInfoOf({ kind: 'meetingId', meetingId: '123456789012', passcode: 'Xy7' }, 'Teams', '')).toEqual({ name: 'Teams', link: '', meetingId: '123456789012', passcode: 'Xy7' });
    expect(formatMeetingId('123456789012')).toBe('123 456 789 012');
    expect(formatMeetingId('abc')).toBe('abc');
  });
});
