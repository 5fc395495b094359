// Process: main (and the build scripts). The organization's branding: one JSON file,
// build/branding.json, that drives both electron-builder's configuration and the app at run time.
import { z } from 'zod';
import { LOCALE_TAGS, migrateLocaleSetting } from '../../common/i18n/locales';

const httpsUrlOrEmpty = z
  .string()
  .refine((value) => value === '' || isHttpsUrl(value), 'must be an https:// URL or empty');

export const brandingSchema = z
  .object({
    productName: z.string().trim().min(1).max(64).regex(/^[\p{L}\p{N} ._-]+$/u, 'letters, digits, spaces, dots, dashes'),
    appId: z.string().regex(/^[a-z][a-z0-9-]*(\.[a-z0-9-]+){2,}$/i, 'reverse-DNS id, e.g. com.example.doorway'),
    // The deep-link scheme; 'app' is the renderer's own internal scheme and cannot be reused.
    linkScheme: z
      .string()
      .regex(/^[a-z][a-z0-9+.-]{1,31}$/, 'lower-case URL scheme, e.g. doorway')
      .refine((s) => !['app', 'http', 'https', 'file', 'msteams', 'javascript', 'data'].includes(s), 'reserved scheme'),
    accentColor: z.string().regex(/^#[0-9a-fA-F]{6}$/, '#rrggbb colour'),
    tokenEndpoint: httpsUrlOrEmpty,
    // The service's APP_KEY (server/README.md: it ships in every copy, so it deters scripts, not
    // a determined attacker); sent as X-Doorway-App-Key to tokenEndpoint only. Empty: none.
    tokenAppKey: z
      .string()
      .regex(/^(|[\x21-\x7e]{16,256})$/, '16 to 256 visible ASCII characters (the service\'s APP_KEY), or empty')
      .default(''),
    supportUrl: httpsUrlOrEmpty,
    // A shipped locale tag (en-US, ko-KR, …); the older 'en'/'ko' are read as en-US/ko-KR.
    defaultLanguage: z.preprocess(migrateLocaleSetting, z.enum(['system', ...LOCALE_TAGS])),
    updateFeed: httpsUrlOrEmpty,
    // Where invitations come from (`doorway://join?invite=`, https://<host>/join/<id>); '' turns them off.
    serviceUrl: z
      .string()
      .refine((value) => value === '' || isHttpsOrigin(value), 'must be an https:// origin (no path) or empty')
      .default(''),
    // The organization's background pictures for video effects: PNG, JPEG or WebP files under
    // build/backgrounds/, copied next to the renderer at build time and served as /backgrounds/<file>.
    backgrounds: z
      .array(
        z
          .object({
            id: z.string().regex(/^[a-z0-9-]{1,32}$/, 'lower-case letters, digits and dashes'),
            label: z.string().trim().min(1).max(64),
            file: z.string().regex(/^build\/backgrounds\/[\w-]+\.(png|jpe?g|webp)$/, 'a .png, .jpg or .webp file in build/backgrounds/'),
          })
          .strict(),
      )
      .max(12)
      .refine((list) => new Set(list.map((b) => b.id)).size === list.length, 'background ids must be unique')
      .default([]),
    // Build-time only: the installers' icons, and the deb/NSIS publisher.
    icons: z
      .string()
      .regex(/^(?!\/)(?!.*\.\.)[\w./-]+$/, 'a folder inside the project, e.g. build')
      .default('build'),
    maintainer: z
      .string()
      .regex(/^[^<>\n]+ <[^<>@\s]+@[^<>@\s]+\.[^<>@\s]+>$/, 'Name <email>, e.g. Example Org <it@example.com>')
      .default('Doorway <doorway@example.com>'),
  })
  .strict();

export type Branding = z.infer<typeof brandingSchema>;

/** Where the renderer finds a branded background: the build copies it to dist/renderer/backgrounds/. */
export function brandBackgroundUrl(file: string): string {
  return `/backgrounds/${file.split('/').pop() ?? ''}`;
}

/**
 * The organization's Doorway service: an https origin and nothing more (no path, query, fragment
 * or credentials), because main fetches invitations from exactly this origin and accepts
 * invitation links only for its host.
 */
export function isHttpsOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && !url.username && !url.password && url.pathname === '/' && !url.search && !url.hash && !value.includes('?') && !value.includes('#');
  } catch {
    return false;
  }
}

function isHttpsUrl(value: string): boolean {
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
}

/** Validates a branding object; the message lists every problem with its field. */
export function parseBranding(raw: unknown): { ok: true; branding: Branding } | { ok: false; message: string } {
  const result = brandingSchema.safeParse(raw);
  if (result.success) return { ok: true, branding: result.data };
  const message = result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('\n');
  return { ok: false, message };
}
