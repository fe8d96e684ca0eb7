import {
  type ConversationBook,
  deliverOnce,
  deliveryId,
  type DeliveryLedger,
  type DeliveryOutcome,
  type Messenger,
  type OutboundMessage,
  type Reach,
  reachOf,
  type Unreachable,
} from '../delivery';
import { type Language, type Logger, SOURCE_LANGUAGE } from '../shared';
import { languageOf, type PeopleDirectory, type Person } from '../people';
import type { SettingsStore } from '../settings';
import type { PersonRef, Recognition } from './recognitions';

/** Whom a message is written for: the language it is in and the zone its times are told in. */
export interface Reader {
  language: Language;
  timeZone: string;
}

/**
 * How a recognition's follow-on messages look: built at the edge, as Teams cards and wording, each
 * for its `reader`.
 */
export interface RecognitionMessages {
  /** The post in the team's recognition channel, read by many: in the tenant's default language. */
  channelPost(recognition: Recognition, reader: Reader): OutboundMessage;
  /** The personal message to one recipient, in their language. */
  recipientNotice(recognition: Recognition, recipient: PersonRef, reader: Reader): OutboundMessage;
  /** The manager copy: a personal notice to a manager that `reports` (theirs) received it, in theirs. */
  managerNotice(recognition: Recognition, reports: PersonRef[], reader: Reader): OutboundMessage;
}

/** What a recognition's fan-out reached beyond the conversation it was given in. */
export interface FanOutReport {
  /** The recognition channel it is posted in, if any (by this run or an earlier one). */
  channelId?: string;
  /**
   * The recognition channel it was meant for and is not in: the post failed, or Moments has not
   * seen that channel yet. The giver is told, so no reply claims a post that did not happen.
   */
  channelMissed?: string;
  /** Recipients this run sent a personal message to. */
  notified: number;
  /** Recipients' managers this run sent the manager copy to. */
  managersNotified: number;
  /** Recipients Moments has no personal chat with and could not open one with, and why. */
  unreachable?: Array<{ recipientId: string; reason: Unreachable }>;
  /** Some send failed for now or is held by another run: a later run must try again. */
  retry: boolean;
}

/** Outcomes that leave a send for a later run. */
const LEFT_TO_RETRY: ReadonlySet<DeliveryOutcome> = new Set(['failed', 'busy', 'deferred']);

/** What the fan-out reads, claims and sends through. */
export interface FanOutDeps {
  conversations: ConversationBook;
  /** Where the recipients' managers are found, for the manager copy. */
  people: Pick<PeopleDirectory, 'findMany'>;
  /** Opens a personal chat with a recipient who has none from a roster membership; default: stored chats only. */
  reach?: Reach;
  settings: SettingsStore;
  deliveries: DeliveryLedger;
  messenger: Messenger;
  messages: RecognitionMessages;
  logger: Logger;
  /** The process clock for the ledger's leases (never a job's `--at`); default the fan-out's `now`. */
  clock?: () => Date;
}

/**
 * The recognition channel of the team kudos were given in, when there is one to post to: not
 * when they were given outside a team, nor in that very channel (they are already there).
 */
export async function recognitionChannelFor(
  settings: SettingsStore,
  tenantId: string,
  place: { teamId?: string; channelId?: string },
): Promise<string | undefined> {
  if (!place.teamId) return undefined;
  const team = await settings.team(tenantId, place.teamId);
  const channelId = team?.recognitionChannelId;
  return channelId && channelId !== place.channelId ? channelId : undefined;
}

/**
 * The managers who get the manager copy of `recognition`, each with the recipients who report to
 * them (one notice per manager, however many of their reports one kudos names). Left out: the
 * giver (they know: they gave it), and a manager who is a recipient too (their own notice already
 * tells them). Recipients without a manager in the directory have nobody to tell.
 * @param recipients the recipients' directory records, as the directory holds them.
 */
export function managersToTell(
  recognition: Recognition,
  recipients: readonly Person[],
): Map<string, PersonRef[]> {
  const { tenantId } = recognition;
  const refs = new Map(recognition.recipients.map((r) => [r.id, r]));
  const managers = new Map<string, PersonRef[]>();
  for (const recipient of recipients) {
    const { managerId } = recipient;
    const ref = refs.get(recipient.id);
    if (!managerId || !ref || recipient.tenantId !== tenantId) continue;
    if (managerId === recognition.giver.id || refs.has(managerId)) continue;
    managers.set(managerId, [...(managers.get(managerId) ?? []), ref]);
  }
  // In the order the giver named them, whatever order the directory answered in.
  const order = recognition.recipientIds;
  for (const reports of managers.values()) reports.sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
  return managers;
}

