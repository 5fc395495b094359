// Process: test (vitest setup file). Tests compare what a page shows with `translate(locale, …)` in
// Node, so every shipped locale is loaded here, as the renderer loads its one active locale.
import { LOCALE_TAGS, loadLocale } from '../../common/i18n';

await Promise.all(LOCALE_TAGS.map((locale) => loadLocale(locale)));
