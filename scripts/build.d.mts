// Types for scripts/build.mjs, so the scripted-meeting build imports it checked.
import type { BuildOptions, Metafile, Plugin } from 'esbuild';

export function build(): Promise<void>;
export function rendererOptions(outdir: string, plugins?: Plugin[]): BuildOptions;
/** Writes index.html (stylesheet inline, the app shell) and panel.html (no shell) into `outdir`; removes its main.css. */
export function writeRendererHtml(outdir: string, metafile: Pick<Metafile, 'outputs'> | { outputs: Record<string, { entryPoint?: string; imports?: Array<{ path: string; kind: string }> }> }, branding: Pick<import('../main/config/branding').Branding, 'productName' | 'accentColor'>): Promise<void>;
/** Validates a branding file (default build/branding.json) with the app's schema; rejects listing every bad field. */
export function validateBranding(file?: string): Promise<import('../main/config/branding').Branding>;
/** Copies the branding's background pictures into `<rendererDir>/backgrounds/`. */
export function copyBrandBackgrounds(branding: import('../main/config/branding').Branding, rendererDir: string): Promise<void>;
/** Writes each translation (not English, which main bundles) to `<dir>/<tag>.json`, read by main at run time. */
export function writeLocaleFiles(dir: string): Promise<void>;
