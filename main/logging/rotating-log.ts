// Process: main. A small append-only log file in the user-data folder that rotates by size
// (main.log, main.1.log, ... main.<keep>.log). Every line is redacted before it is written.
import { appendFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { redact } from './redact';

export type Level = 'info' | 'warn' | 'error';

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
  readonly file: string;
  /** The last lines written, already redacted, for "Copy diagnostics". */
  recent(): string[];
}

export interface RotatingLogOptions {
  directory: string;
  name?: string;
  maxBytes?: number;
  keep?: number;
  now?: () => Date;
  /** Also print to stderr (development). */
  echo?: boolean;
}

const RECENT_LINES = 200;

export function createRotatingLog(options: RotatingLogOptions): Logger {
  const { directory, name = 'main', maxBytes = 1_000_000, keep = 3, now = () => new Date(), echo = false } = options;
  const file = path.join(directory, `${name}.log`);
  const numbered = (n: number) => path.join(directory, `${name}.${n}.log`);
  let size = 0;
  try {
    mkdirSync(directory, { recursive: true });
    size = existsSync(file) ? statSync(file).size : 0;
  } catch {
    // A profile that cannot be written: each write below fails quietly; recent() still has the lines.
  }
  const recent: string[] = [];

  function rotate() {
    rmSync(numbered(keep), { force: true });
    for (let n = keep - 1; n >= 1; n--) if (existsSync(numbered(n))) renameSync(numbered(n), numbered(n + 1));
    renameSync(file, numbered(1));
    size = 0;
  }

  function write(level: Level, message: string) {
    const line = `${now().toISOString()} ${level.toUpperCase()} ${redact(message).replace(/[\r\n]+/g, ' ')}\n`;
    recent.push(line.trimEnd());
    if (recent.length > RECENT_LINES) recent.shift();
    if (echo) process.stderr.write(line);
    try {
      if (size + line.length > maxBytes && size > 0) rotate();
      appendFileSync(file, line);
      size += Buffer.byteLength(line);
    } catch {
      // A full disk or a locked file must not take the meeting down with it.
    }
  }

  return {
    file,
    info: (m) => write('info', m),
    warn: (m) => write('warn', m),
    error: (m) => write('error', m),
    recent: () => [...recent],
  };
}
