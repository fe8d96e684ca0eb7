import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HARNESS_TENANT, startBotHarness } from '../../support/botHarness';

// Moments added to a group chat of 5,000 people answers the install at once and registers the
// roster after the answer, in batches.

const MEMBERS = 5000;
const PAGE = 100;

/** A Bot Connector that serves a 5,000-member roster only once `release` is called. */
async function startRosterConnector() {
  const events: string[] = [];
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const reply = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    request.resume();
    // A send, or a reply (`…/activities/{replyToId}`).
    if (request.method === 'POST' && /\/activities(\/[^/]+)?$/.test(url.pathname)) {
      events.push('welcome sent');
      reply(200, { id: `activity-${events.length}` });
      return;
    }
    if (request.method === 'GET' && url.pathname.endsWith('/pagedmembers')) {
      const start = Number(url.searchParams.get('continuationToken') ?? 0);
      events.push(`roster page ${start / PAGE + 1} asked`);
      void released.then(() => {
        const members = Array.from({ length: Math.min(PAGE, MEMBERS - start) }, (_, i) => {
          const n = String(start + i).padStart(5, '0');
          return {
            id: `29:member-${n}`,
            name: `Member ${n}`,
            aadObjectId: `00000000-0000-4000-8000-0000000${n}`,
          };
        });
        const next = start + PAGE;
        reply(200, { members, ...(next < MEMBERS ? { continuationToken: String(next) } : {}) });
      });
      return;
    }
    reply(404, { error: { code: 'NotFound', message: `${request.method} ${url.pathname}` } });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    serviceUrl: `http://127.0.0.1:${port}/`,
    events,
    release,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('Moments added to a 5,000-member group chat', () => {
  it('answers the install before the roster is registered, and registers all 5,000 after', async () => {
    const connector = await startRosterConnector();
    try {
      const harness = startBotHarness({ serviceUrl: connector.serviceUrl });
      const response = await harness.bot.handle({
        method: 'POST',
        headers: {},
        body: {
          type: 'conversationUpdate',
          id: 'install-1',
          channelId: 'msteams',
          serviceUrl: connector.serviceUrl,
          from: { id: '29:alexw', name: 'Alex Wilber', aadObjectId: '00000000-0000-4000-8000-0000000000a1' },
          recipient: { id: '28:moments', name: 'Moments' },
          conversation: {
            id: '19:all-hands@thread.v2',
            conversationType: 'groupChat',
            tenantId: HARNESS_TENANT,
          },
          membersAdded: [{ id: '28:moments' }],
          channelData: { tenant: { id: HARNESS_TENANT } },
        },
      });
      connector.events.push('install answered');
      expect(response.status).toBe(200);
      // Answered with the welcome sent, while the roster is not even read: nobody is registered yet.
      expect(connector.events).toContain('welcome sent');
      expect(await harness.stores.people.count(HARNESS_TENANT)).toBe(2);

      connector.release();
      await harness.background.drain();
      expect(connector.events.filter((e) => e.startsWith('roster page'))).toHaveLength(MEMBERS / PAGE);
      expect(connector.events.indexOf('install answered')).toBeLessThan(
        connector.events.indexOf(`roster page ${MEMBERS / PAGE} asked`),
      );
      expect(await harness.stores.people.count(HARNESS_TENANT)).toBe(MEMBERS + 2);
      expect(
        await harness.stores.people.get(HARNESS_TENANT, '00000000-0000-4000-8000-000000004999'),
      ).toMatchObject({
        displayName: 'Member 04999',
      });
    } finally {
      await connector.close();
    }
  });
});
