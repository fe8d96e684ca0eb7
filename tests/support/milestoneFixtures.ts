/**
 * Builders of organisations for the milestone job's fault tests and benchmarks: managers with one
 * report each whose birthday reminder is due at one chosen hour, personal chats whose reference
 * points at a fake Bot Connector, large directories with milestones spread over the year, and a
 * few measuring aids (Cosmos request counting, a delaying proxy in front of the fake connector).
 */
import { createServer, request as httpRequest, Agent } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { type ConversationRecord, deliveryId } from '../../core/delivery';
import type { Person } from '../../core/people';
import type { Recognition } from '../../core/kudos';
import { defaultTenantSettings } from '../../core/settings';
import type { Runtime } from '../../functions/composition';
import type { ReceivedActivity } from './fakeConnector';

/**
 * Thursday 11 March 2027, 09:00 UTC: the default send hour, three working days before
 * Tuesday 16 March, so a birthday on 03-16 has its manager's reminder due at this instant
 * (everyone here lives in UTC).
 */
export const REMINDER_HOUR = new Date('2027-03-11T09:00:00Z');
/** The birthday whose reminder is due at {@link REMINDER_HOUR}. */
export const DUE_BIRTHDAY = '03-16';
/** The occurrence date in the delivery ids of those reminders. */
export const DUE_OCCURS_ON = '2027-03-16';

