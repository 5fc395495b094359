// Types for scripts/security-gate.mjs, so tests import it checked.
export interface Finding {
  check: string;
  file: string;
  line: string;
  lineNumber: number;
  message: string;
}
export interface AllowlistEntry {
  check: string;
  file: string;
  line: string;
  why: string;
}
export function runElectronegativity(sourceRoot?: string): Promise<Finding[]>;
export function judge(findings: Finding[], allowlist: AllowlistEntry[]): { unexplained: Finding[]; stale: AllowlistEntry[] };
export function readAllowlist(): AllowlistEntry[];
