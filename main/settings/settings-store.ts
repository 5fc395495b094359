// Process: main. The guest's settings in electron-store. A corrupt or hand-edited file never
// stops the app: before electron-store opens it, the file is read and repaired field by field;
// when anything had to be reset, the original is kept beside it as config.corrupt-<time>.json.
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Store from 'electron-store';
import { z } from 'zod';
import type { Settings } from '../../common/ipc-contract';
import { DEFAULT_SETTINGS, repairSettings, settingsSchema } from './settings-schema';

export interface SettingsStore {
  readonly recovered: boolean;
  get(): Settings;
  update(patch: Partial<Settings>): Settings;
}

const FILE_NAME = 'config';

export function openSettingsStore(
  directory: string,
  log: (message: string) => void,
  now: () => Date = () => new Date(),
): SettingsStore {
  const file = path.join(directory, `${FILE_NAME}.json`);
  const recovered = repairFileInPlace(file, log, now);
  const store = new Store<Settings>({
    cwd: directory,
    name: FILE_NAME,
    defaults: DEFAULT_SETTINGS,
    schema: z.toJSONSchema(settingsSchema).properties as never,
    clearInvalidConfig: true,
    watch: false,
  });
  return {
    recovered,
    get: () => repairSettings(store.store).settings,
    update(patch) {
      const next = settingsSchema.parse({ ...repairSettings(store.store).settings, ...patch });
      store.set(next);
      return next;
    },
  };
}

/** Returns true when the file had to be repaired (and a copy of the original was kept). */
function repairFileInPlace(file: string, log: (message: string) => void, now: () => Date): boolean {
  if (!existsSync(file)) return false;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    raw = null;
  }
  const { settings, resetFields } = repairSettings(raw);
  if (resetFields.length === 0) return false;
  const backup = `${file.slice(0, -'.json'.length)}.corrupt-${now().toISOString().replace(/[:.]/g, '-')}.json`;
  copyFileSync(file, backup);
  writeFileSync(file, JSON.stringify(settings, null, '\t'));
  log(`settings: repaired ${resetFields.join(', ')}; original kept as ${path.basename(backup)}`);
  return true;
}
