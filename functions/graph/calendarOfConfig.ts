import type { TokenCredential } from '@azure/identity';
import type { Logger } from '../../core/shared';
import type { Config } from '../config';
import { GraphCalendar } from './graphCalendar';
import { graphCredential } from './graphSdkClient';

/** A token for a local fake of Graph on loopback, which checks none. */
const LOCAL_CREDENTIAL: TokenCredential = {
  getToken: async () => ({ token: 'local-fake-graph', expiresOnTimestamp: Date.now() + 3_600_000 }),
};

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * The calendar reader of the configuration: the app's identity ({@link graphCredential}) at
 * `GRAPH_BASE_URL`; for the local tooling's fake Graph on loopback, a token it does not check.
 */
export function createGraphCalendar(
  config: Pick<Config, 'graph' | 'azureClientId' | 'deployed'> & { local?: boolean },
  logger?: Logger,
): GraphCalendar {
  const local =
    config.local === true && !config.deployed && LOOPBACK.has(new URL(config.graph.baseUrl).hostname);
  return new GraphCalendar({
    credential: local ? LOCAL_CREDENTIAL : graphCredential(config),
    baseUrl: config.graph.baseUrl,
    ...(logger ? { logger } : {}),
  });
}
