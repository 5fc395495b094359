// The renderer's two pages as the build writes them (scripts/build.mjs writeRendererHtml): the
// stylesheet inline, the organization's name and accent, the app shell in the main window's page
// only, and only the static imports preloaded.
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeRendererHtml } from '../../scripts/build.mjs';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

describe('renderer pages', async () => {
  const outdir = mkdtempSync(path.join(tmpdir(), 'doorway-renderer-html-'));
  writeFileSync(path.join(outdir, 'main.css'), '.join{color:red}\n/*# sourceMappingURL=main.css.map */\n');
  const fromRoot = (file: string) => path.relative(ROOT, path.join(outdir, file));
  const metafile = {
    outputs: {
      [fromRoot('main.js')]: {
        entryPoint: 'renderer/main.tsx',
        imports: [
          { path: fromRoot('chunks/chunk-A.js'), kind: 'import-statement' },
          { path: fromRoot('chunks/acs-B.js'), kind: 'dynamic-import' },
        ],
      },
    },
  };
  await writeRendererHtml(outdir, metafile, { productName: 'Contoso Care', accentColor: '#123456' });
  const index = readFileSync(path.join(outdir, 'index.html'), 'utf8');
  const panel = readFileSync(path.join(outdir, 'panel.html'), 'utf8');

  it('carries the stylesheet inline with the accent colour, and no stylesheet request', () => {
    for (const page of [index, panel]) {
      expect(page).not.toContain('rel="stylesheet"');
      expect(page).toMatch(/<style>\.join\{color:red\}[\s\S]*:root \{ --accent: #123456; \}\s*<\/style>/);
    }
    expect(existsSync(path.join(outdir, 'main.css'))).toBe(false);
  });

  it("names the organization's product in the title and the main window's shell; the small windows' page has no shell", () => {
    expect(index).toContain('<title>Contoso Care</title>');
    expect(index).toMatch(/<div id="root"><main class="join" data-app-shell><header class="join__header">[\s\S]*<h1 class="join__product">Contoso Care<\/h1>[\s\S]*<\/main><\/div>/);
    expect(panel).toContain('<title>Contoso Care</title>');
    expect(panel).toContain('<div id="root"></div>');
    expect(panel).not.toContain('data-app-shell');
  });

  it('preloads the static imports only, not the lazy SDK chunk', () => {
    expect(index).toContain('<link rel="modulepreload" href="./chunks/chunk-A.js" />');
    expect(index).not.toContain('acs-B.js');
  });
});
