import { randomUUID } from 'node:crypto';
import { ActivityTypes, INVOKE_RESPONSE_KEY, type TurnContext } from 'botbuilder';
import type { Logger } from '../../core/shared';
import type { Translator } from '../i18n/translator';
import { translatorOf } from '../i18n/turnLanguage';
import { declareCard, expandCard } from './cardRender';
import template from './failure-card.json';

/** What the failure card shows, in the reader's language. */
export interface FailureCardData {
  title: string;
  /** What a person can do after an unexpected failure: nothing was saved half way, so try again. */
  whatToDo: string;
  /** "Reference: …", naming the correlation id of the failed turn as logged. */
  reference: string;
}

export const failureCard = declareCard<FailureCardData>('failure', template);

/**
 * The failure card's texts in `t`'s language. The reference is the correlation id as logged, in
 * every language: it is what the person quotes and what an operator searches the logs for.
 */
export function failureCardData(t: Translator, reference: string): FailureCardData {
  return {
    title: t.text('failure.title'),
    whatToDo: t.text('failure.whatToDo'),
    reference: t.text('failure.reference', { reference }),
  };
}

/** The apology a failed turn answers with, naming the reference an operator finds in the logs. */
export function apology(t: Translator, reference: string): string {
  return t.text('failure.apology', { reference });
}

const CORRELATION_KEY = Symbol('correlationId');

/**
 * The correlation id of a turn: the activity id Teams assigned, which its retries repeat; an
 * activity without one gets a fresh id, kept for the turn so that every log line and the reply
 * name the same one.
 */
export function correlationIdOf(context: TurnContext): string {
  let id = context.turnState.get(CORRELATION_KEY) as string | undefined;
  if (!id) {
    id = context.activity.id || `no-activity-id-${randomUUID()}`;
    context.turnState.set(CORRELATION_KEY, id);
  }
  return id;
}

/** The Bot Framework's invoke names whose answer is a task module (a dialog). */
const TASK_INVOKES = new Set(['task/fetch', 'task/submit', 'composeExtension/fetchTask']);

/**
 * The invoke response that shows `text` (and the card) where the invoke came from: Action.Execute
 * answers with a card in place of the one clicked; a dialog shows a message; a message extension
 * shows its message; any other invoke gets the Bot Framework's error body.
 */
export function failureInvokeResponse(name: string | undefined, reference: string, t: Translator) {
  const text = apology(t, reference);
  if (name === 'adaptiveCard/action') {
    return {
      status: 200,
      body: {
        statusCode: 200,
        type: 'application/vnd.microsoft.card.adaptive',
        value: expandCard(failureCard, failureCardData(t, reference)),
      },
    };
  }
  if (name && TASK_INVOKES.has(name))
    return { status: 200, body: { task: { type: 'message', value: text } } };
  if (name?.startsWith('composeExtension/')) {
    return { status: 200, body: { composeExtension: { type: 'message', text } } };
  }
  return { status: 500, body: { error: { code: 'InternalError', message: text } } };
}

/**
 * The one answer to an unexpected failure of any turn: logged with the turn's correlation id, and
 * the person told, in the turn's language, what to do and that id as the reference, in the form
 * the activity expects (an invoke response for card actions, dialogs and message extensions; a
 * message in the conversation for messages and conversation updates). An answer that cannot be delivered is logged, not thrown:
 * the failure is already on record.
 */
export async function answerTurnFailure(context: TurnContext, logger: Logger, error: unknown): Promise<void> {
  const reference = correlationIdOf(context);
  logger.error('turn failed', { error });
  const t = translatorOf(context);
  try {
    const { type, name } = context.activity;
    if (type === ActivityTypes.Invoke) {
      // A handler that already answered before failing has had its say: a second answer is dropped.
      if (context.turnState.get(INVOKE_RESPONSE_KEY)) return;
      await context.sendActivity({
        type: ActivityTypes.InvokeResponse,
        value: failureInvokeResponse(name, reference, t),
      });
      return;
    }
    if (type === ActivityTypes.Message || type === ActivityTypes.ConversationUpdate) {
      await context.sendActivity({
        type: ActivityTypes.Message,
        text: apology(t, reference),
        textFormat: 'plain',
      });
    }
  } catch (sendError) {
    logger.warn('could not tell the person the turn failed', { error: sendError });
  }
}
