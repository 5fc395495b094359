import { describe, expect, it } from 'vitest';
import { chooseTokenSource } from '../../../main/tokens/source-choice';

const CONNECTION = 'endpoint=https://x.communication.azure.com/;accesskey=c2VjcmV0';
const ENDPOINT = 'http://localhost:8080/api/token';

describe('which token source a run uses, and why', () => {
  it('lets an explicit DOORWAY_TOKEN_ENDPOINT win over ACS_CONNECTION_STRING, naming the ignored one', () => {
    const choice = chooseTokenSource({ env: { DOORWAY_TOKEN_ENDPOINT: ENDPOINT, ACS_CONNECTION_STRING: CONNECTION }, isPackaged: false, buildEndpoint: '' });
    expect(choice.use).toBe('envEndpoint');
    expect(choice.why).toMatch(/DOORWAY_TOKEN_ENDPOINT is set/);
    expect(choice.ignored).toEqual([{ name: 'ACS_CONNECTION_STRING', reason: 'DOORWAY_TOKEN_ENDPOINT is set and wins' }]);
  });

  it('uses the development identity when only ACS_CONNECTION_STRING is set, over the build endpoint', () => {
    const choice = chooseTokenSource({ env: { ACS_CONNECTION_STRING: CONNECTION }, isPackaged: false, buildEndpoint: 'https://tokens.contoso.com/api/token' });
    expect(choice).toMatchObject({ use: 'devIdentity', ignored: [] });
    expect(choice.why).toMatch(/ACS_CONNECTION_STRING is set/);
  });

  it('falls back to the build endpoint, then to none with what to set', () => {
    expect(chooseTokenSource({ env: { DOORWAY_TOKEN_ENDPOINT: '  ' }, isPackaged: false, buildEndpoint: 'https://t.example/api/token' })).toMatchObject({ use: 'buildEndpoint', ignored: [] });
    const none = chooseTokenSource({ env: {}, isPackaged: false, buildEndpoint: '' });
    expect(none.use).toBe('none');
    expect(none.why).toMatch(/DOORWAY_TOKEN_ENDPOINT.*npm run token-server.*ACS_CONNECTION_STRING.*tokenEndpoint/);
  });

  it('uses only the branding in a packaged build and says which variables it ignored', () => {
    const env = { DOORWAY_TOKEN_ENDPOINT: ENDPOINT, ACS_CONNECTION_STRING: CONNECTION };
    expect(chooseTokenSource({ env, isPackaged: true, buildEndpoint: 'https://t.example/api/token' })).toMatchObject({
      use: 'buildEndpoint',
      ignored: [{ name: 'DOORWAY_TOKEN_ENDPOINT' }, { name: 'ACS_CONNECTION_STRING' }],
    });
    expect(chooseTokenSource({ env, isPackaged: true, buildEndpoint: '' }).use).toBe('none');
  });

  it('never puts a value in the explanation (a connection string is a secret)', () => {
    const choice = chooseTokenSource({ env: { DOORWAY_TOKEN_ENDPOINT: ENDPOINT, ACS_CONNECTION_STRING: CONNECTION }, isPackaged: false, buildEndpoint: '' });
    expect(JSON.stringify(choice)).not.toMatch(/c2VjcmV0|localhost/);
  });

  it('explains each choice in full, as the log shows it', () => {
    const build = 'https://t.example/api/token';
    expect(chooseTokenSource({ env: {}, isPackaged: true, buildEndpoint: build })).toEqual({
      use: 'buildEndpoint',
      why: "packaged build: the build's tokenEndpoint (build/branding.json)",
      ignored: [],
    });
    expect(chooseTokenSource({ env: { ACS_CONNECTION_STRING: CONNECTION }, isPackaged: true, buildEndpoint: '' })).toEqual({
      use: 'none',
      why: 'packaged build without a tokenEndpoint in its branding',
      ignored: [{ name: 'ACS_CONNECTION_STRING', reason: 'a packaged build uses its branding only' }],
    });
    expect(chooseTokenSource({ env: { DOORWAY_TOKEN_ENDPOINT: ENDPOINT }, isPackaged: false, buildEndpoint: build })).toEqual({
      use: 'envEndpoint',
      why: "DOORWAY_TOKEN_ENDPOINT is set (development run; it overrides the build's tokenEndpoint (build/branding.json))",
      ignored: [],
    });
    expect(chooseTokenSource({ env: { DOORWAY_TOKEN_ENDPOINT: ENDPOINT }, isPackaged: false, buildEndpoint: '' }).why).toBe(
      'DOORWAY_TOKEN_ENDPOINT is set (development run; it overrides nothing)',
    );
    expect(chooseTokenSource({ env: {}, isPackaged: false, buildEndpoint: build })).toEqual({
      use: 'buildEndpoint',
      why: "neither DOORWAY_TOKEN_ENDPOINT nor ACS_CONNECTION_STRING is set: the build's tokenEndpoint (build/branding.json)",
      ignored: [],
    });
  });

  it('takes variables and a build endpoint of spaces only as unset', () => {
    const blank = { DOORWAY_TOKEN_ENDPOINT: '  ', ACS_CONNECTION_STRING: ' \t' };
    expect(chooseTokenSource({ env: blank, isPackaged: false, buildEndpoint: '   ' })).toMatchObject({ use: 'none', ignored: [] });
    expect(chooseTokenSource({ env: blank, isPackaged: true, buildEndpoint: '   ' })).toEqual({
      use: 'none',
      why: 'packaged build without a tokenEndpoint in its branding',
      ignored: [],
    });
  });
});
