// The key a client is rate-limited by: its address, or its IPv6 /64 (one host often holds a
// whole /64, so limiting single IPv6 addresses would limit nothing).
import { isIPv4, isIPv6 } from 'node:net';

/**
 * `forwardedFor` is the X-Forwarded-For header, used only when the service is configured to trust
 * its proxy: its LAST entry is the one that proxy appended (earlier entries are the client's word).
 */
export function clientKey(remoteAddress: string | undefined, forwardedFor: string | undefined, trustProxy: boolean): string {
  const forwarded = trustProxy ? forwardedFor?.slice(forwardedFor.lastIndexOf(',') + 1).trim() : undefined;
  return normalizeAddress(forwarded || remoteAddress || 'unknown');
}

function normalizeAddress(raw: string): string {
  // Proxies may add a port: "203.0.113.7:51234", "[2001:db8::1]:51234".
  const address = /^\[(.+)\]:\d+$/.exec(raw)?.[1] ?? /^(\d+\.\d+\.\d+\.\d+):\d+$/.exec(raw)?.[1] ?? raw;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return mapped;
  if (isIPv4(address)) return address;
  if (isIPv6(address)) return `${expandIPv6(address).slice(0, 4).join(':')}::/64`;
  return `other:${address.slice(0, 64)}`;
}

/** The eight hextets of an IPv6 address (zone id dropped), "::" expanded. */
function expandIPv6(address: string): string[] {
  const [head, tail] = address.split('%')[0].split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  // Without "::" a valid address already has eight hextets, and no zeros are added.
  const zeros = Array<string>(8 - left.length - right.length).fill('0');
  return [...left, ...zeros, ...right].map((hextet) => hextet.toLowerCase().replace(/^0+(?=.)/, ''));
}