/**
 * Sends a new recognition's follow-on messages: the post in the team's recognition channel (when
 * the giver asked for it and the team has one Moments can reach), a short personal message to
 * each recipient Moments has a chat with or can open one with (the others are reported, with the
 * reason, and logged) and, when the tenant's `managerCopy` is on (the default), one to each of
 * their managers ({@link managersToTell}) who has a chat with Moments. Each send is first claimed
 * in the delivery ledger under the recognition's id (`kudos:<id>:channel`,
 * `kudos:<id>:notice:<recipient>`, `kudos:<id>:manager:<manager>`), so a retried submit, or a
 * second run, sends nothing twice. The channel post is written in the tenant's default language;
 * each notice in its reader's ({@link languageOf}: their choice, their Teams locale, else the
 * tenant's).
 */
export async function fanOutRecognition(
  deps: FanOutDeps,
  recognition: Recognition,
  now: Date,
): Promise<FanOutReport> {
  const report: FanOutReport = { notified: 0, managersNotified: 0, retry: false };
  const { tenantId } = recognition;
  // One read each of the tenant's settings and of the recipients' records: each notice is written
  // in its reader's language, the channel post in the tenant's.
  const [tenant, recipients] = await Promise.all([
    deps.settings.tenant(tenantId),
    deps.people.findMany(tenantId, recognition.recipientIds),
  ]);
  const everyone: Reader = {
    language: tenant?.defaultLanguage ?? SOURCE_LANGUAGE,
    timeZone: tenant?.defaultTimeZone ?? 'UTC',
  };
  const readerOf = (person: Person | undefined): Reader => ({
    language: languageOf(person, everyone.language),
    timeZone: person?.timeZone ?? everyone.timeZone,
  });
  const recipientById = new Map(recipients.map((person) => [person.id, person]));
  // Recorded with the recognition it is about; its Celebrate is open to everyone who sees it.
  const subject = { type: 'celebration', recognitionId: recognition.id } as const;
  const once = async (id: string, send: () => ReturnType<Messenger['send']>) => {
    const outcome = await deliverOnce(
      deps.deliveries,
      deps.logger,
      { tenantId, id, kind: 'notice', now, subject, ...(deps.clock ? { clock: deps.clock } : {}) },
      send,
    );
    if (LEFT_TO_RETRY.has(outcome)) report.retry = true;
    return outcome;
  };

  const channelId = recognition.postToChannel
    ? await recognitionChannelFor(deps.settings, tenantId, recognition.place)
    : undefined;
  if (channelId) {
    const channel = await deps.conversations.channel(tenantId, channelId);
    if (channel) {
      const outcome = await once(deliveryId('kudos', recognition.id, 'channel'), () =>
        deps.messenger.send(channel, deps.messages.channelPost(recognition, everyone)),
      );
      if (outcome === 'sent' || outcome === 'already-done') report.channelId = channelId;
      else if (outcome === 'failed' || outcome === 'gave-up') report.channelMissed = channelId;
    } else {
      report.channelMissed = channelId;
      deps.logger.warn('recognition channel not reachable yet: Moments has not seen it', {
        tenantId,
        channelId,
      });
    }
  }

  const reach = reachOf(deps);
  const plans = await reach.plan(
    tenantId,
    recognition.recipients.map((r) => r.id),
  );
  await Promise.all(
    recognition.recipients.map(async (recipient) => {
      const plan = plans.get(recipient.id);
      const reached = plan ? await reach.reach(plan, now) : undefined;
      if (!reached || !('chat' in reached)) {
        const reason = reached && 'unreachable' in reached ? reached.unreachable : 'no-chat';
        (report.unreachable ??= []).push({ recipientId: recipient.id, reason });
        return;
      }
      const { chat } = reached;
      const outcome = await once(deliveryId('kudos', recognition.id, 'notice', recipient.id), () =>
        deps.messenger.send(
          chat,
          deps.messages.recipientNotice(recognition, recipient, readerOf(recipientById.get(recipient.id))),
        ),
      );
      if (outcome === 'sent') report.notified++;
    }),
  );
  if (report.unreachable) {
    deps.logger.info('kudos notices not sent: no personal chat with some recipients', {
      tenantId,
      reasons: report.unreachable.map((u) => u.reason),
    });
  }

  // Absent settings are the defaults, in which the manager copy is on.
  const managerCopy = tenant?.managerCopy ?? true;
  if (!managerCopy) return report;
  const managers = managersToTell(recognition, recipients);
  if (managers.size === 0) return report;
  // The managers' records, for their languages: one read for all of them.
  const managerById = new Map(
    (await deps.people.findMany(tenantId, [...managers.keys()])).map((person) => [person.id, person]),
  );
  await Promise.all(
    [...managers].map(async ([managerId, reports]) => {
      const chat = await deps.conversations.personalChat(tenantId, managerId);
      if (!chat) return;
      const outcome = await once(deliveryId('kudos', recognition.id, 'manager', managerId), () =>
        deps.messenger.send(
          chat,
          deps.messages.managerNotice(recognition, reports, readerOf(managerById.get(managerId))),
        ),
      );
      if (outcome === 'sent') report.managersNotified++;
    }),
  );
  return report;
}
