// The build refuses imports across process boundaries. Checked on the rule itself and on real
// esbuild builds of small fixture trees.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { describe, expect, it } from 'vitest';
import { processBoundaries } from '../../scripts/process-boundaries.mjs';

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'doorway-boundaries-'));
  for (const [name, contents] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), contents);
  }
  return root;
}

async function buildErrors(root: string, entry: string): Promise<string> {
  try {
    await esbuild.build({ absWorkingDir: root, entryPoints: [entry], bundle: true, write: false, logLevel: 'silent', platform: 'neutral', external: ['electron', '@azure/*', 'node:*', 'fs'], plugins: [processBoundaries(root)] });
    return '';
  } catch (error) {
    return (error as esbuild.BuildFailure).errors.map((e) => e.text).join('\n');
  }
}

const base = {
  'common/ipc-contract.ts': 'export const x = 1;',
  'common/i18n.ts': 'export const y = 2;',
  'main/secret.ts': 'export const key = "k";',
  'renderer/calling/acs.ts': 'import "@azure/communication-calling"; export const z = 3;',
};

describe('process boundaries', () => {
  it('lets each process import what it may', async () => {
    const root = tree({
      ...base,
      'renderer/main.ts': 'import "../common/i18n"; import "./calling/acs"; export {};',
      'preload/index.ts': 'import "electron"; import "../common/ipc-contract"; export {};',
      'main/index.ts': 'import "electron"; import "node:fs"; import "../common/i18n"; import "./secret"; export {};',
    });
    expect(await buildErrors(root, 'renderer/main.ts')).toBe('');
    expect(await buildErrors(root, 'preload/index.ts')).toBe('');
    expect(await buildErrors(root, 'main/index.ts')).toBe('');
  });

  it('refuses the renderer importing main code, Node built-ins or electron', async () => {
    for (const source of ['import "../main/secret";', 'import "node:fs";', 'import "fs";', 'import "electron";']) {
      const root = tree({ ...base, 'renderer/main.ts': `${source} export {};` });
      expect(await buildErrors(root, 'renderer/main.ts'), source).toMatch(/Process boundary: renderer\/main.ts/);
    }
  });

  it('refuses the ACS SDK outside renderer/calling/', async () => {
    const root = tree({ ...base, 'renderer/views/tile.ts': 'import "@azure/communication-calling"; export {};' });
    expect(await buildErrors(root, 'renderer/views/tile.ts')).toMatch(/only renderer\/calling\/ may import/);
  });

  it('refuses the chat SDK outside renderer/chat/, and the calling SDK there', async () => {
    for (const sdk of ['@azure/communication-chat', '@azure/communication-signaling']) {
      const root = tree({ ...base, 'renderer/calling/chat-glue.ts': `import "${sdk}"; export {};` });
      expect(await buildErrors(root, 'renderer/calling/chat-glue.ts')).toMatch(/only renderer\/chat\/ may import/);
    }
    const fine = tree({ ...base, 'renderer/chat/chat-session.ts': 'import "@azure/communication-chat"; export {};' });
    expect(await buildErrors(fine, 'renderer/chat/chat-session.ts')).toBe('');
    const calling = tree({ ...base, 'renderer/chat/chat-session.ts': 'import "@azure/communication-calling"; export {};' });
    expect(await buildErrors(calling, 'renderer/chat/chat-session.ts')).toMatch(/only renderer\/calling\/ may import/);
  });

  it('refuses any Azure SDK import in a state slice (*-model.ts), type-only ones too', async () => {
    for (const source of [
      'import type { Call } from "@azure/communication-calling";',
      'import { type ChatMessage } from "@azure/communication-chat";',
      'export type { CommunicationIdentifier } from "@azure/communication-common";',
      'import "@azure/communication-calling";',
    ]) {
      const root = tree({ ...base, 'renderer/calling/features/captions-model.ts': `${source} export const m = 1;`, 'renderer/main.ts': 'import "./calling/features/captions-model"; export {};' });
      expect(await buildErrors(root, 'renderer/main.ts'), source).toMatch(/captions-model.ts: a state slice may not import @azure\//);
    }
    const fine = tree({ ...base, 'renderer/calling/features/captions-model.ts': 'import "../../../common/i18n"; export const m = 1;', 'renderer/main.ts': 'import "./calling/features/captions-model"; export {};' });
    expect(await buildErrors(fine, 'renderer/main.ts')).toBe('');
  });

  it('refuses the preload importing anything but electron and the contract', async () => {
    for (const source of ['import "../common/i18n";', 'import "../main/secret";', 'import "node:fs";']) {
      const root = tree({ ...base, 'preload/index.ts': `${source} export {};` });
      expect(await buildErrors(root, 'preload/index.ts'), source).toMatch(/preload may only import electron and common\/ipc-contract/);
    }
  });

  it('refuses main importing renderer or preload code, and common importing outside common', async () => {
    const mainTree = tree({ ...base, 'renderer/view.ts': 'export const v = 1;', 'main/index.ts': 'import "../renderer/view"; export {};' });
    expect(await buildErrors(mainTree, 'main/index.ts')).toMatch(/main may not import renderer\/view.ts/);
    const commonTree = tree({ ...base, 'common/bad.ts': 'import "../main/secret"; export {};' });
    expect(await buildErrors(commonTree, 'common/bad.ts')).toMatch(/common\/ is shared by every process/);
  });
});
