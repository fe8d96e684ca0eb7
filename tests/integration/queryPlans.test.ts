import { createRequire } from 'node:module';
import { startTestCosmos, type TestCosmos } from '../support/cosmos';

interface Items {
  prototype: { query: (...args: unknown[]) => unknown };
}

// The local server's container store, whose query() evaluates a query over every document.
const serverRequire = createRequire(require.resolve('@vercel/cosmosdb-server'));
const items = (serverRequire('./account/items') as { default: Items }).default;

let cosmos: TestCosmos;
let evaluations = 0;
const query = items.prototype.query;
beforeAll(async () => {
  cosmos = await startTestCosmos();
  items.prototype.query = function (this: unknown, ...args: unknown[]) {
    evaluations++;
    return query.apply(this, args);
  };
});
afterAll(async () => {
  items.prototype.query = query;
  await cosmos.close();
});

describe('the local Cosmos DB server and query plans', () => {
  it('evaluates each query once, not again for the query-plan request of the SDK', async () => {
    const container = cosmos.database.container('recognitions');
    for (let i = 0; i < 30; i++) {
      await container.items.create({ tenantId: 't', id: `k${i}`, createdAt: `2027-03-${10 + (i % 9)}` });
    }
    const parameters = [{ name: '@t', value: 't' }];

    evaluations = 0;
    const ordered = await container.items
      .query<{ id: string; createdAt: string }>({
        query: 'SELECT c.id, c.createdAt FROM c WHERE c.tenantId = @t ORDER BY c.createdAt DESC',
        parameters,
      })
      .fetchAll();
    expect(ordered.resources).toHaveLength(30);
    expect(ordered.resources[0]?.createdAt).toBe('2027-03-18');
    expect(evaluations).toBe(1);

    evaluations = 0;
    const pages = container.items.query(
      { query: 'SELECT * FROM c WHERE c.tenantId = @t', parameters },
      { maxItemCount: 12 },
    );
    let read = 0;
    while (pages.hasMoreResults()) read += (await pages.fetchNext()).resources.length;
    expect(read).toBe(30);
    expect(evaluations).toBe(3);

    const count = await container.items
      .query<number>({ query: 'SELECT VALUE COUNT(1) FROM c WHERE c.tenantId = @t', parameters })
      .fetchAll();
    expect(count.resources).toEqual([30]);
  });
});
