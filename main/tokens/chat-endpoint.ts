// Process: main. Which meeting-chat endpoint the renderer may be given: only an ACS resource's
// own https origin (https://<resource>.communication.azure.com), the one family the CSP's
// connect-src admits for chat (CHAT_CONNECT_SOURCES), so a vetted endpoint opens nothing new; anything else
// the token service says (another host, a path, credentials, a port) is dropped and chat stays off.

const ACS_RESOURCE_HOST = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?\.communication\.azure\.com$/;

/** The endpoint's origin when it is an ACS resource's, else null. */
export function vetChatEndpoint(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.username || url.password || url.port || url.search || url.hash) return null;
  if (url.pathname !== '/' || !ACS_RESOURCE_HOST.test(url.hostname)) return null;
  return url.origin;
}
