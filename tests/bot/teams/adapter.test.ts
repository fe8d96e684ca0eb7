import type { TurnContext } from 'botbuilder';
import { createTeamsAdapter } from '../../../bot/teams/adapter';
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
    await turn('https://smba.example/emea/', '1');
    await turn('https://smba.example/emea/', '2');
    await turn('https://smba.example/amer/', '3');
    expect(clients).toHaveLength(3);
    expect(clients[0]).toBeDefined();
    expect(clients[1]).toBe(clients[0]);
    expect(clients[2]).not.toBe(clients[0]);
    expect((clients[2] as { baseUri?: string }).baseUri).toBe('https://smba.example/amer/');
  });
});
