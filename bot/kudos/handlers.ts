import {
  type TurnContext,
  CardFactory,
  type MessagingExtensionAttachment,
  type MessagingExtensionResult,
  type TaskModuleTaskInfo,
} from 'botbuilder';
import type { AdaptiveCard, Application, TurnState } from '@microsoft/teams-ai';
import {
  fanOutRecognition,
  recognitionChannelFor,
  type FanOutDeps,
  type KudosService,
  type Recognition,
} from '../../core/kudos';
import { registerMembers, type ErasureRegister, type PeopleDirectory } from '../../core/people';
import { cardAttachment, expandCard } from '../teams/cardRender';
import { kudosSentCard, recognitionCard } from './kudosCards';
import { senderOf, tenantOf } from '../teams/conversationRecord';
import { conversationKindOf } from '../teams/turnContext';
import { draftFromSubmission, kudosForm, newDraft, quotedText, type KudosDraft } from './form';
import { parseMentionKudos, tagHelp, valueForTag } from './mentionCommand';
import { recognitionMessages } from './recognitionMessages';
import { listNames, recognitionCardData, whereItIs } from './recognitionView';
import { aadIdOf, RosterUnavailable, TEAMS_DID_NOT_ANSWER } from './roster';
import { callerOf, NOT_FROM_TEAMS, resolveMemberIds, type Caller } from './caller';
import { readPayload } from '../teams/payload';
import {
  celebrateAction,
  kudosFetchTask,
  kudosSubmission,
  MAX_FETCH_TASK_CHARS,
  UNREADABLE_FORM,
  UNREADABLE_MESSAGE,
  wishesAction,
} from './actions';

/** What the kudos handlers need. */
export interface KudosDeps extends Omit<FanOutDeps, 'messages'> {
  kudos: KudosService;
  people: PeopleDirectory;
  erasures: ErasureRegister;
  now: () => Date;
  defaultTimeZone: string;
}

/** A message-extension result that inserts the recognition card into the compose box. */
function composeResult(recognition: Recognition): MessagingExtensionResult {
  const attachment: MessagingExtensionAttachment = {
    ...cardAttachment(recognitionCard, recognitionCardData(recognition)),
    preview: CardFactory.thumbnailCard(
      `Kudos for ${listNames(recognition.recipients.map((r) => r.name))}`,
      `${recognition.value.name}: ${recognition.message}`,
    ),
  };
  return { type: 'result', attachmentLayout: 'list', attachments: [attachment] };
}

/** An expanded card as the type teams-ai returns from Action.Execute handlers. */
const asCard = (card: Record<string, unknown>) => card as unknown as AdaptiveCard;

function taskInfo(card: Record<string, unknown>): TaskModuleTaskInfo {
  return { title: 'Send kudos', width: 'medium', height: 'large', card: CardFactory.adaptiveCard(card) };
}

