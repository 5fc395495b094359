// Process: renderer. The gallery's geometry, pure: how many tiles fit the stage, and the grid that
// makes `count` tiles as large as possible. Unit-tested in Node.

export const TILE_ASPECT = 16 / 9;
export const TILE_GAP = 8;
/** Below this width a tile stops being readable; more participants go to the overflow strip. */
export const MIN_TILE_WIDTH = 120;
/** Teams' large gallery shows at most 49 participants at once. */
export const MAX_REMOTE_TILES = 49;

export interface GridLayout {
  cols: number;
  rows: number;
  tileWidth: number;
  tileHeight: number;
}

/** How many tiles of at least MIN_TILE_WIDTH fit in width × height. */
export function tileCapacity(width: number, height: number, gap = TILE_GAP): number {
  if (width <= 0 || height <= 0) return 1;
  const minHeight = MIN_TILE_WIDTH / TILE_ASPECT;
  const cols = Math.max(1, Math.floor((width + gap) / (MIN_TILE_WIDTH + gap)));
  const rows = Math.max(1, Math.floor((height + gap) / (minHeight + gap)));
  return cols * rows;
}

/** The grid (columns × rows) that gives `count` 16:9 tiles the largest size in width × height. */
export function gridLayout(count: number, width: number, height: number, gap = TILE_GAP): GridLayout {
  const n = Math.max(1, count);
  let best: GridLayout = { cols: 1, rows: n, tileWidth: 0, tileHeight: 0 };
  for (let cols = 1; cols <= n; cols++) {
    const rows = Math.ceil(n / cols);
    const cellWidth = (width - gap * (cols - 1)) / cols;
    const cellHeight = (height - gap * (rows - 1)) / rows;
    if (cellWidth <= 0 || cellHeight <= 0) continue;
    const tileWidth = Math.min(cellWidth, cellHeight * TILE_ASPECT);
    if (tileWidth > best.tileWidth) best = { cols, rows, tileWidth, tileHeight: tileWidth / TILE_ASPECT };
  }
  return { ...best, tileWidth: Math.floor(best.tileWidth), tileHeight: Math.floor(best.tileHeight) };
}

/** The widest and the narrowest a tile may stretch to fill its cell (video is cropped to it, as Teams does). */
export const FILL_ASPECT = { min: 4 / 3, max: 2 } as const;

/**
 * The grid for `count` tiles that fill width × height: the columns and rows of gridLayout, with
 * each tile stretched to its cell as long as its shape stays between 4:3 and 2:1, so the stage has
 * no empty bands beside or above the tiles.
 */
export function fillLayout(count: number, width: number, height: number, gap = TILE_GAP): GridLayout {
  const { cols, rows, tileWidth } = gridLayout(count, width, height, gap);
  if (tileWidth === 0) return { cols, rows, tileWidth: 0, tileHeight: 0 };
  const cellWidth = Math.floor((width - gap * (cols - 1)) / cols);
  const cellHeight = Math.floor((height - gap * (rows - 1)) / rows);
  const w = Math.min(cellWidth, Math.floor(cellHeight * FILL_ASPECT.max));
  const h = Math.min(cellHeight, Math.floor(w / FILL_ASPECT.min));
  return { cols, rows, tileWidth: w, tileHeight: h };
}

/** How many remote participants get a tile, leaving one cell for the guest's own tile. */
export function remoteTileCount(participants: number, width: number, height: number): number {
  return Math.max(0, Math.min(participants, MAX_REMOTE_TILES, tileCapacity(width, height) - 1));
}

