import { type TurnContext, CardFactory } from 'botbuilder';
import type { AdaptiveCard, Application, TurnState } from '@microsoft/teams-ai';
import { recognitionChannelFor, type KudosResult, type Recognition } from '../../core/kudos';
import { registerMembers } from '../../core/people';
import { cardAttachment, expandCard } from '../teams/cardRender';
import { kudosSentCard, recognitionCard } from './kudosCards';
import { composeResult, taskInfo } from './extensionResults';
import { senderOf, tenantOf } from '../teams/conversationRecord';
import { fanOutAfterTurn, type KudosDeps } from './fanOutAfterTurn';
import { conversationKindOf } from '../teams/turnContext';
import { draftFromSubmission, kudosForm, newDraft, quotedText, wishesOpening, type KudosDraft } from './form';
import { askForRecipients, parseMentionKudos, tagHelp, valueForTag } from './mentionCommand';
import { listNames, recognitionCardData, whereItIs } from './recognitionView';
import { aadIdOf, mentionedPeople, RosterUnavailable, TEAMS_DID_NOT_ANSWER } from './roster';
import { callerOf, NOT_FROM_TEAMS, resolveMemberIds, teamsOfGiver, type Caller } from './caller';
import { readPayload } from '../teams/payload';
import { sentToCaller } from '../teams/sentCard';
import { submittedOccasion } from './wishes';
import { personOfDelivery } from '../../core/delivery';
import { messageCard } from '../milestones/milestoneCards';
import { NOT_SENT_TO_YOU } from '../milestones/wording';
import {
  celebrateAction,
  kudosFetchTask,
  kudosSubmission,
  MAX_FETCH_TASK_CHARS,
  UNREADABLE_FORM,
  UNREADABLE_MESSAGE,
  wishesAction,
} from './actions';

export type { KudosDeps };

/** An expanded card as the type teams-ai returns from Action.Execute handlers. */
const asCard = (card: Record<string, unknown>) => card as unknown as AdaptiveCard;

/** Registers every way of giving and celebrating kudos on the application. */
export function registerKudos(app: Application<TurnState>, deps: KudosDeps): void {
  const fanOut = (context: TurnContext, recognition: Recognition) =>
    fanOutAfterTurn(deps, context.activity, recognition);

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

  /** Gives a draft; a refusal may name the draft to show again (wishes turned back into kudos). */
  const give = async (
    context: TurnContext,
    caller: Caller,
    draft: KudosDraft,
  ): Promise<Extract<KudosResult, { ok: true }> | { ok: false; message: string; draft?: KudosDraft }> => {
    let recipientIds: string[];
    try {
      recipientIds = await resolveMemberIds(context, draft.recipientIds, () =>
        teamsOfGiver(deps.people, caller),
      );
    } catch (error) {
      if (!(error instanceof RosterUnavailable)) throw error;
      deps.logger.warn('could not resolve kudos recipients: Teams did not answer', { reason: error.reason });
      return { ok: false as const, message: TEAMS_DID_NOT_ANSWER };
    }
    const occasion = await submittedOccasion(context, deps, draft, recipientIds);
    if (!occasion.ok) return occasion;
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
        occasion: occasion.occasion,
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
    if (!result.ok)
      return taskInfo(await form(context, caller, 'task', result.draft ?? draft, result.message));
    await fanOut(context, result.recognition);
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
    const valueId = valueForTag(caller.settings, parsed.tag);
    const personal = conversationKindOf(context) === 'personal';
    if (personal || parsed.memberIds.length === 0 || parsed.typedNames.length > 0) {
      // Nobody to give to yet (or someone typed as plain text): the form, keeping what was typed.
      const mentioned = personal ? [] : await mentionedPeople(context, deps, parsed.memberIds);
      const draft = newDraft({
        recipientIds: mentioned.map((person) => person.value),
        valueId: valueId ?? '',
        message: parsed.message,
      });
      const question = askForRecipients(parsed, mentioned.length > 0, Boolean(valueId));
      await context.sendActivity({
        attachments: [
          CardFactory.adaptiveCard(await form(context, caller, 'chat', draft, question, mentioned)),
        ],
      });
      return;
    }
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
    await fanOut(context, result.recognition);
  });

  // The chat form's submit: refusals come back in the form; success replaces it with a summary.
  app.adaptiveCards.actionExecute<unknown>('sendKudos', async (context, _state, data) => {
    const caller = await callerOf(context, deps);
    if (!caller) return NOT_FROM_TEAMS;
    const submission = readPayload(kudosSubmission, data);
    if (!submission) return asCard(await form(context, caller, 'chat', newDraft(), UNREADABLE_FORM));
    const draft = draftFromSubmission(submission);
    const result = await give(context, caller, draft);
    if (!result.ok) return asCard(await form(context, caller, 'chat', result.draft ?? draft, result.message));
    if (!result.duplicate) {
      await context.sendActivity({
        attachments: [cardAttachment(recognitionCard, recognitionCardData(result.recognition))],
      });
    }
    const published = await fanOut(context, result.recognition);
    return asCard(
      expandCard(kudosSentCard, {
        recipientNames: listNames(result.recognition.recipients.map((r) => r.name)),
        valueName: result.recognition.value.name,
        where: whereItIs(published),
      }),
    );
  });

  // "Send wishes" on a reminder and "Send kudos" on a digest: the kudos form, prefilled for the
  // person the card was about, arrives as a new message so that the reminder or digest stays.
  app.adaptiveCards.actionExecute<Record<string, unknown>>('sendWishes', async (context, _state, payload) => {
    const data = readPayload(wishesAction, payload);
    const sent = await sentToCaller(context, deps.deliveries, data?.deliveryId, ['reminder', 'digest']);
    const personId = sent ? personOfDelivery(sent.delivery, data?.personId) : undefined;
    if (!sent || !personId) return asCard(messageCard(NOT_SENT_TO_YOU));
    const caller = await callerOf(context, deps);
    const person = caller ? await deps.people.get(caller.tenantId, personId) : undefined;
    if (!caller || !person) return 'That person is no longer in Moments.';
    const { subject } = sent.delivery;
    // Wishes on a reminder, thanks on a digest. The wishes form names the reminder, so that its
    // submit can check the wishes (no value, not counted) against what was delivered.
    const draft = newDraft({
      recipientIds: [person.id],
      message: wishesOpening(subject.type === 'reminder' ? subject.kind : 'kudos', person.displayName),
      ...(subject.type === 'reminder' ? { reminderId: sent.delivery.id } : {}),
    });
    const card = await form(context, caller, 'chat', draft, undefined, [
      { title: person.displayName, value: person.id },
    ]);
    await context.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] });
    return `The kudos form for ${person.displayName} is below.`;
  });

  // Celebrate: toggles the caller's +1 and refreshes the card in place. Unlike the other card
  // actions it is not checked against a delivery's recipient: a recognition card is posted for a
  // whole conversation (and a compose-box card is posted by the giver, not by Moments), so anyone
  // who can see it may celebrate. What a forged payload could change is bounded instead: the
  // recognition is read in the caller's own tenant, and the celebration is always the caller's.
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
