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

/** Why kudos were refused; each has a message fit to show the giver. */
export type KudosErrorCode =
  | 'KUDOS.NO_RECIPIENTS'
  | 'KUDOS.TOO_MANY_RECIPIENTS'
  | 'KUDOS.SELF'
  | 'KUDOS.EMPTY_MESSAGE'
  | 'KUDOS.MESSAGE_TOO_LONG'
  | 'KUDOS.UNKNOWN_VALUE'
  | 'KUDOS.UNKNOWN_RECIPIENT'
  | 'KUDOS.DAILY_LIMIT';

/** A refusal: nothing was stored. `field` says which input to show it beside. */
export interface KudosRefusal {
  ok: false;
  code: KudosErrorCode;
  message: string;
  field: 'recipients' | 'value' | 'message';
}

/** The outcome of {@link KudosService.give}. */
export type KudosResult = { ok: true; recognition: Recognition; duplicate: boolean } | KudosRefusal;

const refuse = (code: KudosErrorCode, field: KudosRefusal['field'], message: string): KudosRefusal => ({
  ok: false,
  code,
  field,
  message,
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
    if (recipientIds.length === 0)
      return refuse('KUDOS.NO_RECIPIENTS', 'recipients', 'Choose at least one person to recognise.');
    if (recipientIds.length > MAX_RECIPIENTS) {
      return refuse(
        'KUDOS.TOO_MANY_RECIPIENTS',
        'recipients',
        `You can recognise up to ${MAX_RECIPIENTS} people at once; you chose ${recipientIds.length}.`,
      );
    }
    if (recipientIds.includes(request.giver.id)) {
      return refuse(
        'KUDOS.SELF',
        'recipients',
        'Kudos are for someone else: remove yourself from the recipients.',
      );
    }
    const read = readUserText(request.message, MAX_MESSAGE_LENGTH);
    if (!read.ok && read.problem === 'empty') {
      return refuse(
        'KUDOS.EMPTY_MESSAGE',
        'message',
        'Add a message: say what they did and why it mattered.',
      );
    }
    if (!read.ok) {
      return refuse(
        'KUDOS.MESSAGE_TOO_LONG',
        'message',
        `Keep the message to ${MAX_MESSAGE_LENGTH} characters; it has ${read.length}.`,
      );
    }
    const message = read.text;
    const wishes = request.occasion === 'wishes';
    if (wishes && recipientIds.length > 1) {
      return refuse('KUDOS.TOO_MANY_RECIPIENTS', 'recipients', 'Wishes are for one person at a time.');
    }
    const value = wishes ? CELEBRATION_VALUE : settings.values.find((v) => v.id === request.valueId);
    if (!value || ('retired' in value && value.retired)) {
      return refuse(
        'KUDOS.UNKNOWN_VALUE',
        'value',
        value
          ? `“${value.name}” is no longer one of your company values; pick another.`
          : 'Pick one of your company values.',
      );
    }
    const [found, giver] = await Promise.all([
      this.people.findMany(request.tenantId, recipientIds),
      this.people.get(request.tenantId, request.giver.id),
    ]);
    const byId = new Map(found.map((p) => [p.id, p]));
    const missing = recipientIds.filter((rid) => !byId.has(rid));
    if (missing.length > 0) {
      return refuse(
        'KUDOS.UNKNOWN_RECIPIENT',
        'recipients',
        missing.length === 1
          ? 'One of the people you chose is not in your organisation in Moments, so they cannot receive kudos.'
          : `${missing.length} of the people you chose are not in your organisation in Moments, so they cannot receive kudos.`,
      );
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
        return refuse(
          'KUDOS.DAILY_LIMIT',
          'message',
          `You have given ${claim.given} kudos today, the daily limit. Your message is kept here: send it tomorrow.`,
        );
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
