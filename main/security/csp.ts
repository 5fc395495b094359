// Process: main. The Content-Security-Policy of every page Doorway shows.
//
// Scripts only from our own files; the ACS SDK starts blob: workers, so workers may come from
// blob:. Deep noise suppression (@azure/communication-calling-effects) compiles WebAssembly
// ('wasm-unsafe-eval', which allows WebAssembly compilation and nothing of eval()) and loads its
// AudioWorklet from a blob: URL it makes itself (worklets fall under script-src). Measured without
// each: "CompileError: WebAssembly.instantiate() … violates the following Content Security
// policy" and "Failed to load worklet module script: blob:…". blob: URLs can only be minted by
// code already running in this origin. Connections are limited to the service families the SDK's own host table names
// (signalling, relays, telemetry, config, sovereign clouds), and meeting chat's ACS resource
// endpoint over https only. Everything else is 'none'.

/**
 * Host families the ACS Calling SDK talks to, read from its bundle's host table. No azure.com:
 * the calling bundle (2.x) names one azure.com host, turn.azure.com, a TURN relay it reaches
 * through WebRTC's ICE (turn:/turns: URLs), which connect-src does not govern.
 */
export const ACS_CONNECT_HOSTS = [
  '*.microsoft.com', // teams, trouter, registrar, flightproxy, mediabroker, config, telemetry
  '*.skype.com', // edge, api.cc, flightproxy
  '*.cloud.microsoft', // mediabroker, Teams on cloud.microsoft
  '*.static.microsoft', // onecdn
  '*.office.net', // statics CDN
  '*.officeapps.live.com', // PowerPoint Live
  '*.microsoft.us', // GCC High / DoD
  '*.office365.us',
  '*.apps.mil',
  '*.microsoftonline.cn',
  '*.microsoft.scloud',
  '*.eaglex.ic.gov',
] as const;

/**
 * Meeting chat (renderer/chat): the ACS resource's REST API (messages, receipts, participants,
 * and the real-time configuration). main hands the renderer only an endpoint on this family
 * (main/tokens/chat-endpoint.ts). The real-time push itself goes to Trouter and its registrar on
 * *.microsoft.com and *.skype.com, already above; nothing here needs wss.
 */
export const CHAT_CONNECT_SOURCES = ['https://*.communication.azure.com'] as const;

/**
 * `styleHashes`: CSP hash sources ('sha256-…') of the <style> blocks in the page being served, our
 * own file from the app's folder (app-protocol-handler.ts computes them): the first screen's
 * stylesheet is inline so that no request stands before the first paint. A style added at run time
 * has no hash and stays refused.
 */
export function contentSecurityPolicy(styleHashes: readonly string[] = []): string {
  const connect = ACS_CONNECT_HOSTS.flatMap((host) => [`https://${host}`, `wss://${host}`]);
  const directives: Record<string, string[]> = {
    'default-src': ["'none'"],
    'script-src': ["'self'", "'wasm-unsafe-eval'", 'blob:'],
    'worker-src': ["'self'", 'blob:'],
    'style-src': ["'self'", ...styleHashes],
    'img-src': ["'self'", 'data:', 'blob:'],
    'media-src': ["'self'", 'blob:', 'mediastream:'],
    'font-src': ["'self'"],
    'connect-src': ["'self'", 'blob:', 'data:', ...connect, ...CHAT_CONNECT_SOURCES],
    'frame-src': ["'none'"],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
    'frame-ancestors': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}