/** Registers every way of giving and celebrating kudos on the application. */
export function registerKudos(app: Application<TurnState>, deps: KudosDeps): void {
  // The channel post and the recipients' notices, each claimed in the ledger first: a retried
  // submit sends none of them twice.
  const fanOut = (recognition: Recognition) =>
    fanOutRecognition({ ...deps, messages: recognitionMessages }, recognition, deps.now());

  const form = async (
    context: TurnContext,
    caller: Caller,
    mode: 'task' | 'chat',
    draft: KudosDraft,
    error?: string,
    extraPeople?: Array<{ title: string; value: string }>,
  ) =>
    kudosForm(context, deps, {
      mode,
      tenantId: caller.tenantId,
      giverId: caller.giver.id,
      settings: caller.settings,
      draft,
      offerChannel: Boolean(await recognitionChannelFor(deps.settings, caller.tenantId, caller.place)),
      ...(error ? { error } : {}),
      ...(extraPeople ? { extraPeople } : {}),
    });

  const give = async (context: TurnContext, caller: Caller, draft: KudosDraft) => {
    let recipientIds: string[];
    try {
      recipientIds = await resolveMemberIds(context, draft.recipientIds);
    } catch (error) {
      if (!(error instanceof RosterUnavailable)) throw error;
      deps.logger.warn('could not resolve kudos recipients: Teams did not answer', { reason: error.reason });
      return { ok: false as const, message: TEAMS_DID_NOT_ANSWER };
    }
    return deps.kudos.give(
      {
        tenantId: caller.tenantId,
        giver: caller.giver,
        recipientIds,
        valueId: draft.valueId,
        message: draft.message,
        ...(draft.quote ? { quote: draft.quote } : {}),
        place: caller.place,
        postToChannel: draft.postToChannel,
        submissionId: draft.submissionId,
      },
      caller.settings,
      deps.now(),
    );
  };

  // Compose box and message "…" menu: the form in a task module.
  app.messageExtensions.fetchTask('sendKudos', async (context) => {
    const caller = await callerOf(context, deps);
    if (!caller) return NOT_FROM_TEAMS;
    const fetched = readPayload(kudosFetchTask, context.activity.value, MAX_FETCH_TASK_CHARS);
    const payload = fetched?.messagePayload;
    const author = payload?.from?.user;
    const prefill: Partial<KudosDraft> = {};
    const extra: Array<{ title: string; value: string }> = [];
    if (author?.id && author.id !== caller.giver.id) {
      prefill.recipientIds = [author.id];
      extra.push({ title: author.displayName ?? 'The author', value: author.id });
      await registerMembers(deps, caller.tenantId, [
        { id: author.id, displayName: author.displayName ?? 'Colleague' },
      ]);
    }
    const quote = payload?.body?.content ? quotedText(payload.body.content) : '';
    if (quote) prefill.quote = { author: author?.displayName ?? 'Message', text: quote };
    return taskInfo(
      await form(context, caller, 'task', newDraft(prefill), fetched ? undefined : UNREADABLE_MESSAGE, extra),
    );
  });

  app.messageExtensions.submitAction<Record<string, unknown>>('sendKudos', async (context, _state, data) => {
    const caller = await callerOf(context, deps);
    if (!caller) return NOT_FROM_TEAMS;
    const submission = readPayload(kudosSubmission, data);
    if (!submission) return taskInfo(await form(context, caller, 'task', newDraft(), UNREADABLE_FORM));
    const draft = draftFromSubmission(submission);
    const result = await give(context, caller, draft);
    if (!result.ok) return taskInfo(await form(context, caller, 'task', draft, result.message));
    await fanOut(result.recognition);
    return composeResult(result.recognition);
  });

  // Chat: "kudos" opens the form; "@Moments kudos @Megan #teamwork thanks…" gives directly.
  app.message(/^\s*kudos\b/i, async (context) => {
    const caller = await callerOf(context, deps);
    if (!caller) {
      await context.sendActivity(NOT_FROM_TEAMS);
      return;
    }
    const parsed = parseMentionKudos(context.activity, context.activity.text ?? '');
    if (conversationKindOf(context) === 'personal' || parsed.memberIds.length === 0) {
      await context.sendActivity({
        attachments: [CardFactory.adaptiveCard(await form(context, caller, 'chat', newDraft()))],
      });
      return;
    }
    const valueId = valueForTag(caller.settings, parsed.tag);
    if (!valueId) {
      // The tag is as the giver typed it: shown literally, not as markdown.
      await context.sendActivity({
        type: 'message',
        textFormat: 'plain',
        text:
          `${parsed.tag ? `#${parsed.tag} is not one of your company values.` : 'Add a value tag to your kudos.'} ` +
          `Use one of: ${tagHelp(caller.settings)}. Nothing was sent.`,
      });
      return;
    }
    let recipients: Array<{ id: string; name: string } | undefined>;
    try {
      recipients = await Promise.all(parsed.memberIds.map((id) => aadIdOf(context, id)));
    } catch (error) {
      if (!(error instanceof RosterUnavailable)) throw error;
      deps.logger.warn('could not resolve mentioned recipients: Teams did not answer', {
        reason: error.reason,
      });
      await context.sendActivity(`${TEAMS_DID_NOT_ANSWER} Nothing was sent.`);
      return;
    }
    const resolved = recipients.filter((r): r is { id: string; name: string } => r !== undefined);
    await registerMembers(
      deps,
      caller.tenantId,
      resolved.map((r) => ({ id: r.id, displayName: r.name })),
    );
    const result = await give(context, caller, {
      submissionId: context.activity.id ?? newDraft().submissionId,
      recipientIds: recipients.map((r, i) => r?.id ?? `unresolved:${parsed.memberIds[i]}`),
      valueId,
      message: parsed.message,
      postToChannel: true,
    });
    if (!result.ok) {
      await context.sendActivity(`${result.message} Nothing was sent.`);
      return;
    }
    if (!result.duplicate) {
      await context.sendActivity({
        attachments: [cardAttachment(recognitionCard, recognitionCardData(result.recognition))],
      });
    }
    await fanOut(result.recognition);
  });

  // The chat form's submit: refusals come back in the form; success replaces it with a summary.
  app.adaptiveCards.actionExecute<unknown>('sendKudos', async (context, _state, data) => {
    const caller = await callerOf(context, deps);
    if (!caller) return NOT_FROM_TEAMS;
    const submission = readPayload(kudosSubmission, data);
    if (!submission) return asCard(await form(context, caller, 'chat', newDraft(), UNREADABLE_FORM));
    const draft = draftFromSubmission(submission);
    const result = await give(context, caller, draft);
    if (!result.ok) return asCard(await form(context, caller, 'chat', draft, result.message));
    if (!result.duplicate) {
      await context.sendActivity({
        attachments: [cardAttachment(recognitionCard, recognitionCardData(result.recognition))],
      });
    }
    const published = await fanOut(result.recognition);
    return asCard(
      expandCard(kudosSentCard, {
        recipientNames: listNames(result.recognition.recipients.map((r) => r.name)),
        valueName: result.recognition.value.name,
        where: whereItIs(published),
      }),
    );
  });

  // "Send wishes" on a milestone reminder turns it into the kudos form, prefilled for that person.
  app.adaptiveCards.actionExecute<{ personId?: unknown; kind?: unknown }>(
    'sendWishes',
    async (context, _state, payload) => {
      const data = readPayload(wishesAction, payload) ?? {};
      const caller = await callerOf(context, deps);
      const person =
        caller && data.personId ? await deps.people.get(caller.tenantId, data.personId) : undefined;
      if (!caller || !person) return 'That person is no longer in Moments.';
      const first = person.displayName.split(/\s+/)[0] ?? person.displayName;
      const message =
        data.kind === 'kudos'
          ? `Thank you, ${first}, for `
          : data.kind === 'birthday'
            ? `Happy birthday, ${first}! `
            : data.kind === 'anniversary'
              ? `Happy work anniversary, ${first}! Thank you for `
              : `Welcome, ${first}! `;
      const draft = newDraft({ recipientIds: [person.id], message });
      return asCard(
        await form(context, caller, 'chat', draft, undefined, [
          { title: person.displayName, value: person.id },
        ]),
      );
    },
  );

  // Celebrate: toggles the caller's +1 and refreshes the card in place.
  app.adaptiveCards.actionExecute<unknown>('celebrate', async (context, _state, payload) => {
    const data = readPayload(celebrateAction, payload);
    if (!data) return 'These kudos are no longer available.';
    const tenantId = tenantOf(context.activity);
    const personId = senderOf(context.activity);
    if (!tenantId || !personId || !data.recognitionId) return NOT_FROM_TEAMS;
    const updated = await deps.kudos.toggleCelebration(
      tenantId,
      data.recognitionId,
      { id: personId, name: context.activity.from?.name ?? 'Someone' },
      deps.now(),
    );
    if (!updated) return 'These kudos are no longer available.';
    const card = expandCard(recognitionCard, recognitionCardData(updated));
    const messageId = context.activity.replyToId;
    if (messageId) {
      // Everyone else sees the new count too; a card a user inserted from the compose box is theirs
      // and cannot be edited by the bot, so a failure here is expected: logged, and the caller still
      // sees the new count in the card returned below.
      await context
        .updateActivity({ id: messageId, type: 'message', attachments: [CardFactory.adaptiveCard(card)] })
        .catch((error: unknown) =>
          deps.logger.info('could not refresh the celebrated card for everyone', {
            recognitionId: updated.id,
            error,
          }),
        );
    }
    return asCard(card);
  });
}
