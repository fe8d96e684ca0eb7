import net from 'node:net';
import path from 'node:path';
import { createCosmosClient } from '../../functions/cosmos/client';
import { ensureSchema } from '../../functions/cosmos/schema';
import { startLocalCosmosProcess } from '../../functions/dev/local/cosmosProcess';

async function waitFor(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function connect(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.destroy();
      resolve();
    });
    socket.once('error', reject);
  });
}

const PROJECT_ROOT = path.resolve(__dirname, '..', '..');

describe('the local Cosmos DB server in a process of its own', () => {
  it('serves the SDK, reports writes to the parent and stops with it', async () => {
    const server = await startLocalCosmosProcess(PROJECT_ROOT);
    const client = createCosmosClient({ kind: 'local', endpoint: server.endpoint, database: 'moments' });
    let writes = 0;
    server.onWrite(() => writes++);
    try {
      const database = await ensureSchema(client, 'moments');
      const people = database.container('people');
      await people.items.upsert({ tenantId: 't', id: 'megan', displayName: 'Megan Bowen' });
      const { resource } = await people.item('megan', ['t', 'megan']).read<{ displayName: string }>();
      expect(resource?.displayName).toBe('Megan Bowen');
      // Writes are reported (the local snapshot's cue); reads and queries are not.
      await waitFor(() => writes > 0);
      const before = writes;
      await people.items.query('SELECT * FROM c WHERE c.tenantId = "t"').fetchAll();
      await people.item('megan', ['t', 'megan']).read();
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(writes).toBe(before);
    } finally {
      client.dispose();
      await server.close();
    }
    await expect(connect(server.port)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  }, 30_000);
});
