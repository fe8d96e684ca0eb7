import { createServer } from 'node:net';

/**
 * Finds a TCP port that is free on 127.0.0.1 right now.
 *
 * It binds an ephemeral port on the loopback interface, reads the number the OS chose and releases
 * it. Another process could in theory take it before the caller binds it, so callers that must be
 * certain (like {@link startPlayground}) check the port they actually got.
 *
 * @returns the port number.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', (err) => reject(new Error(`freePort: could not bind 127.0.0.1:0: ${err.message}`)));
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (address === null || typeof address === 'string') {
        server.close();
        reject(new Error(`freePort: unexpected server address ${String(address)}`));
        return;
      }
      const { port } = address;
      server.close((err) => (err ? reject(err) : resolve(port)));
    });
  });
}
