// Process: main. The settings file's schema and defaults. One source: zod validates and repairs,
// and the same schema, as JSON Schema, is handed to electron-store.
import { z } from 'zod';
import type { Settings } from '../../common/ipc-contract';
import { LOCALE_TAGS, migrateLocaleSetting } from '../../common/i18n/locales';

export const DEFAULT_SETTINGS: Settings = {
  displayName: '',
  language: 'system',
  theme: 'system',
  cameraOn: true,
  microphoneOn: true,
  cameraId: '',
  microphoneId: '',
  speakerId: '',
  backgroundEffect: 'none',
  noiseSuppression: true,
  captionLanguage: '',
  meetingLayout: 'gallery',
  miniWindow: true,
};

export const settingsSchema = z.object({
  displayName: z.string().max(256),
  language: z.enum(['system', ...LOCALE_TAGS]),
  theme: z.enum(['system', 'light', 'dark']),
  cameraOn: z.boolean(),
  microphoneOn: z.boolean(),
  cameraId: z.string().max(512),
  microphoneId: z.string().max(512),
  speakerId: z.string().max(512),
  backgroundEffect: z.union([
    z.enum(['none', 'blur', 'custom']),
    z.templateLiteral(['brand:', z.string().regex(/^[a-z0-9-]{1,32}$/)]),
  ]),
  noiseSuppression: z.boolean(),
  captionLanguage: z.string().max(16).regex(/^(?:[a-z]{2,3}(?:-[a-z0-9]{2,8})*)?$/i),
  meetingLayout: z.enum(['gallery', 'speaker', 'content']),
  miniWindow: z.boolean(),
}) satisfies z.ZodType<Settings>;

export type SettingsKey = keyof Settings;

/**
 * Keeps every valid field of a hand-edited or damaged settings object and resets the rest, so one
 * bad value does not cost the guest their remembered name. Reports which fields were reset, and
 * which were carried over from an older version's format (the file is then rewritten, not "recovered").
 */
export function repairSettings(raw: unknown): { settings: Settings; resetFields: string[]; migratedFields: string[] } {
  const source = raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const settings = { ...DEFAULT_SETTINGS };
  const resetFields: string[] = [];
  const migratedFields: string[] = [];
  for (const key of Object.keys(DEFAULT_SETTINGS) as SettingsKey[]) {
    if (!(key in source)) continue;
    // Versions with two languages stored 'en'/'ko': read them as today's locale tags.
    const value = key === 'language' ? migrateLocaleSetting(source[key]) : source[key];
    const field = settingsSchema.shape[key].safeParse(value);
    if (!field.success) resetFields.push(key);
    else {
      (settings as Record<SettingsKey, unknown>)[key] = field.data;
      if (value !== source[key]) migratedFields.push(key);
    }
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) resetFields.push('(whole file)');
  return { settings, resetFields, migratedFields };
}
