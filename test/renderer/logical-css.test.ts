// Right to left depends on every stylesheet saying "start" and "end", not "left" and "right": this
// reads the renderer's CSS and the landing page's and fails on a physical inline property (margin,
// padding, border or inset on the left or right, text-align or float left/right). A rule that must
// stay physical (a centring translateX, a chevron drawn from two borders) says so on its line with
// a `/* physical: why */` comment.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANDING_CSS } from '../../server/landing-assets';

const ROOT = path.join(import.meta.dirname, '..', '..');

const PHYSICAL_INLINE =
  /(?<![-\w])(?:(?:margin|padding|border)-(?:left|right)(?:-[a-z]+)?|left|right|border-(?:top|bottom)-(?:left|right)-radius)\s*:|(?:text-align|float|clear)\s*:\s*(?:left|right)\b/;

/** `css` with comments and strings blanked out, line breaks kept (so line numbers still match). */
const codeOnly = (css: string) => css.replace(/\/\*[\s\S]*?\*\/|"[^"\n]*"|'[^'\n]*'/g, (text) => text.replace(/[^\n]/g, ' '));

/** Lines of `css` that use a physical inline property without saying why. */
function physicalInlineLines(css: string): string[] {
  const lines = css.split('\n');
  return codeOnly(css)
    .split('\n')
    .map((code, index) => ({ code, line: lines[index].trim(), number: index + 1 }))
    .filter(({ code, line }) => PHYSICAL_INLINE.test(code) && !/\/\*\s*physical:/.test(line))
    .map(({ line, number }) => `${number}: ${line}`);
}

function cssFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.css'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

describe('logical CSS', () => {
  it('finds physical inline properties, and lets a line that says why keep one', () => {
    expect(physicalInlineLines('.a { margin-left: 4px; }\n.b { right: 0; }\n.c { text-align: left; }\n.d { border-right-color: red; }')).toHaveLength(4);
    expect(physicalInlineLines('.a { left: 50%; } /* physical: centred */')).toEqual([]);
    expect(physicalInlineLines('.a { margin-inline-start: 4px; inset-inline-end: 0; text-align: start; }\n.b:first-child { border-block-start: 0; }')).toEqual([]);
    // Words that only contain a side are not properties.
    expect(physicalInlineLines('.top-left__icon { transition: left-pad 1s; }\n.tile__label { content: "left:"; }\n/* a comment\n   saying left: */')).toEqual([]);
  });

  it('the renderer and the landing page use logical properties only', () => {
    const found = cssFiles(path.join(ROOT, 'renderer')).flatMap((file) => physicalInlineLines(readFileSync(file, 'utf8')).map((line) => `${path.relative(ROOT, file)}:${line}`));
    found.push(...physicalInlineLines(LANDING_CSS).map((line) => `server/landing-assets.ts (LANDING_CSS):${line}`));
    expect(found).toEqual([]);
  });
});
