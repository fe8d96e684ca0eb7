import { CardFactory, type CloudAdapter, type ConversationReference, type TurnContext } from 'botbuilder';
import type { OutboundMessage } from '../../core/delivery';
import { AttemptTimeout, Deadline } from './deadline';

/** The name of `@azure/core-rest-pipeline`'s retry policy in the connector client's pipeline. */
const SDK_RETRY_POLICY = 'defaultRetryPolicy';
const ATTEMPT_POLICY = 'momentsAttempt';

/** What one attempt needs besides the message. */
export interface AttemptSetup {
  adapter: CloudAdapter;
  /** The bot's app id; empty for anonymous local development. */
  botAppId: string;
  /** Time allowed for each phase: preparing the turn up to the request, and the request itself. */
  timeoutMs: number;
  /** Resolves when the request may go on the wire (the rate limiter); not part of the timeout. */
  acquire: () => Promise<void>;
}

/**
 * One HTTP request posting `message` to the conversation of `reference`; rejects on failure or
 * when a phase of it takes longer than `timeoutMs`. `acquire` (the rate limiter) runs at the end of
 * the connector client's pipeline, just before the request goes on the wire: Teams counts a
 * request when it arrives, and the time botbuilder takes to build a turn and a client varies a lot
 * under load (measured: a cold burst of 48 granted sends reached the connector 80–120 ms later, a
 * warm one ~55 ms later, enough to put 79 arrivals in one second).
 * @returns the id the connector gave the new activity, if any.
 */
export async function sendAttempt(
  setup: AttemptSetup,
  reference: Partial<ConversationReference>,
  message: OutboundMessage,
): Promise<string | undefined> {
  const { adapter, timeoutMs, acquire } = setup;
  const deadline = new Deadline(timeoutMs);
  const beforeSend = async () => {
    if (deadline.signal.aborted) throw new AttemptTimeout(timeoutMs);
    deadline.pause();
    await acquire();
    deadline.restart();
  };
  // The outcome is caught inside the turn: an adapter shared with the bot has the app's error
  // handler as `onTurnError`, which would swallow the error and make a failed send look sent.
  let outcome: { id: string | undefined } | { error: unknown } | undefined;
  deadline.restart();
  const sent = adapter.continueConversationAsync(setup.botAppId, reference, async (context) => {
    try {
      if (!takeOverRequest(context, adapter, deadline.signal, beforeSend)) await beforeSend();
      const response = await context.sendActivity({
        type: 'message',
        text: message.text,
        // Proactive texts carry names and messages people typed: shown as typed, never as markdown
        // (a giver's `[verify here](https://…)` must not become a link in a chat with Moments).
        ...(message.text ? { textFormat: 'plain' } : {}),
        attachments: message.card ? [CardFactory.adaptiveCard(message.card)] : undefined,
        summary: message.summary,
      });
      outcome = { id: response?.id };
    } catch (error) {
      outcome = { error };
    }
  });
  try {
    await Promise.race([sent, deadline.expired]);
  } finally {
    deadline.pause();
    // A timed-out attempt settles later (aborted); nothing waits for it any more.
    sent.catch(() => undefined);
  }
  if (!outcome) throw new Error('not sent: adapter middleware ended the turn before the send');
  if ('error' in outcome) throw outcome.error;
  return outcome.id;
}

interface PipelineRequest {
  abortSignal?: AbortSignal;
}
interface PipelinePolicy {
  name: string;
  sendRequest(
    request: PipelineRequest,
    next: (request: PipelineRequest) => Promise<unknown>,
  ): Promise<unknown>;
}
interface Pipeline {
  removePolicy(options: { name: string }): unknown[];
  addPolicy(policy: PipelinePolicy, options?: { afterPhase?: 'Sign' }): void;
}

/**
 * Adapts the connector client of this proactive turn: takes out the SDK's own retry policy, which
 * would retry 429s and 5xx behind the limiter's back and multiply the messenger's attempts, and
 * adds a last policy that runs `beforeSend` (the limiter) and ties the request to `signal`, so that
 * a timed-out attempt closes its socket. The client is shared between turns (bot/teams/adapter.ts),
 * so the policy is replaced on every turn rather than added again.
 * @returns false when the pipeline is not where botbuilder 4.23 keeps it; the send then works
 *   with the SDK's retries, and the caller must run `beforeSend` itself.
 */
function takeOverRequest(
  context: TurnContext,
  adapter: CloudAdapter,
  signal: AbortSignal,
  beforeSend: () => Promise<void>,
): boolean {
  const client = context.turnState.get<{ client?: { pipeline?: Partial<Pipeline> } } | undefined>(
    adapter.ConnectorClientKey,
  );
  const pipeline = client?.client?.pipeline;
  if (typeof pipeline?.removePolicy !== 'function' || typeof pipeline.addPolicy !== 'function') return false;
  pipeline.removePolicy({ name: SDK_RETRY_POLICY });
  pipeline.removePolicy({ name: ATTEMPT_POLICY });
  pipeline.addPolicy(
    {
      name: ATTEMPT_POLICY,
      sendRequest: async (request, next) => {
        await beforeSend();
        request.abortSignal = signal;
        return next(request);
      },
    },
    { afterPhase: 'Sign' },
  );
  return true;
}
