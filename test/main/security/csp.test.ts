import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../../main/security/csp';

function directives(policy: string): Map<string, string[]> {
  return new Map(policy.split(';').map((part) => {
    const [name, ...values] = part.trim().split(/\s+/);
    return [name, values];
  }));
}

describe('content security policy', () => {
  const policy = directives(contentSecurityPolicy());

  it('runs only our own scripts: no inline, no eval, no remote; WebAssembly and our own blob: worklets for noise suppression', () => {
    expect(policy.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'", 'blob:']);
    expect(policy.get('default-src')).toEqual(["'none'"]);
    // 'wasm-unsafe-eval' is the only unsafe-* keyword, and never plain 'unsafe-eval'.
    expect(contentSecurityPolicy().match(/'[a-z-]*unsafe[a-z-]*'/g)).toEqual(["'wasm-unsafe-eval'"]);
    expect(contentSecurityPolicy()).not.toMatch(/strict-dynamic|data:[^;]*;.*script/);
  });

  it("allows the SDK's blob: workers and nothing else as workers", () => {
    expect(policy.get('worker-src')).toEqual(["'self'", 'blob:']);
  });

  it('forbids frames, plugins, base changes, form posts and being framed', () => {
    for (const name of ['frame-src', 'object-src', 'base-uri', 'form-action', 'frame-ancestors']) {
      expect(policy.get(name), name).toEqual(["'none'"]);
    }
  });

  it('connects only to ACS service families over TLS', () => {
    const connect = policy.get('connect-src')!;
    expect(connect).toContain("'self'");
    expect(connect).toContain('https://*.skype.com');
    expect(connect).toContain('wss://*.microsoft.com');
    for (const source of connect) {
      if (source.startsWith("'") || source === 'blob:' || source === 'data:') continue;
      expect(source).toMatch(/^(https|wss):\/\/\*\.[a-z0-9.-]+$/);
    }
    expect(connect).not.toContain('*');
    // Meeting chat's ACS resource endpoints, https only; no wider azure.com (the calling SDK's only
    // azure.com host is a TURN relay, reached through WebRTC rather than fetch or WebSocket).
    expect(connect).toContain('https://*.communication.azure.com');
    expect(connect.filter((s) => s.includes('azure.com'))).toEqual(['https://*.communication.azure.com']);
    expect(connect.some((s) => s.startsWith('http:') || s.startsWith('ws:'))).toBe(false);
  });
});
