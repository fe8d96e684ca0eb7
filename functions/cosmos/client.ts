import https from 'node:https';
import { CosmosClient, type Database } from '@azure/cosmos';
import { DefaultAzureCredential } from '@azure/identity';

/** Where and how to reach Cosmos DB. */
export type CosmosTarget =
  /** The in-process development server: self-signed certificate, any key. */
  | { kind: 'local'; endpoint: string; database: string }
  /** A real account: a key where one is given, otherwise keyless through Entra ID. */
  | { kind: 'account'; endpoint: string; key?: string; database: string; managedIdentityClientId?: string };

/**
 * Creates the one Cosmos client of a process. Certificate checks are disabled for the local
 * development server only, through its own agent; a real account is always verified.
 */
export function createCosmosClient(target: CosmosTarget): CosmosClient {
  if (target.kind === 'local') {
    return new CosmosClient({
      endpoint: target.endpoint,
      key: 'bG9jYWwtZGV2ZWxvcG1lbnQ=',
      agent: new https.Agent({ rejectUnauthorized: false, keepAlive: true }),
      connectionPolicy: { enableEndpointDiscovery: false },
    });
  }
  if (target.key) return new CosmosClient({ endpoint: target.endpoint, key: target.key });
  return new CosmosClient({
    endpoint: target.endpoint,
    aadCredentials: new DefaultAzureCredential({ managedIdentityClientId: target.managedIdentityClientId }),
  });
}

/** The Moments database of a client. */
export function databaseOf(client: CosmosClient, target: CosmosTarget): Database {
  return client.database(target.database);
}
