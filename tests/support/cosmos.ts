import { randomUUID } from 'node:crypto';
import type { CosmosClient, Database } from '@azure/cosmos';
import { startLocalCosmos, type LocalCosmosServer } from '../../functions/dev/local/cosmosServer';
import { createCosmosClient } from '../../functions/cosmos/client';
import { ensureSchema } from '../../functions/cosmos/schema';

/** The local Cosmos DB server with the Moments schema, reached through the real SDK over HTTPS. */
export interface TestCosmos {
  server: LocalCosmosServer;
  client: CosmosClient;
  database: Database;
  close(): Promise<void>;
}

/** Starts a local Cosmos DB server and creates a fresh Moments database on it. */
export async function startTestCosmos(): Promise<TestCosmos> {
  const server = await startLocalCosmos();
  const databaseId = `moments-test-${randomUUID().slice(0, 8)}`;
  const client = createCosmosClient({ kind: 'local', endpoint: server.endpoint, database: databaseId });
  const database = await ensureSchema(client, databaseId);
  return {
    server,
    client,
    database,
    close: async () => {
      client.dispose();
      await server.close();
    },
  };
}
