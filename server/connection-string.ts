// Reads an ACS connection string ("endpoint=https://<resource>.communication.azure.com/;accesskey=<base64>").
// Only what the service needs besides the SDK: the endpoint (is it loopback?) and the key (for grants).

export interface AcsConnection {
  endpoint: URL;
  accessKey: Buffer;
}

export function parseConnectionString(connectionString: string): AcsConnection | undefined {
  const fields = new Map<string, string>();
  for (const part of connectionString.split(';')) {
    const at = part.indexOf('=');
    if (at > 0) fields.set(part.slice(0, at).trim().toLowerCase(), part.slice(at + 1).trim());
  }
  const endpoint = fields.get('endpoint');
  const accessKey = fields.get('accesskey');
  if (!endpoint || !accessKey || !/^[A-Za-z0-9+/]+=*$/.test(accessKey)) return undefined;
  try {
    const url = new URL(endpoint);
    return url.protocol === 'https:' || url.protocol === 'http:' ? { endpoint: url, accessKey: Buffer.from(accessKey, 'base64') } : undefined;
  } catch {
    return undefined;
  }
}

/** Plain http is for a local fake ACS only (tests, the bench); the SDK must be told to allow it. */
export function isLoopbackHttp(url: URL): boolean {
  return url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}
