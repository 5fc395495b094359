// Process: renderer (SDK). The one place the effects package (@azure/communication-calling-effects,
// 13 MB of WebGL/WebAssembly models) is imported: dynamically, so the build puts it in a chunk of
// its own that loads only when the guest first opens the effects picker or a remembered effect
// has a camera to go on. Never at start-up.
export type EffectsPackage = typeof import('@azure/communication-calling-effects');

/** A performance mark when the package has loaded (read by the effects benchmark). */
export const EFFECTS_LOADED_MARK = 'doorway:effects-loaded';

let loading: Promise<EffectsPackage> | null = null;

export function loadEffectsPackage(): Promise<EffectsPackage> {
  loading ??= import('@azure/communication-calling-effects').then(
    (loaded) => {
      performance.mark(EFFECTS_LOADED_MARK);
      hideEngineSurfaces();
      return loaded;
    },
    (error: unknown) => {
      // A failed chunk load may succeed later (the guest can open the picker again).
      loading = null;
      throw error;
    },
  );
  return loading;
}

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
