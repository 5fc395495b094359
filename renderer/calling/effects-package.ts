// Process: renderer (SDK). The one place the effects package (@azure/communication-calling-effects)
// is imported: dynamically, in two parts that the build puts in chunks of their own
// (scripts/effects-parts.mjs). Noise suppression (4.4 MB, on by default) loads when a meeting's
// microphone stream is made; the background effects (8.1 MB of WebGL engine and models, about
// 650 ms of main-thread evaluation) only when the guest first opens the effects picker or a
// remembered effect has a camera to go on. Never at start-up.
export type NoiseSuppressionPackage = typeof import('@azure/communication-calling-effects/noise-suppression');
export type BackgroundEffectsPackage = typeof import('@azure/communication-calling-effects/background');

/** A performance mark when the background effects have loaded (read by the E2E and the benchmarks). */
export const EFFECTS_LOADED_MARK = 'doorway:effects-loaded';

/** Imports once; a failed chunk load may succeed later (the guest can open the picker again). */
function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | null = null;
  return () =>
    (loading ??= load().catch((error: unknown) => {
      loading = null;
      throw error;
    }));
}

export const loadNoiseSuppression = loadOnce<NoiseSuppressionPackage>(() => import('@azure/communication-calling-effects/noise-suppression'));

export const loadBackgroundEffects = loadOnce<BackgroundEffectsPackage>(() =>
  import('@azure/communication-calling-effects/background').then((loaded) => {
    performance.mark(EFFECTS_LOADED_MARK);
    hideEngineSurfaces();
    return loaded;
  }),
);

/**
 * The effects engine (Babylon.js inside the package) adds its WebGL canvas straight to <body>,
 * invisible (opacity 0, lowest z-index) and outside every landmark: keep it out of the
 * accessibility tree, where it is nothing a guest can see or use.
 */
function hideEngineSurfaces(): void {
  const hide = () => {
    for (const canvas of document.querySelectorAll('body > canvas[data-engine]:not([aria-hidden])')) canvas.setAttribute('aria-hidden', 'true');
  };
  new MutationObserver(hide).observe(document.body, { childList: true });
  hide();
}
