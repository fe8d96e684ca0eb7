/**
 * The raw Bot Framework activities the benchmarks POST to /api/messages, shaped as Teams (and the
 * Agents Playground) posts them: personal chats in the demo tenant, replies going to `serviceUrl`.
 */
import { randomUUID } from 'node:crypto';
import { DEMO_IDS, DEMO_TENANT_ID } from '../../functions/dev/local/demoOrg';

/** Someone who sends activities: a Teams channel account with an AAD object id. */
export interface BenchUser {
  /** AAD object id (what Moments keys people by). */
  aadObjectId: string;
  /** Teams channel account id, `29:…`. */
  id: string;
  name: string;
}

const BOT = { id: '28:00000000-0000-4000-8000-0000000000b0', name: 'Moments' };

/** Megan Bowen, the recipient of every benchmark kudos. */
export const MEGAN: BenchUser = { aadObjectId: DEMO_IDS.megan, id: '29:meganb', name: 'Megan Bowen' };

/**
 * `count` distinct senders: the demo people other than Megan (Alex first), then made-up colleagues
 * `Bench Giver N` (ids `00000000-0000-4000-8000-0000000b00NN`), which {@link benchPeople} lists for the
 * directory.
 */
export function benchUsers(count: number): BenchUser[] {
  const demo: BenchUser[] = [
    { aadObjectId: DEMO_IDS.alex, id: '29:alexw', name: 'Alex Wilber' },
    { aadObjectId: DEMO_IDS.adele, id: '29:adelev', name: 'Adele Vance' },
    { aadObjectId: DEMO_IDS.lee, id: '29:leeg', name: 'Lee Gu' },
    { aadObjectId: DEMO_IDS.diego, id: '29:diegos', name: 'Diego Siciliani' },
    { aadObjectId: DEMO_IDS.isaiah, id: '29:isaiahl', name: 'Isaiah Langer' },
  ];
  const users = demo.slice(0, count);
  for (let n = 1; users.length < count; n++) {
    const suffix = String(n).padStart(2, '0');
    users.push({
      aadObjectId: `00000000-0000-4000-8000-0000000b00${suffix}`,
      id: `29:bench-giver-${suffix}`,
      name: `Bench Giver ${suffix}`,
    });
  }
  return users;
}

/** The made-up people among `users`, as directory entries of the demo tenant. */
export function benchPeople(users: readonly BenchUser[]) {
  const demoIds = new Set<string>(Object.values(DEMO_IDS));
  return users
    .filter((u) => !demoIds.has(u.aadObjectId))
    .map((u) => ({
      tenantId: DEMO_TENANT_ID,
      id: u.aadObjectId,
      displayName: u.name,
      timeZone: 'Europe/London',
      celebrate: { birthday: 'public' as const, anniversary: 'public' as const },
    }));
}

function personalChat(serviceUrl: string, user: BenchUser) {
  return {
    id: `bench-${randomUUID()}`,
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl,
    from: { id: user.id, name: user.name, aadObjectId: user.aadObjectId },
    recipient: BOT,
    conversation: {
      id: `a:moments-personal-${user.id.slice(3)}`,
      conversationType: 'personal',
      tenantId: DEMO_TENANT_ID,
    },
    channelData: { tenant: { id: DEMO_TENANT_ID } },
    locale: 'en-US',
  };
}

/** `help` typed in `user`'s personal chat with the bot. */
export function helpMessage(serviceUrl: string, user: BenchUser) {
  return { ...personalChat(serviceUrl, user), type: 'message', text: 'help', textFormat: 'plain' };
}

/**
 * The submit of the `sendKudos` message-extension dialog in `user`'s personal chat: kudos for
 * Megan, with a fresh submission id, so each one creates a recognition.
 */
export function sendKudosSubmit(serviceUrl: string, user: BenchUser, message: string) {
  return {
    ...personalChat(serviceUrl, user),
    type: 'invoke',
    name: 'composeExtension/submitAction',
    value: {
      commandId: 'sendKudos',
      commandContext: 'compose',
      context: { theme: 'default' },
      data: {
        verb: 'sendKudos',
        submissionId: randomUUID(),
        recipients: MEGAN.aadObjectId,
        value: 'customer-first',
        message,
      },
    },
  };
}
