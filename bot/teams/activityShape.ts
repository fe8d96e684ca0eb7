import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { languageFrom, type Logger } from '../../core/shared';
import { translatorFor, type Translator } from '../i18n/translator';
import type { BotHttpResponse } from './http';

/**
 * The shape of an inbound Bot Framework activity, as far as Moments and the SDK rely on it. An
 * activity that is not this shape never reaches the adapter: the SDK would fail on it half way
 * ("Cannot read properties of undefined", "Invalid URL") and answer 500 with its internal text.
 * Every string is bounded; fields Moments does not read are kept as they are.
 */
const id = z.string().min(1).max(1024);
const account = z
  .object({ id, name: z.string().max(1024).nullish(), aadObjectId: z.string().max(256).nullish() })
  .passthrough();

/** A service URL the adapter can reply to: an absolute http(s) URL. */
const serviceUrl = z
  .string()
  .max(2048)
  .refine((text) => {
    try {
      return ['http:', 'https:'].includes(new URL(text).protocol);
    } catch {
      return false;
    }
  }, 'not an http(s) URL');

const idOf = z
  .object({ id: z.string().max(1024).nullish() })
  .passthrough()
  .nullish();

const activity = z
  .object({
    type: z.string().min(1).max(64),
    id: z.string().max(1024).nullish(),
    name: z.string().max(256).nullish(),
    serviceUrl,
    channelId: z.string().max(64).nullish(),
    from: account,
    recipient: account,
    conversation: z
      .object({
        id,
        conversationType: z.string().max(64).nullish(),
        tenantId: z.string().max(256).nullish(),
      })
      .passthrough(),
    channelData: z.object({ tenant: idOf, team: idOf, channel: idOf }).passthrough().nullish(),
    text: z.string().nullish(),
    replyToId: z.string().max(1024).nullish(),
    locale: z.string().max(64).nullish(),
    entities: z
      .array(z.object({ type: z.string().max(64) }).passthrough())
      .max(256)
      .nullish(),
    membersAdded: z.array(account).max(1000).nullish(),
    membersRemoved: z.array(account).max(1000).nullish(),
  })
  .passthrough();

/** What an `adaptiveCard/action` invoke carries: the action and its verb. */
const cardAction = z.object({
  action: z
    .object({
      type: z.string().max(64),
      verb: z.string().min(1).max(128).optional(),
      // The data is each verb's own to read: its handler refuses it in words that fit the card.
      data: z.unknown(),
    })
    .passthrough(),
});

/** What a message-extension or dialog invoke carries: an object, naming its command when it has one. */
const invokeValue = z.object({ commandId: z.string().max(128).optional(), data: z.unknown() }).passthrough();

/**
 * The fixed answer to a body that is not an activity Moments can read: for whatever sent it, not
 * for a person, so in English.
 */
export const MALFORMED_ACTIVITY = 'The request body is not a Bot Framework activity Moments can read.';

/**
 * The language of an activity's answers before its turn runs (or without one): the locale its
 * Teams client reports, as nothing else about the caller has been read yet.
 */
export function translatorOfActivity(body: unknown): Translator {
  const locale = (body as { locale?: unknown } | null)?.locale;
  return translatorFor(languageFrom([typeof locale === 'string' ? locale : undefined]));
}

/**
 * Checks `body` before the adapter sees it. A body that is not an activity gets 400 with
 * {@link MALFORMED_ACTIVITY}; an invoke whose value is not what its kind carries gets the invoke
 * error ({@link invokeRefusal}). What was wrong is logged with a correlation id, never answered.
 */
export function refuseMalformed(body: unknown, logger: Logger): BotHttpResponse | undefined {
  const parsed = activity.safeParse(body);
  const envelope = parsed.success ? undefined : describe(parsed.error);
  let refusal: BotHttpResponse | undefined = envelope
    ? { status: 400, headers: {}, body: { error: MALFORMED_ACTIVITY } }
    : undefined;
  let problems = envelope;
  if (parsed.success && parsed.data.type === 'invoke') {
    const name = parsed.data.name ?? undefined;
    const shape =
      name === 'adaptiveCard/action'
        ? cardAction
        : name?.startsWith('composeExtension/') || name?.startsWith('task/')
          ? invokeValue
          : undefined;
    const checked = shape?.safeParse(parsed.data.value);
    if (checked && !checked.success) {
      problems = describe(checked.error).map((problem) => `value.${problem}`);
      refusal = { headers: {}, ...invokeRefusal(name, translatorOfActivity(body)) };
    }
  }
  if (!refusal) return undefined;
  const activityId = (body as { id?: unknown } | null)?.id;
  logger.warn('refused a malformed activity', {
    correlationId: typeof activityId === 'string' && activityId ? activityId.slice(0, 256) : randomUUID(),
    problems,
  });
  return refusal;
}

function describe(error: z.ZodError): string[] {
  return error.issues.slice(0, 5).map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`);
}

/**
 * The invoke response the Bot Framework defines for a request it cannot act on: for a card action
 * the Universal Actions error body, for a message extension or dialog a message it shows. The
 * message, in `t`'s language, says the card or command is not one Moments sent, or is out of date.
 */
export function invokeRefusal(name: string | undefined, t: Translator): { status: number; body: unknown } {
  const message = t.text('failure.unreadableAction');
  if (name === 'adaptiveCard/action') {
    return {
      status: 400,
      body: {
        statusCode: 400,
        type: 'application/vnd.microsoft.error',
        value: { code: 'BadRequest', message },
      },
    };
  }
  if (name?.startsWith('task/') || name === 'composeExtension/fetchTask') {
    return { status: 400, body: { task: { type: 'message', value: message } } };
  }
  if (name?.startsWith('composeExtension/')) {
    return { status: 400, body: { composeExtension: { type: 'message', text: message } } };
  }
  return { status: 400, body: { error: message } };
}
