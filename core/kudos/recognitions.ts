import type { ConversationKind } from '../delivery';

/** Someone named on a recognition. Names are copied so old kudos read right after renames. */
export interface PersonRef {
  id: string;
  name: string;
}

/** Where kudos were given. */
export interface RecognitionPlace {
  kind: ConversationKind;
  conversationId: string;
  teamId?: string;
  channelId?: string;
}

/** One person's celebration (+1) of a recognition. */
export interface Celebration extends PersonRef {
  at: string;
}

/** Kudos: who thanked whom, for which value, and what they said. */
export interface Recognition {
  tenantId: string;
  /** Derived from the submission, so a retried or double-clicked submit finds the same id. */
  id: string;
  giver: PersonRef;
  recipients: PersonRef[];
  recipientIds: string[];
  value: { id: string; name: string };
  message: string;
  /** When the giver quoted a message ("Send kudos for this"). */
  quote?: { author: string; text: string };
  place: RecognitionPlace;
  /** Also post in the team's recognition channel. */
  postToChannel: boolean;
  /**
   * The giver left "Let their manager see this" on (the kudos form's default): the text may reach
   * the recipients' managers (manager copy, digest, reminder, brief). Absent on kudos given before
   * the option existed, which keep the old rule.
   */
  managerMaySee?: boolean;
  createdAt: string;
  /** The local date of the giver at `createdAt`, for the daily giving limit. */
  givenOn: string;
  celebrations: Celebration[];
  /**
   * Its follow-on messages (notices, channel post, manager copies) have not all gone out yet: set
   * when it is stored, cleared once the fan-out left nothing to retry. What the hourly job looks
   * for when the process that stored it died before sending them.
   */
  fanOutPending?: boolean;
}

/**
 * Whether a kudos' text may reach people outside the conversation it was given in (a manager's
 * copy, a digest, a brief): only when it was given in a team channel, its giver chose to post it in
 * the team's recognition channel, or its giver let the recipients' managers see it. Otherwise
 * words said in a chat stay with the people of that chat.
 */
export function textTravels(
  recognition: Pick<Recognition, 'place' | 'postToChannel' | 'managerMaySee'>,
): boolean {
  return (
    recognition.place.kind === 'channel' || recognition.postToChannel || recognition.managerMaySee === true
  );
}

/** Result of storing a recognition: a second store of the same id finds the first. */
export type CreateResult = { created: true } | { created: false; existing: Recognition };

/** The recognitions port. */
export interface RecognitionStore {
  create(recognition: Recognition): Promise<CreateResult>;
  get(tenantId: string, id: string): Promise<Recognition | undefined>;
  /**
   * Applies `change` to the stored recognition and writes it back only if nobody wrote in
   * between (optimistic concurrency), retrying with a fresh copy otherwise.
   */
  update(
    tenantId: string,
    id: string,
    change: (current: Recognition) => Recognition,
  ): Promise<Recognition | undefined>;
  /** How many kudos `giverId` gave on local date `givenOn`. */
  countGivenOn(tenantId: string, giverId: string, givenOn: string): Promise<number>;
  /** Kudos still marked {@link Recognition.fanOutPending} that were created before `createdBefore`, oldest first. */
  pendingFanOuts(tenantId: string, createdBefore: Date): Promise<Recognition[]>;
  /** Kudos created in [from, to), newest first. */
  createdBetween(tenantId: string, from: Date, to: Date): Promise<Recognition[]>;
  /**
   * Kudos any of `personIds` received since `since`, newest first, each once. Takes any number of
   * people (everyone a run reminds about): a store may split a long list into several queries.
   */
  forRecipientsSince(tenantId: string, personIds: string[], since: Date): Promise<Recognition[]>;
  /** Kudos any of `giverIds` gave since `since`, newest first (one query within the tenant). */
  givenBySince(tenantId: string, giverIds: string[], since: Date): Promise<Recognition[]>;
  /**
   * Every kudos `personId` gave, received or celebrated, all time, newest first (one query within
   * the tenant): what a data request shows and what erasing a person must rewrite.
   */
  involving(tenantId: string, personId: string): Promise<Recognition[]>;
}
