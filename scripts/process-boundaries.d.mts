// Types for scripts/process-boundaries.mjs, so tests import it checked.
import type { Plugin } from 'esbuild';

export function processOf(file: string, root: string): string | null;
export function boundaryViolation(input: { importerProcess: string | null; specifier: string; resolvedProcess: string | null; resolvedRelative: string }): string | null;
export function sdkViolation(importerRelative: string, specifier: string): string | null;
export function processBoundaries(root: string): Plugin;
