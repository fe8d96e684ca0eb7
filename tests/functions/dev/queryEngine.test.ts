import { createRequire } from 'node:module';
import manifest from '../../../package.json';
import {
  checkQueryEngineVersion,
  loadQueryEngineModule,
  PINNED_QUERY_ENGINE_VERSION,
} from '../../../functions/dev/local/queryEngine';

describe('the local query engine the speed-ups patch', () => {
  it('is installed at exactly the pinned version', () => {
    const fromServer = createRequire(require.resolve('@vercel/cosmosdb-server'));
    const engine = createRequire(fromServer.resolve('@zeit/cosmosdb-query'));
    expect((engine('../package.json') as { version: string }).version).toBe(PINNED_QUERY_ENGINE_VERSION);
    expect(typeof loadQueryEngineModule()('./transformer').default).toBe('function');
  });

  it('is pinned by package.json as well, so an install cannot move it', () => {
    expect((manifest as { overrides?: Record<string, string> }).overrides?.['@zeit/cosmosdb-query']).toBe(
      PINNED_QUERY_ENGINE_VERSION,
    );
  });

  it.each(['0.7.3', '0.8.0', '0.7.1'])('refuses version %s, naming what to review', (version) => {
    expect(() => checkQueryEngineVersion(version)).toThrow(
      new RegExp(`cosmosdb-query ${version.replace(/\./g, '\\.')}.*linearQueries\\.ts, fastQueries\\.ts`),
    );
  });
});
