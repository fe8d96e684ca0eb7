import type { ErasureRegister, PeopleDirectory, Person } from '../people';
import type { ConversationBook, MembershipStore } from '../delivery';
import type { Logger } from '../shared';
import type { PersonRef, Recognition, RecognitionStore } from '../kudos';
import { isAdmin, type NamedAdmins, type SettingsStore } from '../settings';

/** The name kudos show for someone who asked Moments to erase their data. */
export const FORMER_COLLEAGUE = 'A former colleague';

/**
 * What a data request needs of private notes: how many notes other people keep about someone,
 * never their text. The notes store (core/notes.ts `NoteStore`) has this shape; until it is wired
 * into the bot, {@link NO_NOTES} stands in and the count is 0.
 */
export interface NoteCounter {
  countAbout(tenantId: string, subjectId: string): Promise<number>;
}

/**
 * What erasing a person needs of private notes (again the shape of `NoteStore`). Optional: without
 * it `forgetPerson` erases no notes and says so in its report (`notes: undefined`).
 */
export interface NoteEraser {
  /** Every note anyone keeps about the person; returns how many. */
  removeAbout(tenantId: string, subjectId: string): Promise<number>;
  /** Every note the person wrote; returns how many. */
  removeByAuthor(tenantId: string, authorId: string): Promise<number>;
}

/** The stand-in until notes are wired: nobody keeps notes about anyone. */
export const NO_NOTES: NoteCounter = { countAbout: async () => 0 };

/** What the privacy use cases read and change. */
export interface PrivacyDeps {
  people: PeopleDirectory;
  recognitions: RecognitionStore;
  conversations: Pick<ConversationBook, 'personalChat' | 'forgetPersonalChat'>;
  /** How a roster showed the person can be reached: their Teams id goes with the rest. */
  memberships?: Pick<MembershipStore, 'remove'>;
  settings: Pick<SettingsStore, 'tenant'>;
  /** Remembers who was forgotten, so imports, syncs and rosters do not add them back. */
  erasures: Pick<ErasureRegister, 'record' | 'erasedAmong'>;
  /** Defaults to {@link NO_NOTES}; pass the notes store to count and erase notes. */
  notes?: NoteCounter & Partial<NoteEraser>;
  /** The people `MOMENTS_ADMINS` names, admins besides the tenant's own list. Default: none. */
  namedAdmins?: NamedAdmins;
  logger: Logger;
}

/** Everything Moments holds about one person, as `my data` shows it. */
export interface MyData {
  tenantId: string;
  personId: string;
  /** Their directory record, if Moments has one. */
  person?: Person;
  /** Their manager per the directory; `name` is absent when the manager is not in it. */
  manager?: { id: string; name?: string };
  /** How many people have them as manager. */
  reportCount: number;
  /** True when they are one of the tenant's Moments admins (a tenant setting, not their record). */
  isAdmin: boolean;
  kudosGiven: { count: number; latest: Recognition[] };
  kudosReceived: { count: number; latest: Recognition[] };
  /** How many kudos they celebrated. */
  celebrated: number;
  /** Conversation references kept for them: their personal chat with Moments (0 or 1). */
  conversations: number;
  /** Private notes other people keep about them; the text is their authors' alone. */
  notesAboutThem: number;
  /** They asked to be forgotten: Moments keeps a one-way hash of their id (core/erasures.ts). */
  forgotten: boolean;
}

/** How many of each kind of kudos `exportMyData` lists by default. */
export const LATEST_KUDOS = 3;

/**
 * Everything Moments holds about `personId` in the tenant: their directory record, the kudos they
 * gave, received and celebrated, their conversation reference, and how many notes others keep
 * about them. Reads only; every read names the tenant.
 */
export async function exportMyData(
  deps: PrivacyDeps,
  tenantId: string,
  personId: string,
  options: { latest?: number } = {},
): Promise<MyData> {
  const latest = options.latest ?? LATEST_KUDOS;
  const [person, kudos, reports, chat, notesAboutThem, settings, erased] = await Promise.all([
    deps.people.get(tenantId, personId),
    deps.recognitions.involving(tenantId, personId),
    deps.people.reportsOf(tenantId, personId),
    deps.conversations.personalChat(tenantId, personId),
    (deps.notes ?? NO_NOTES).countAbout(tenantId, personId),
    deps.settings.tenant(tenantId),
    deps.erasures.erasedAmong(tenantId, [personId]),
  ]);
  const manager = person?.managerId ? await deps.people.get(tenantId, person.managerId) : undefined;
  const given = kudos.filter((r) => r.giver.id === personId);
  const received = kudos.filter((r) => r.recipientIds.includes(personId));
  return {
    tenantId,
    personId,
    ...(person ? { person } : {}),
    ...(person?.managerId
      ? { manager: { id: person.managerId, ...(manager ? { name: manager.displayName } : {}) } }
      : {}),
    reportCount: reports.length,
    isAdmin: isAdmin(
      settings,
      { id: personId, ...(person?.email ? { email: person.email } : {}) },
      deps.namedAdmins,
    ),
    kudosGiven: { count: given.length, latest: given.slice(0, latest) },
    kudosReceived: { count: received.length, latest: received.slice(0, latest) },
    celebrated: kudos.filter((r) => r.celebrations.some((c) => c.id === personId)).length,
    conversations: chat ? 1 : 0,
    notesAboutThem,
    forgotten: erased.has(personId),
  };
}

