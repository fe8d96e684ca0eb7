import type { TurnContext } from 'botbuilder';
import { createTeamsAdapter, isLoopbackUrl } from '../../../bot/teams/adapter';
import { processBotRequest } from '../../../bot/teams/http';

const message = (serviceUrl: string, id: string) => ({
  type: 'message',
  id,
  channelId: 'msteams',
  serviceUrl,
  from: { id: '29:alex', aadObjectId: 'alex' },
  recipient: { id: '28:moments' },
  conversation: { id: `a:chat-${id}`, conversationType: 'personal', tenantId: 't' },
  text: 'help',
});

describe('the Teams adapter', () => {
  it('hands every turn for one service URL the same Bot Connector client, and another URL its own', async () => {
    const adapter = createTeamsAdapter({ type: 'SingleTenant' });
    const clients: unknown[] = [];
    const turn = (serviceUrl: string, id: string) =>
      processBotRequest(
        adapter,
        { method: 'POST', headers: {}, body: message(serviceUrl, id) },
        async (context: TurnContext) => {
          clients.push(context.turnState.get(adapter.ConnectorClientKey));
        },
      );
    await turn('http://127.0.0.1:9/emea/', '1');
    await turn('http://127.0.0.1:9/emea/', '2');
    await turn('http://127.0.0.1:9/amer/', '3');
    expect(clients).toHaveLength(3);
    expect(clients[0]).toBeDefined();
    expect(clients[1]).toBe(clients[0]);
    expect(clients[2]).not.toBe(clients[0]);
    expect((clients[2] as { baseUri?: string }).baseUri).toBe('http://127.0.0.1:9/amer/');
  });

  it('without an app id, talks to loopback services only: a turn or a send to Teams is refused', async () => {
    const adapter = createTeamsAdapter({ type: 'SingleTenant' });
    const handled: string[] = [];
    // botbuilder console.error()s the refused turn; keep it out of the output.
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const answer = await processBotRequest(
      adapter,
      { method: 'POST', headers: {}, body: message('https://smba.trafficmanager.net/emea/', 'far') },
      async (context: TurnContext) => void handled.push(context.activity.id ?? ''),
    );
    jest.restoreAllMocks();
    expect(answer.status).toBe(500);
    expect(answer.body).toMatch(
      /sends only to loopback service URLs, not https:\/\/smba\.trafficmanager\.net\/emea\//,
    );
    expect(handled).toEqual([]);
    const reference = {
      channelId: 'msteams',
      serviceUrl: 'https://smba.trafficmanager.net/emea/',
      conversation: { id: 'a:chat', conversationType: 'personal', isGroup: false, name: '' },
    };
    await expect(
      adapter.continueConversationAsync(
        '',
        reference,
        async (context) => void (await context.sendActivity('hi')),
      ),
    ).rejects.toThrow(/sends only to loopback service URLs/);
    // Loopback in any of its spellings is this machine.
    for (const url of ['http://localhost:3978/', 'http://[::1]:80/', 'http://127.0.0.2/']) {
      expect(isLoopbackUrl(url)).toBe(true);
    }
    for (const url of ['http://127.0.0.1.evil.example/', 'https://smba.trafficmanager.net/', 'not a url']) {
      expect(isLoopbackUrl(url)).toBe(false);
    }
  });
});
