// The screenshot tolerance in numbers, without a browser: what passes (identical images, a few
// changed pixels) and what fails (a panel moved, a size changed).
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { comparePngs } from './screenshot-baseline';

/** A 200×100 "screen": white, with a dark 60×30 box ("a panel") at (x, y). */
function screen(x: number, y: number): PNG {
  const png = new PNG({ width: 200, height: 100 });
  for (let py = 0; py < 100; py++) {
    for (let px = 0; px < 200; px++) {
      const i = (py * 200 + px) * 4;
      const inBox = px >= x && px < x + 60 && py >= y && py < y + 30;
      png.data.set(inBox ? [30, 30, 60, 255] : [255, 255, 255, 255], i);
    }
  }
  return png;
}

describe('comparePngs', () => {
  it('finds no difference between identical shots', () => {
    expect(comparePngs(screen(20, 20), screen(20, 20))).toMatchObject({ diffPixels: 0, ratio: 0, sizeMismatch: null });
  });

  it('counts a few changed pixels as a few, below the default 0.1%', () => {
    const actual = screen(20, 20);
    for (let i = 0; i < 15; i++) actual.data.set([0, 0, 0, 255], ((i % 5) * 200 + 150 + Math.floor(i / 5)) * 4);
    const result = comparePngs(screen(20, 20), actual);
    expect(result.diffPixels).toBe(15);
    expect(result.ratio).toBeLessThanOrEqual(0.001);
  });

  it('ignores a colour change below the threshold and counts one above it', () => {
    const faint = screen(20, 20);
    faint.data.set([250, 250, 250, 255], (50 * 200 + 150) * 4);
    expect(comparePngs(screen(20, 20), faint).diffPixels).toBe(0);
    expect(comparePngs(screen(20, 20), faint, 0).diffPixels).toBe(1);
  });

  it('goes far over 0.1% when a panel moves by 20 pixels', () => {
    const result = comparePngs(screen(20, 20), screen(40, 20));
    expect(result.ratio).toBeGreaterThan(0.01);
    expect(result.diff?.width).toBe(200);
  });

  it('fails every pixel when the size changed', () => {
    const taller = new PNG({ width: 200, height: 120 });
    expect(comparePngs(screen(20, 20), taller)).toMatchObject({ ratio: 1, sizeMismatch: '200×100 vs 200×120' });
  });
});
