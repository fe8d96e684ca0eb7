import type { CosmosClient, Database, IndexingPolicy, PartitionKeyDefinition } from '@azure/cosmos';
import definitions from './containers.json';

/** One container as Moments defines it; infra/modules/cosmos.bicep reads the same JSON. */
export interface ContainerDefinition {
  id: string;
  partitionKey: PartitionKeyDefinition;
  indexingPolicy: IndexingPolicy;
  defaultTtl: number | null;
}

/** Container ids, so that repositories never spell them twice. */
export type ContainerId = 'people' | 'recognitions' | 'notes' | 'conversations' | 'deliveries' | 'settings';

/** Every container of the Moments database. */
export const containerDefinitions: readonly ContainerDefinition[] =
  definitions.containers as ContainerDefinition[];

/**
 * Creates the database and every container if they do not exist yet. Safe to run at every start:
 * existing containers are left as they are.
 */
export async function ensureSchema(client: CosmosClient, databaseId: string): Promise<Database> {
  const { database } = await client.databases.createIfNotExists({ id: databaseId });
  for (const definition of containerDefinitions) {
    await database.containers.createIfNotExists({
      id: definition.id,
      partitionKey: definition.partitionKey,
      indexingPolicy: definition.indexingPolicy,
      ...(definition.defaultTtl === null ? {} : { defaultTtl: definition.defaultTtl }),
    });
  }
  return database;
}

/**
 * Checks that the database and every container exist, without creating anything: with Entra ID
 * auth the app holds a data-plane role, and the infrastructure (infra/) creates the containers.
 * The reads run together, and one error names every container that cannot be read.
 */
export async function verifySchema(client: CosmosClient, databaseId: string): Promise<Database> {
  const database = client.database(databaseId);
  const results = await Promise.allSettled(
    containerDefinitions.map((definition) => database.container(definition.id).read()),
  );
  const unreadable = containerDefinitions.flatMap((definition, i) => {
    const result = results[i]!;
    return result.status === 'rejected' ? [`${databaseId}/${definition.id} (${String(result.reason)})`] : [];
  });
  if (unreadable.length > 0) {
    throw new Error(
      `Cosmos DB container${unreadable.length > 1 ? 's' : ''} ${unreadable.join(', ')} cannot be read; ` +
        'deploy infra/main.bicep, which creates them, and grant the app the Data Contributor role.',
    );
  }
  return database;
}
