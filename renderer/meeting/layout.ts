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