/** What `forgetPerson` erased or rewrote; all zero / false when there was nothing (left) to do. */
export interface ErasureReport {
  /** Their directory record (manager link, dates, preferences) was deleted. */
  personRecord: boolean;
  /** Their personal-chat conversation reference was deleted. */
  personalChat: boolean;
  /** Kudos they gave, kept with the giver shown as {@link FORMER_COLLEAGUE}. */
  kudosGiven: number;
  /** Kudos they received, kept with them shown as {@link FORMER_COLLEAGUE}. */
  kudosReceived: number;
  /** Their celebrations removed from kudos. */
  celebrations: number;
  /** People who had them as manager: their records stay, without the manager link. */
  reportsUnlinked: number;
  /** Their manager's "don't remind me about this person" entry for them, removed. */
  mutesCleared: number;
  /** Notes erased, when a {@link NoteEraser} was given; undefined otherwise. */
  notes?: { written: number; aboutThem: number };
}

/** True when the report shows nothing was erased: the person had no data (left) in Moments. */
export function nothingErased(report: ErasureReport): boolean {
  return (
    !report.personRecord &&
    !report.personalChat &&
    report.kudosGiven + report.kudosReceived + report.celebrations === 0 &&
    report.reportsUnlinked + report.mutesCleared === 0 &&
    (report.notes?.written ?? 0) + (report.notes?.aboutThem ?? 0) === 0
  );
}

/** A fresh tombstone id for one erasure: random, so it cannot be recomputed from the AAD id. */
export function newErasedId(): string {
  return `erased:${globalThis.crypto.randomUUID().replace(/-/g, '').slice(0, 16)}`;
}

/**
 * The recognition with `personId` taken out: as giver or recipient they become `erased` (same
 * tombstone in `recipients` and `recipientIds`, so the two stay consistent), their celebrations
 * are removed, and a quote of their message loses their name. The kudos themselves, their value,
 * message and the other people on them stay.
 */
export function withoutPerson(
  recognition: Recognition,
  personId: string,
  erased: PersonRef,
  knownNames: readonly string[] = [],
): Recognition {
  const names = new Set(knownNames);
  const swap = (ref: PersonRef): PersonRef => {
    if (ref.id !== personId) return ref;
    names.add(ref.name);
    return { ...erased };
  };
  const giver = swap(recognition.giver);
  const recipients = recognition.recipients.map(swap);
  const quote =
    recognition.quote && names.has(recognition.quote.author)
      ? { ...recognition.quote, author: erased.name }
      : recognition.quote;
  return {
    ...recognition,
    giver,
    recipients,
    recipientIds: recognition.recipientIds.map((id) => (id === personId ? erased.id : id)),
    celebrations: recognition.celebrations.filter((c) => c.id !== personId),
    ...(quote ? { quote } : {}),
  };
}

/**
 * Erases what Moments holds about `personId` in one tenant:
 *
 * - their directory record (the whole Person: manager link, birthday, hire date, time zone,
 *   celebration and digest preferences, teams, mutes);
 * - their personal-chat conversation reference;
 * - their celebrations on kudos;
 * - on kudos they gave or received, their name and id: the kudos stay (they are the other
 *   people's too), showing {@link FORMER_COLLEAGUE} under one random tombstone id per erasure;
 * - the manager link on the records of people who had them as manager (those records stay);
 * - their manager's mute of reminders about them;
 * - private notes they wrote and notes about them, when a {@link NoteEraser} is given.
 *
 * Idempotent: a second run finds nothing left and reports zeros. The directory record goes last,
 * so a run interrupted part-way is completed by running it again.
 */
export async function forgetPerson(
  deps: PrivacyDeps,
  tenantId: string,
  personId: string,
  options: { erasedId?: string; now?: Date } = {},
): Promise<ErasureReport> {
  const erased: PersonRef = { id: options.erasedId ?? newErasedId(), name: FORMER_COLLEAGUE };
  const person = await deps.people.get(tenantId, personId);
  const report: ErasureReport = {
    personRecord: false,
    personalChat: false,
    kudosGiven: 0,
    kudosReceived: 0,
    celebrations: 0,
    reportsUnlinked: 0,
    mutesCleared: 0,
  };

  for (const found of await deps.recognitions.involving(tenantId, personId)) {
    let counted = false;
    await deps.recognitions.update(tenantId, found.id, (current) => {
      // Counted from the first copy the store hands over: a retry after a concurrent write
      // applies the same change to a fresher copy and must not count twice.
      if (!counted) {
        counted = true;
        if (current.giver.id === personId) report.kudosGiven++;
        if (current.recipientIds.includes(personId)) report.kudosReceived++;
        report.celebrations += current.celebrations.filter((c) => c.id === personId).length;
      }
      return withoutPerson(current, personId, erased, person ? [person.displayName] : []);
    });
  }

  // Only the link goes: the reports and the manager keep whatever they changed meanwhile.
  for (const reportee of await deps.people.reportsOf(tenantId, personId)) {
    if (await deps.people.unlinkManager(tenantId, reportee.id, personId)) report.reportsUnlinked++;
  }

  if (person?.managerId && (await deps.people.clearMute(tenantId, person.managerId, personId))) {
    report.mutesCleared++;
  }

  if (deps.notes?.removeAbout && deps.notes.removeByAuthor) {
    report.notes = {
      written: await deps.notes.removeByAuthor(tenantId, personId),
      aboutThem: await deps.notes.removeAbout(tenantId, personId),
    };
  }

  report.personalChat = await deps.conversations.forgetPersonalChat(tenantId, personId);
  await deps.memberships?.remove(tenantId, personId);

  // Before the record goes: a run interrupted in between is finished by the next, and meanwhile
  // nothing brings the person back.
  await deps.erasures.record(tenantId, personId, options.now ?? new Date());
  if (person) {
    await deps.people.remove(tenantId, personId);
    report.personRecord = true;
  }

  // Counts only: the log must not keep who asked to be forgotten.
  deps.logger.info('person erased', { tenantId, ...report });
  return report;
}