/** Runs `work` over `items` with at most `size` in flight. */
export async function inBatches<T>(
  items: readonly T[],
  size: number,
  work: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      await work(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
}

/** A personal chat with `userId` as the bot would have stored it from Teams. */
export function personalChatRecord(
  tenantId: string,
  userId: string,
  serviceUrl: string,
  conversationId = `a:${userId}`,
): ConversationRecord {
  return {
    tenantId,
    id: `personal:${userId}`,
    kind: 'personal',
    conversationId,
    userId,
    reference: {
      channelId: 'msteams',
      serviceUrl,
      locale: 'en-US',
      bot: { id: '28:moments-bot', name: 'Moments' },
      user: { id: `29:${userId}`, aadObjectId: userId },
      conversation: { id: conversationId, tenantId, conversationType: 'personal' },
    },
    updatedAt: '2027-03-01T09:00:00.000Z',
  };
}

/** A channel conversation record (a team's recognition channel). */
export function channelRecord(
  tenantId: string,
  channelId: string,
  teamId: string,
  serviceUrl: string,
): ConversationRecord {
  return {
    tenantId,
    id: `channel:${channelId}`,
    kind: 'channel',
    conversationId: channelId,
    channelId,
    teamId,
    reference: {
      channelId: 'msteams',
      serviceUrl,
      locale: 'en-US',
      bot: { id: '28:moments-bot', name: 'Moments' },
      conversation: { id: channelId, tenantId, conversationType: 'channel', isGroup: true },
    },
    updatedAt: '2027-03-01T09:00:00.000Z',
  };
}

/** Kudos from Adele Vance for Teamwork to one person, at `createdAt`. */
export function kudosTo(
  tenantId: string,
  id: string,
  recipient: { id: string; name: string },
  createdAt: string,
  message: string,
  fields: Partial<Recognition> = {},
): Recognition {
  return {
    tenantId,
    id,
    giver: { id: 'adele', name: 'Adele Vance' },
    recipients: [recipient],
    recipientIds: [recipient.id],
    value: { id: 'teamwork', name: 'Teamwork' },
    message,
    place: { kind: 'groupChat', conversationId: '19:chat' },
    postToChannel: false,
    createdAt,
    givenOn: createdAt.slice(0, 10),
    celebrations: [],
    ...fields,
  };
}

/** A person in UTC with public celebrations unless told otherwise. */
export function personOf(tenantId: string, id: string, fields: Partial<Person> = {}): Person {
  return {
    tenantId,
    id,
    displayName: id,
    timeZone: 'UTC',
    celebrate: { birthday: 'public', anniversary: 'public' },
    ...fields,
  };
}

/** One manager of a {@link seedReminderOrg} organisation and the reminder due to them. */
export interface DueReminder {
  managerId: string;
  /** The conversation id of the manager's personal chat (what the connector sees in the URL). */
  conversationId: string;
  reportId: string;
  reportName: string;
  /** The ledger id of the reminder. */
  deliveryId: string;
}

/**
 * A tenant with default settings and `managers` managers, each with a personal chat at
 * `serviceUrl` and one report whose birthday reminder is due at {@link REMINDER_HOUR}. Reports'
 * birthdays are for the manager only (no celebration), so the job plans exactly one message per
 * manager: the reminder.
 */
export async function seedReminderOrg(
  runtime: Runtime,
  options: { tenantId: string; managers: number; serviceUrl: string; concurrency?: number },
): Promise<DueReminder[]> {
  const { tenantId, serviceUrl } = options;
  await runtime.stores.settings.saveTenant(defaultTenantSettings(tenantId, 'UTC'));
  const due: DueReminder[] = Array.from({ length: options.managers }, (_, i) => {
    const n = String(i + 1).padStart(4, '0');
    const reportId = `report-${n}`;
    return {
      managerId: `manager-${n}`,
      conversationId: `a:manager-${n}`,
      reportId,
      reportName: `Report ${n}`,
      deliveryId: deliveryId('birthday', DUE_OCCURS_ON, reportId, 'manager'),
    };
  });
  await inBatches(due, options.concurrency ?? 20, async (d) => {
    await runtime.stores.people.save(
      personOf(tenantId, d.managerId, { displayName: `Manager ${d.managerId}` }),
    );
    await runtime.stores.people.save(
      personOf(tenantId, d.reportId, {
        displayName: d.reportName,
        managerId: d.managerId,
        birthday: DUE_BIRTHDAY,
        celebrate: { birthday: 'manager', anniversary: 'manager' },
      }),
    );
    await runtime.stores.conversations.save(
      personalChatRecord(tenantId, d.managerId, serviceUrl, d.conversationId),
    );
  });
  return due;
}

/** The number of activities the connector accepted, per conversation id. */
export function receivedPerConversation(received: readonly ReceivedActivity[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const activity of received) {
    if (activity.kind !== 'send') continue;
    counts.set(activity.conversationId, (counts.get(activity.conversationId) ?? 0) + 1);
  }
  return counts;
}

/** Duplicates (extra copies) and losses (no copy) of one reminder per manager. */
export function tally(
  due: readonly Pick<DueReminder, 'conversationId'>[],
  received: readonly ReceivedActivity[],
): { duplicates: number; lost: number; duplicated: string[]; lostIds: string[] } {
  const counts = receivedPerConversation(received);
  const duplicated = due.filter((d) => (counts.get(d.conversationId) ?? 0) > 1).map((d) => d.conversationId);
  const lostIds = due.filter((d) => !counts.has(d.conversationId)).map((d) => d.conversationId);
  const duplicates = due.reduce((sum, d) => sum + Math.max(0, (counts.get(d.conversationId) ?? 0) - 1), 0);
  return { duplicates, lost: lostIds.length, duplicated, lostIds };
}

/** A deterministic pseudo-random generator (mulberry32), for repeatable directories. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const pad = (n: number) => String(n).padStart(2, '0');

/** Options of {@link buildDirectory}. */
export interface DirectoryOptions {
  tenantId: string;
  size: number;
  /** Reports per manager. Default 10. */
  span?: number;
  /** Teams people belong to (each with a recognition channel). Default 20. */
  teams?: number;
  seed?: number;
  /** The instant around which recent hires are placed (new-hire check-ins). Default {@link REMINDER_HOUR}. */
  around?: Date;
}

/** A directory: people, the managers among them, and teams, for {@link seedDirectory}. */
export interface Directory {
  people: Person[];
  managerIds: string[];
  teamIds: string[];
}

/**
 * `size` people with birthdays spread over the whole year (29 February included), hire dates
 * from 2008 on (3% in the last 120 days, so some new-hire check-ins come up), celebration
 * preferences mixed (60% public, 30% manager only, 10% off), everyone in UTC. Every `span`-th
 * person manages the next `span − 1` and reports to the first person.
 */
export function buildDirectory(options: DirectoryOptions): Directory {
  const random = seededRandom(options.seed ?? 42);
  const span = options.span ?? 10;
  const teamIds = Array.from({ length: options.teams ?? 20 }, (_, i) => `team-${pad(i + 1)}`);
  const around = (options.around ?? REMINDER_HOUR).getTime();
  const people: Person[] = [];
  const managerIds: string[] = [];
  const preference = () => {
    const r = random();
    return r < 0.6 ? 'public' : r < 0.9 ? 'manager' : 'off';
  };
  for (let i = 0; i < options.size; i++) {
    const id = `p-${String(i).padStart(6, '0')}`;
    const lead = Math.floor(i / span) * span;
    const isManager = i === lead;
    if (isManager) managerIds.push(id);
    const managerId = isManager ? (i === 0 ? undefined : 'p-000000') : `p-${String(lead).padStart(6, '0')}`;
    const month = 1 + Math.floor(random() * 12);
    const day = 1 + Math.floor(random() * (DAYS_IN_MONTH[month - 1] ?? 28));
    const recent = random() < 0.03;
    const hire = recent
      ? new Date(around - Math.floor(random() * 120) * 86_400_000)
      : new Date(Date.UTC(2008, 0, 1) + Math.floor(random() * (around - Date.UTC(2008, 0, 1))));
    people.push({
      tenantId: options.tenantId,
      id,
      displayName: `Person ${i}`,
      ...(managerId ? { managerId } : {}),
      timeZone: 'UTC',
      birthday: `${pad(month)}-${pad(day)}`,
      hireDate: hire.toISOString().slice(0, 10),
      celebrate: { birthday: preference(), anniversary: preference() },
      teamIds: [teamIds[i % teamIds.length] as string],
    });
  }
  return { people, managerIds, teamIds };
}

/**
 * Stores a {@link Directory}: tenant settings, every person (through the people store, which
 * derives the indexed fields), a personal chat for every manager and for every tenth person, and
 * a recognition channel for every team. At most `concurrency` writes in flight.
 */
export async function seedDirectory(
  runtime: Runtime,
  directory: Directory,
  options: { tenantId: string; serviceUrl: string; concurrency?: number },
): Promise<void> {
  const { tenantId, serviceUrl } = options;
  const concurrency = options.concurrency ?? 20;
  await runtime.stores.settings.saveTenant(defaultTenantSettings(tenantId, 'UTC'));
  for (const teamId of directory.teamIds) {
    const channelId = `19:${teamId}-kudos@thread.tacv2`;
    await runtime.stores.settings.saveTeam({ tenantId, teamId, recognitionChannelId: channelId });
    await runtime.stores.conversations.save(channelRecord(tenantId, channelId, teamId, serviceUrl));
  }
  await inBatches(directory.people, concurrency, (person) => runtime.stores.people.save(person));
  const chats = new Set([
    ...directory.managerIds,
    ...directory.people.filter((_, i) => i % 10 === 3).map((p) => p.id),
  ]);
  await inBatches([...chats], concurrency, (id) =>
    runtime.stores.conversations.save(personalChatRecord(tenantId, id, serviceUrl)),
  );
}

export { countCosmosRequests, type RequestCounter } from './cosmosRequests';

/** A proxy in front of the fake connector; see {@link startAcceptDelayProxy}. */
export interface AcceptDelayProxy {
  /** Use as the conversation references' `serviceUrl`. */
  readonly url: string;
  /** Sends the connector accepted (201) through this proxy so far. */
  readonly accepted: number;
  /** Requests forwarded to the connector whose answer has not come back yet. */
  readonly inFlight: number;
  /** From now on, forwards nothing: every further request has its connection destroyed. */
  cutOff(): void;
  /** Forwards again after {@link cutOff}. */
  resume(): void;
  close(): Promise<void>;
}

/**
 * An HTTP proxy on 127.0.0.1 that forwards every request to `target` (the fake connector) at once
 * and, once the connector has accepted it, holds the answer back for `delayMs` before passing it
 * on. So each send is delivered (recorded by the connector) `delayMs` before its sender learns
 * of it, which widens the delivered-but-not-yet-marked window a crash can fall into.
 * `onAccepted(count)` runs synchronously as each acceptance comes back from the connector.
 */
export async function startAcceptDelayProxy(options: {
  target: string;
  delayMs: number;
  onAccepted?: (count: number) => void;
}): Promise<AcceptDelayProxy> {
  const target = new URL(options.target);
  const agent = new Agent({ keepAlive: true });
  const sockets = new Set<Socket>();
  let accepted = 0;
  let inFlight = 0;
  let cut = false;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (cut) {
        req.socket.destroy();
        return;
      }
      inFlight++;
      const upstream = httpRequest(
        {
          host: target.hostname,
          port: target.port,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, host: target.host },
          agent,
        },
        (answer) => {
          const body: Buffer[] = [];
          answer.on('data', (chunk: Buffer) => body.push(chunk));
          answer.on('end', () => {
            inFlight--;
            const ok = answer.statusCode === 201;
            if (ok) {
              accepted++;
              options.onAccepted?.(accepted);
            }
            const reply = () => {
              if (res.destroyed || req.socket.destroyed) return;
              res.writeHead(answer.statusCode ?? 502, answer.headers);
              res.end(Buffer.concat(body));
            };
            if (ok) setTimeout(reply, options.delayMs);
            else reply();
          });
        },
      );
      upstream.on('error', () => {
        inFlight--;
        req.socket.destroy();
      });
      upstream.end(Buffer.concat(chunks));
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get accepted() {
      return accepted;
    },
    get inFlight() {
      return inFlight;
    },
    cutOff: () => {
      cut = true;
    },
    resume: () => {
      cut = false;
    },
    close: () =>
      new Promise<void>((resolve) => {
        cut = true;
        for (const socket of sockets) socket.destroy();
        agent.destroy();
        server.close(() => resolve());
      }),
  };
}