/** "m:ss", or "h:mm:ss" past an hour. */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const ss = String(seconds).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${ss}` : `${minutes}:${ss}`;
}

// ---- the stage: what takes the big area, by Teams' precedence --------------------------------

/** The guest's layout choice (remembered in the settings). */
export const MEETING_LAYOUTS = ['gallery', 'speaker', 'content'] as const;
export type MeetingLayout = (typeof MEETING_LAYOUTS)[number];

/** The guest's own tile, wherever a participant id is expected. */
export const SELF = 'self';

/** Why people are on the stage (each has its mark on the tiles). */
export type StageReason = 'spotlight' | 'pin' | 'speaker';

export type Stage =
  /** No stage: the gallery fills the area. */
  | { kind: 'none' }
  | { kind: 'people'; ids: readonly string[]; reason: StageReason }
  | { kind: 'share'; id: string }
  | { kind: 'together' };

export interface StagePlan {
  stage: Stage;
  /** The rest of the meeting: the whole area ('grid'), a strip under the stage, or not shown. */
  gallery: 'grid' | 'strip' | 'hidden';
}

export interface StageInput {
  layout: MeetingLayout;
  /** Spotlighted remote participants, in spotlight order, and whether the guest is spotlighted. */
  spotlighted: readonly string[];
  selfSpotlighted: boolean;
  /** Who shares their screen (null: nobody). */
  presenter: string | null;
  /** The together-mode scene is on. */
  togetherMode: boolean;
  /** The guest's pins, in the order pinned (SELF for their own tile). */
  pinned: readonly string[];
  /** The SDK's dominant speakers, most dominant first. */
  dominant: readonly string[];
  /** First in the gallery's order (the speaker layout's choice before anyone has spoken). */
  firstInGallery: string | null;
  /** Whether a remote participant is in the meeting now (pins and spotlights of people gone are ignored). */
  present(id: string): boolean;
}

/** The most tiles the stage shows at once (the SDK's maxParticipantsToSpotlight is 7). */
export const MAX_STAGE_TILES = 7;

/**
 * What takes the stage, as Teams decides it: spotlight > screen share > together mode > pins >
 * dominant speaker. Pins are the guest's own view rule, so a share (the meeting's) takes the stage
 * from them and the pinned tiles lead the strip instead. Gallery shows a stage only when one of the
 * first four applies; Speaker always puts one person there; Content only shows the stage alone.
 */
export function stagePlan(input: StageInput): StagePlan {
  const stage = stageOf(input);
  const gallery = stage.kind === 'none' ? 'grid' : input.layout === 'content' ? 'hidden' : 'strip';
  return { stage, gallery };
}

function stageOf(input: StageInput): Stage {
  const here = (id: string) => id === SELF || input.present(id);
  const spotlighted = [...(input.selfSpotlighted ? [SELF] : []), ...input.spotlighted.filter(here)];
  if (spotlighted.length > 0) return { kind: 'people', ids: spotlighted.slice(0, MAX_STAGE_TILES), reason: 'spotlight' };
  if (input.presenter && input.present(input.presenter)) return { kind: 'share', id: input.presenter };
  if (input.togetherMode) return { kind: 'together' };
  const pinned = input.pinned.filter(here);
  if (pinned.length > 0) return { kind: 'people', ids: pinned.slice(0, MAX_STAGE_TILES), reason: 'pin' };
  if (input.layout === 'gallery') return { kind: 'none' };
  const speaker = input.dominant.find((id) => input.present(id)) ?? input.firstInGallery;
  return speaker ? { kind: 'people', ids: [speaker], reason: 'speaker' } : { kind: 'none' };
}

/** The ids on the stage (participants only; a share or the scene is not a tile). */
export function stageIds(stage: Stage): readonly string[] {
  return stage.kind === 'people' ? stage.ids : [];
}

/** Pins a participant, or unpins them (a toggle), keeping the order pinned. */
export function togglePin(pinned: readonly string[], id: string): string[] {
  return pinned.includes(id) ? pinned.filter((p) => p !== id) : [...pinned, id].slice(-MAX_STAGE_TILES);
}

/** A remembered layout value from the settings, or the default for anything else. */
export function layoutOf(value: unknown): MeetingLayout {
  return (MEETING_LAYOUTS as readonly unknown[]).includes(value) ? (value as MeetingLayout) : 'gallery';
}
