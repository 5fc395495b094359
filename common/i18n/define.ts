// Declaring a feature's strings, kept apart from the catalogue so feature files can import it
// without a cycle.
export type Section<K extends string> = { en: Record<K, string>; ko: Record<K, string> };

/** Declares a feature's strings; the type makes every language carry the same keys. */
export function defineMessages<const K extends string>(section: {
  en: Record<K, string>;
  ko: NoInfer<Record<K, string>>;
}): Section<K> {
  return section;
}
