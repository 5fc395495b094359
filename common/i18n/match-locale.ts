// Process: any (pure). Best-fit matching of what the OS or a browser asks for (a list of BCP 47
// tags, best first) against the shipped locales. Language and script must agree (zh-TW/zh-HK are
// Traditional and never get zh-CN; pt-PT still gets pt-BR, the only Portuguese); within them the
// same region wins, then CLDR's regional parent (en-AU → en-GB, es-AR → es-MX), then the language's
// default region (es → es-ES). Legacy and macro codes are folded (iw → he, in → id, no → nb).

const LANGUAGE_ALIASES: Readonly<Record<string, string>> = { iw: 'he', in: 'id', ji: 'yi', no: 'nb', nn: 'nb', tl: 'fil' };

// CLDR parents: English outside the US follows en-001 (British spelling); Spanish in the Americas
// follows es-419 (Mexican Spanish is the shipped Latin American variety).
const US_ENGLISH = new Set(['US', 'PR', 'UM', 'VI', 'AS', 'GU', 'MP']);
const LATIN_AMERICA = new Set(['419', 'AR', 'BO', 'BR', 'BZ', 'CL', 'CO', 'CR', 'CU', 'DO', 'EC', 'GT', 'HN', 'MX', 'NI', 'PA', 'PE', 'PR', 'PY', 'SV', 'US', 'UY', 'VE']);

interface Parts {
  language: string;
  script: string;
  region: string;
}

/** language/script/region of a tag with the likely subtags filled in; null if it is not a tag. */
export function localeParts(tag: string): Parts | null {
  try {
    const cleaned = tag.trim().replace(/_/g, '-').split('.')[0].split('@')[0];
    if (!cleaned || cleaned === 'C' || cleaned === 'POSIX') return null;
    const parsed = new Intl.Locale(cleaned);
    const language = LANGUAGE_ALIASES[parsed.language] ?? parsed.language;
    const maximized = new Intl.Locale(language, { ...(parsed.script && { script: parsed.script }), ...(parsed.region && { region: parsed.region }) }).maximize();
    return { language, script: maximized.script ?? '', region: maximized.region ?? '' };
  } catch {
    return null;
  }
}

function parentRegion(parts: Parts): string | null {
  if (parts.language === 'en') return US_ENGLISH.has(parts.region) ? 'US' : 'GB';
  if (parts.language === 'es') return LATIN_AMERICA.has(parts.region) ? 'MX' : 'ES';
  return null;
}

/**
 * The best of `available` for the first of `requested` that any of them can serve; `fallback`
 * when none can. `requested` is in preference order (navigator.languages, Accept-Language).
 */
export function matchLocale<T extends string>(requested: readonly (string | null | undefined)[], available: readonly T[], fallback: T): T {
  const candidates = available.map((tag) => ({ tag, parts: localeParts(tag) }));
  for (const wanted of requested) {
    const parts = wanted ? localeParts(wanted) : null;
    if (!parts) continue;
    const same = candidates.filter((c) => c.parts && c.parts.language === parts.language && c.parts.script === parts.script);
    if (same.length === 0) continue;
    const byRegion = (region: string | null) => (region ? same.find((c) => c.parts!.region === region) : undefined);
    const defaultRegion = localeParts(parts.language)?.region ?? null;
    return (byRegion(parts.region) ?? byRegion(parentRegion(parts)) ?? byRegion(defaultRegion) ?? same[0]).tag;
  }
  return fallback;
}

/** Parses an Accept-Language header into tags, best first (q=0 dropped, malformed parts ignored). */
export function parseAcceptLanguage(header: string | undefined | null): string[] {
  return (header ?? '')
    .slice(0, 1024)
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([01](?:\.\d{0,3})?)\s*$/.exec(p)?.[1]).find(Boolean);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.tag && entry.tag !== '*' && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map((entry) => entry.tag);
}
