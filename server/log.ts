// Structured logs: one JSON object per line on stdout, for the platform's log collector. Callers
// pass event names and non-secret fields only: never tokens, user ids, refresh grants, display
// names, keys or client addresses.

export type LogLevel = 'info' | 'warn' | 'error';
export type LogFields = Record<string, string | number | boolean | undefined>;

export interface ServerLog {
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

export function createJsonLog(write: (line: string) => void = (line) => process.stdout.write(`${line}\n`), now: () => Date = () => new Date()): ServerLog {
  const entry = (level: LogLevel) => (event: string, fields?: LogFields) =>
    write(JSON.stringify({ time: now().toISOString(), level, event, ...fields }));
  return { info: entry('info'), warn: entry('warn'), error: entry('error') };
}
