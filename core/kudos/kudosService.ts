import { localDateOf, type Logger, readUserText } from '../shared';
import type { PeopleDirectory } from '../people';
import type { Celebration, PersonRef, Recognition, RecognitionPlace, RecognitionStore } from './recognitions';
import type { TenantSettings } from '../settings';
import { claimGivingSlot, type GivingTallyStore } from './givingLimit';

/** At most this many people in one kudos. */
export const MAX_RECIPIENTS = 10;
/** At most this many visible characters in a kudos message. */
export const MAX_MESSAGE_LENGTH = 500;

/** What a giver submitted, from the form, the compose box or a chat command. */
export interface KudosRequest {
  tenantId: string;
  giver: PersonRef;
  recipientIds: string[];
  valueId: string;
  message: string;
  quote?: { author: string; text: string };
  place: RecognitionPlace;
  postToChannel: boolean;
  /**
   * "Let their manager see this": the text may reach the recipients' managers outside the
   * conversation. Default: on, as the form offers it.
   */
  managerMaySee?: boolean;
  /** Identifies the submission: a retried or double-clicked submit repeats it. */
  submissionId: string;
  /**
   * `wishes`: a milestone's wishes (birthday, anniversary, welcome) to one person, given under the
   * built-in {@link CELEBRATION_VALUE} whatever `valueId` says, and not counted towards the daily
   * limit. Default: kudos.
   */
  occasion?: 'kudos' | 'wishes';
}

/**
 * The value wishes are given under: built in, not one of the company's values (never in their
 * list, never retired or renamed by an admin).
 */
export const CELEBRATION_VALUE = { id: 'celebration', name: 'Celebration' } as const;

/** Why kudos were refused, with what the giver needs to hear to put it right. */
export type KudosProblem =
  | { code: 'KUDOS.NO_RECIPIENTS' }
  /** `most` people at once (one for wishes); `chosen` were. */
  | { code: 'KUDOS.TOO_MANY_RECIPIENTS'; occasion: 'kudos' | 'wishes'; most: number; chosen: number }
  | { code: 'KUDOS.SELF' }
  | { code: 'KUDOS.EMPTY_MESSAGE' }
  /** `most` visible characters; the message has `length`. */
  | { code: 'KUDOS.MESSAGE_TOO_LONG'; most: number; length: number }
  /** `retired` names the value when it was one of the company's and is retired since. */
  | { code: 'KUDOS.UNKNOWN_VALUE'; retired?: string }
  /** `missing` of the chosen people are not in the tenant's directory. */
  | { code: 'KUDOS.UNKNOWN_RECIPIENT'; missing: number }
  /** The giver has `given` kudos today, the limit. */
  | { code: 'KUDOS.DAILY_LIMIT'; given: number };

/** The code of a {@link KudosProblem}. */
export type KudosErrorCode = KudosProblem['code'];

/**
 * A refusal: nothing was stored. `field` says which input to show it beside; the edge words it in
 * the giver's language from its code and values.
 */
export type KudosRefusal = KudosProblem & { ok: false; field: 'recipients' | 'value' | 'message' };

/** The outcome of {@link KudosService.give}. */
export type KudosResult = { ok: true; recognition: Recognition; duplicate: boolean } | KudosRefusal;

const refuse = (field: KudosRefusal['field'], problem: KudosProblem): KudosRefusal => ({
  ok: false,
  field,
  ...problem,
});

/** The id of the recognition a submission creates: the same submission always maps to it. */
export function recognitionIdFor(submissionId: string): string {
  return `kudos-${submissionId.replace(/[^A-Za-z0-9_.:-]/g, '_')}`;
}

/** Giving and celebrating kudos. */
export class KudosService {
  constructor(
    private readonly recognitions: RecognitionStore,
    private readonly people: PeopleDirectory,
    private readonly logger: Logger,
    private readonly tallies: GivingTallyStore,
  ) {}

  /**
   * Validates and stores kudos, then marks each recipient recognised. Refusals store nothing.
   * A repeated submission (Teams retry, double click) returns the recognition already stored.
   * The recognition is stored marked `fanOutPending`: its follow-on messages are still to be sent
   * (core/kudos/pendingFanOut.ts).
   */
  async give(request: KudosRequest, settings: TenantSettings, now: Date): Promise<KudosResult> {
    const result = await this.validateAndStore(request, settings, now);
    if (result.ok) return result;
    // A repeated submission can be refused where the first was not (it counts towards today's
    // limit itself; a value may have been retired since): then the first one's answer stands.
    const earlier = await this.recognitions.get(request.tenantId, recognitionIdFor(request.submissionId));
    return earlier ? { ok: true, recognition: earlier, duplicate: true } : result;
  }

