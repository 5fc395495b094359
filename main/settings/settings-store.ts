// Process: main. The guest's settings in electron-store. A corrupt or hand-edited file never
// stops the app: before electron-store opens it, the file is read and repaired field by field;
// when anything had to be reset, the original is kept beside it as config.corrupt-<time>.json.
// A file or folder that cannot be used at all (a folder in the file's place, a profile that
// cannot be written) leaves the settings in memory for this run, with a log line, never a throw.
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Store from 'electron-store';
import { z } from 'zod';
import type { Settings } from '../../common/ipc-contract';
import { DEFAULT_SETTINGS, repairSettings, settingsSchema } from './settings-schema';

export interface SettingsStore {
  readonly recovered: boolean;
  /** True when the settings cannot be saved in this run (they live in memory only). */
  readonly inMemory: boolean;
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
  let recovered: boolean;
  let store: Store<Settings>;
  try {
    recovered = repairFileInPlace(file, log, now);
    store = new Store<Settings>({
      cwd: directory,
      name: FILE_NAME,
      defaults: DEFAULT_SETTINGS,
      schema: z.toJSONSchema(settingsSchema).properties as never,
      clearInvalidConfig: true,
      watch: false,
    });
  } catch (error) {
    log(`settings: ${FILE_NAME}.json cannot be used (${errorCode(error)}): keeping settings in memory for this run`);
    return memoryStore();
  }
  let memory: Settings | null = null;
  return {
    recovered,
    get inMemory() {
      return memory !== null;
    },
    get: () => memory ?? repairSettings(store.store).settings,
    update(patch) {
      const next = settingsSchema.parse({ ...(memory ?? repairSettings(store.store).settings), ...patch });
      if (memory) return (memory = next);
      try {
        store.set(next);
      } catch (error) {
        // The disk filled up or the file was locked after start-up: the guest's choice still holds.
        log(`settings: cannot save (${errorCode(error)}): keeping settings in memory for this run`);
        memory = next;
      }
      return next;
    },
  };
}

function memoryStore(): SettingsStore {
  let settings: Settings = { ...DEFAULT_SETTINGS };
  return {
    recovered: false,
    inMemory: true,
    get: () => settings,
    update: (patch) => (settings = settingsSchema.parse({ ...settings, ...patch })),
  };
}

/** Returns true when the file had to be repaired (and a copy of the original was kept). */
function repairFileInPlace(file: string, log: (message: string) => void, now: () => Date): boolean {
  if (!existsSync(file)) return false;
  let raw: unknown;
  try {
    // Windows editors save UTF-8 with a byte order mark; JSON.parse refuses it, electron-store skips it.
    raw = JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  } catch (error) {
    if (errorCode(error) === 'EISDIR') throw error;
    raw = null;
  }
  const { settings, resetFields, migratedFields } = repairSettings(raw);
  if (resetFields.length === 0) {
    // electron-store would refuse an older version's value: write it in today's format.
    if (migratedFields.length > 0) writeFileSync(file, JSON.stringify(settings, null, '\t'));
    return false;
  }
  const backup = `${file.slice(0, -'.json'.length)}.corrupt-${now().toISOString().replace(/[:.]/g, '-')}.json`;
  copyFileSync(file, backup);
  writeFileSync(file, JSON.stringify(settings, null, '\t'));
  log(`settings: repaired ${resetFields.join(', ')}; original kept as ${path.basename(backup)}`);
  return true;
}

/** A file-system error's code (EISDIR, EACCES), never its message: that holds the guest's path. */
function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'unknown error';
}
