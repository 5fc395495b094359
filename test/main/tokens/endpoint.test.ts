import { describe, expect, it } from 'vitest';
import { resolveTokenEndpoint } from '../../../main/tokens/endpoint';

const resolve = (configured: string | undefined, isPackaged: boolean, override?: string) =>
  resolveTokenEndpoint({ configured, isPackaged, env: override === undefined ? {} : { DOORWAY_TOKEN_ENDPOINT: override } });

describe('token endpoint resolution', () => {
  it('accepts an https endpoint from the build configuration, query string included', () => {
    expect(resolve('https://tokens.example.com/api/token?code=abc', true)).toEqual({
      kind: 'ok',
      url: 'https://tokens.example.com/api/token?code=abc',
      source: 'build',
    });
  });

  it('is not configured when neither the build nor the environment has one', () => {
    expect(resolve(undefined, false)).toEqual({ kind: 'notConfigured' });
    expect(resolve('  ', false, '')).toEqual({ kind: 'notConfigured' });
  });

  it('refuses non-https endpoints', () => {
    expect(resolve('http://tokens.example.com/api/token', false)).toEqual({ kind: 'invalid', reason: 'insecureScheme', source: 'build' });
    expect(resolve('ftp://tokens.example.com/', false)).toMatchObject({ kind: 'invalid', reason: 'insecureScheme' });
    expect(resolve('http://127.0.0.1.example.com/', false)).toMatchObject({ kind: 'invalid', reason: 'insecureScheme' });
  });

  it('allows http to this machine in development only', () => {
    for (const url of ['http://localhost:7071/api/token', 'http://127.0.0.1:8080/api/token', 'http://[::1]:8080/api/token']) {
      expect(resolve(url, false)).toEqual({ kind: 'ok', url, source: 'build' });
      expect(resolve(url, true)).toEqual({ kind: 'invalid', reason: 'loopbackInPackagedBuild', source: 'build' });
    }
  });

  it('lets DOORWAY_TOKEN_ENDPOINT override the build value in development, never in a packaged build', () => {
    const build = 'https://tokens.example.com/api/token';
    expect(resolve(build, false, 'http://localhost:8080/api/token')).toEqual({ kind: 'ok', url: 'http://localhost:8080/api/token', source: 'env' });
    expect(resolve(build, true, 'https://elsewhere.example.net/')).toEqual({ kind: 'ok', url: build, source: 'build' });
    expect(resolve(undefined, false, 'http://evil.example.net/')).toEqual({ kind: 'invalid', reason: 'insecureScheme', source: 'env' });
  });

  it('refuses URLs that are not URLs or carry credentials', () => {
    expect(resolve('tokens.example.com', false)).toMatchObject({ kind: 'invalid', reason: 'notAUrl' });
    expect(resolve('https://user:secret@tokens.example.com/', false)).toMatchObject({ kind: 'invalid', reason: 'credentialsInUrl' });
    expect(resolve('https://user@tokens.example.com/', false)).toMatchObject({ kind: 'invalid', reason: 'credentialsInUrl' });
    expect(resolve('https://:secret@tokens.example.com/', false)).toMatchObject({ kind: 'invalid', reason: 'credentialsInUrl' });
  });

  it('allows only http and https to this machine, even in development', () => {
    expect(resolve('ftp://localhost/token', false)).toEqual({ kind: 'invalid', reason: 'insecureScheme', source: 'build' });
    expect(resolve('ws://127.0.0.1:8080/token', false)).toEqual({ kind: 'invalid', reason: 'insecureScheme', source: 'build' });
  });

  it('takes a blank DOORWAY_TOKEN_ENDPOINT (spaces only) as not set', () => {
    const build = 'https://tokens.example.com/api/token';
    expect(resolve(build, false, '   ')).toEqual({ kind: 'ok', url: build, source: 'build' });
  });
});
