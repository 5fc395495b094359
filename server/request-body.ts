// Reads a request body with a size limit, so a client cannot make the service buffer megabytes.
import type { IncomingMessage } from 'node:http';

export type BodyResult = { ok: true; text: string } | { ok: false; reason: 'tooLarge' | 'aborted' | 'invalidUtf8' };

export function readBody(req: IncomingMessage, maxBytes: number): Promise<BodyResult> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) return Promise.resolve({ ok: false, reason: 'tooLarge' });

  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (result: BodyResult) => {
      req.removeAllListeners('data');
      resolve(result);
    };
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) return finish({ ok: false, reason: 'tooLarge' });
      chunks.push(chunk);
    });
    req.on('end', () => {
      try {
        finish({ ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks)) });
      } catch {
        finish({ ok: false, reason: 'invalidUtf8' });
      }
    });
    req.on('close', () => {
      if (!req.complete) finish({ ok: false, reason: 'aborted' });
    });
    req.on('error', () => finish({ ok: false, reason: 'aborted' }));
  });
}