  /** Validates and stores; a repeated submission surfaces as the store's conflict. */
  private async validateAndStore(
    request: KudosRequest,
    settings: TenantSettings,
    now: Date,
  ): Promise<KudosResult> {
    const id = recognitionIdFor(request.submissionId);
    const recipientIds = [...new Set(request.recipientIds.map((r) => r.trim()).filter(Boolean))];
    if (recipientIds.length === 0) return refuse('recipients', { code: 'KUDOS.NO_RECIPIENTS' });
    if (recipientIds.length > MAX_RECIPIENTS) {
      return refuse('recipients', {
        code: 'KUDOS.TOO_MANY_RECIPIENTS',
        occasion: 'kudos',
        most: MAX_RECIPIENTS,
        chosen: recipientIds.length,
      });
    }
    if (recipientIds.includes(request.giver.id)) {
      return refuse('recipients', { code: 'KUDOS.SELF' });
    }
    const read = readUserText(request.message, MAX_MESSAGE_LENGTH);
    if (!read.ok && read.problem === 'empty') {
      return refuse('message', { code: 'KUDOS.EMPTY_MESSAGE' });
    }
    if (!read.ok) {
      return refuse('message', {
        code: 'KUDOS.MESSAGE_TOO_LONG',
        most: MAX_MESSAGE_LENGTH,
        length: read.length,
      });
    }
    const message = read.text;
    const wishes = request.occasion === 'wishes';
    if (wishes && recipientIds.length > 1) {
      return refuse('recipients', {
        code: 'KUDOS.TOO_MANY_RECIPIENTS',
        occasion: 'wishes',
        most: 1,
        chosen: recipientIds.length,
      });
    }
    const value = wishes ? CELEBRATION_VALUE : settings.values.find((v) => v.id === request.valueId);
    if (!value || ('retired' in value && value.retired)) {
      return refuse('value', { code: 'KUDOS.UNKNOWN_VALUE', ...(value ? { retired: value.name } : {}) });
    }
    const [found, giver] = await Promise.all([
      this.people.findMany(request.tenantId, recipientIds),
      this.people.get(request.tenantId, request.giver.id),
    ]);
    const byId = new Map(found.map((p) => [p.id, p]));
    const missing = recipientIds.filter((rid) => !byId.has(rid));
    if (missing.length > 0) {
      return refuse('recipients', { code: 'KUDOS.UNKNOWN_RECIPIENT', missing: missing.length });
    }
    const givenOn = localDateOf(now, giver?.timeZone ?? settings.defaultTimeZone);
    // A limit of null is off: nothing to count. Wishes never count: they answer a reminder.
    const limit = settings.dailyKudosLimit;
    if (limit !== null && !wishes) {
      const claim = await claimGivingSlot(
        this.tallies,
        {
          tenantId: request.tenantId,
          giverId: request.giver.id,
          recognitionId: id,
          localDay: givenOn,
          limit,
        },
        (day) => this.recognitions.countGivenOn(request.tenantId, request.giver.id, day),
      );
      if (!claim.ok) {
        return refuse('message', { code: 'KUDOS.DAILY_LIMIT', given: claim.given });
      }
    }

    const recipients = recipientIds.map((rid) => ({
      id: rid,
      name: byId.get(rid)?.displayName ?? 'Someone',
    }));
    const recognition: Recognition = {
      tenantId: request.tenantId,
      id,
      giver: { id: request.giver.id, name: giver?.displayName ?? request.giver.name },
      recipients,
      recipientIds,
      value: { id: value.id, name: value.name },
      message,
      ...(request.quote ? { quote: request.quote } : {}),
      place: request.place,
      postToChannel: request.postToChannel,
      managerMaySee: request.managerMaySee ?? true,
      createdAt: now.toISOString(),
      givenOn,
      celebrations: [],
      fanOutPending: true,
    };
    const created = await this.recognitions.create(recognition);
    if (!created.created) return { ok: true, recognition: created.existing, duplicate: true };
    for (const person of found) {
      if (!person.lastRecognisedOn || person.lastRecognisedOn < givenOn) {
        // Not a save of the person as read: that would undo whatever changed them since.
        await this.people.markRecognised(person.tenantId, person.id, givenOn);
      }
    }
    this.logger.info('kudos given', {
      tenantId: request.tenantId,
      recognitionId: id,
      recipients: recipientIds.length,
      value: value.id,
    });
    return { ok: true, recognition, duplicate: false };
  }

  /**
   * Celebrates a recognition for `person`, or takes the celebration back when they had already
   * celebrated. Concurrent celebrations all count: the store retries on a conflicting write.
   */
  async toggleCelebration(
    tenantId: string,
    recognitionId: string,
    person: PersonRef,
    now: Date,
  ): Promise<Recognition | undefined> {
    return this.recognitions.update(tenantId, recognitionId, (current) => {
      const already = current.celebrations.some((c) => c.id === person.id);
      const celebrations: Celebration[] = already
        ? current.celebrations.filter((c) => c.id !== person.id)
        : [...current.celebrations, { id: person.id, name: person.name, at: now.toISOString() }];
      return { ...current, celebrations };
    });
  }
}
