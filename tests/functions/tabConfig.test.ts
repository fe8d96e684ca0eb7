// The tab's settings: its Entra app's client id, and where its tokens' keys are read.
import { ConfigError, isAnonymousLocal, loadConfig, localToolingEnv } from '../../functions/config';

const CLIENT_ID = '6a1f0e3c-2b4d-4c5e-9f60-7a8b9c0d1e2f';
const BOT = { BOT_ID: 'id', BOT_PASSWORD: 'p', BOT_TENANT_ID: 't' };

describe('loadConfig: the tab', () => {
  it('defaults to Entra ID and no client id (the API then answers 503)', () => {
    expect(loadConfig(localToolingEnv({})).tab).toEqual({ loginHost: 'https://login.microsoftonline.com' });
  });

  it('reads TAB_CLIENT_ID as a GUID and refuses anything else, naming it', () => {
    expect(loadConfig({ ...BOT, TAB_CLIENT_ID: ` ${CLIENT_ID} ` }).tab.clientId).toBe(CLIENT_ID);
    expect(() => loadConfig({ ...BOT, TAB_CLIENT_ID: 'api://moments' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...BOT, TAB_CLIENT_ID: 'api://moments' })).toThrow(/TAB_CLIENT_ID: must be/);
  });

  it.each(['http://127.0.0.1:4010', 'https://localhost:8443/', 'http://[::1]:4010'])(
    'accepts a loopback ENTRA_LOGIN_HOST for tests and local runs: %s',
    (host) => {
      expect(loadConfig(localToolingEnv({ ENTRA_LOGIN_HOST: host })).tab.loginHost).toBe(
        host.replace(/\/$/, ''),
      );
    },
  );

  it.each([
    'https://login.evil.example',
    'http://login.microsoftonline.com',
    'http://10.0.0.5:4010',
    'ftp://127.0.0.1',
    'http://127.0.0.1:4010/some/path',
    'http://127.0.0.1.evil.example',
    'not a url',
  ])('refuses ENTRA_LOGIN_HOST=%s at start, naming the setting', (host) => {
    expect(() => loadConfig({ ...BOT, ENTRA_LOGIN_HOST: host })).toThrow(
      /ENTRA_LOGIN_HOST: must be https:\/\/login\.microsoftonline\.com/,
    );
  });

  it('accepts the default spelled out', () => {
    expect(loadConfig({ ...BOT, ENTRA_LOGIN_HOST: 'https://login.microsoftonline.com/' }).tab.loginHost).toBe(
      'https://login.microsoftonline.com',
    );
  });
});

describe('isAnonymousLocal (the bot without an app id, and the tab\u2019s preview)', () => {
  it('holds only for the local tooling without BOT_ID', () => {
    expect(isAnonymousLocal(loadConfig(localToolingEnv({})))).toBe(true);
    expect(isAnonymousLocal(loadConfig(localToolingEnv(BOT)))).toBe(false);
    expect(isAnonymousLocal(loadConfig(BOT))).toBe(false);
  });
});
