// The build refuses a bad branding file before bundling anything, naming every bad field at once
// (scripts/build.mjs validateBranding, which runs the app's own schema, main/config/branding.ts).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateBranding } from '../../scripts/build.mjs';

const dir = mkdtempSync(path.join(os.tmpdir(), 'doorway-branding-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const shipped = JSON.parse(readFileSync(path.resolve('build/branding.json'), 'utf8')) as Record<string, unknown>;

function write(name: string, content: unknown): string {
  const file = path.join(dir, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

describe('the build validates build/branding.json', () => {
  it('fails naming every bad field, not just the first', async () => {
    const file = write('bad.json', { ...shipped, accentColor: 'blue', tokenEndpoint: 'http://tokens.contoso.com/api/token' });
    const error = await validateBranding(file).then(() => null, (e: unknown) => e as Error);
    expect(error?.message).toMatch(/bad\.json is invalid/);
    expect(error?.message).toMatch(/accentColor: #rrggbb colour/);
    expect(error?.message).toMatch(/tokenEndpoint: must be an https:\/\/ URL or empty/);
  });

  it('says so when the file is not JSON', async () => {
    await expect(validateBranding(write('broken.json', '{ "productName": '))).rejects.toThrow(/broken\.json cannot be read as JSON/);
  });

  it('accepts the shipped branding file', async () => {
    await expect(validateBranding()).resolves.toMatchObject({ productName: shipped.productName });
  });
});
