import { type TurnContext, CardFactory } from 'botbuilder';
import type { AdaptiveCard, Application, TurnState } from '@microsoft/teams-ai';
import type { KudosResult, Recognition } from '../../core/kudos';
import { registerMembers } from '../../core/people';
import { tenantSettingsOf, type TenantSettings } from '../../core/settings';
import { cardAttachment, expandCard } from '../teams/cardRender';
import { commandPattern } from '../i18n/commands';
import { translatorFor } from '../i18n/translator';
import { translatorOf } from '../i18n/turnLanguage';
import { kudosSentCard, recognitionCard } from './kudosCards';
import { composeResult, taskInfo } from './extensionResults';
import { senderOf, tenantOf } from '../teams/conversationRecord';
import { fanOutAfterTurn, type KudosDeps } from './fanOutAfterTurn';
import { conversationKindOf } from '../teams/turnContext';
import { draftFromSubmission, formFor, newDraft, quotedText, type KudosDraft } from './form';
import { askForRecipients, parseMentionKudos, tagHelp, valueForTag } from './mentionCommand';
import { recognitionCardData, valueNameIn, whereItIs } from './recognitionView';
import { refusalText } from './refusals';
import { aadIdOf, mentionedPeople, RosterUnavailable } from './roster';
import { callerOf, resolveMemberIds, teamsOfGiver, type Caller } from './caller';
import { readPayload } from '../teams/payload';
import { sendWishesForm, submittedOccasion } from './wishes';
import { celebrateAction, kudosFetchTask, kudosSubmission, MAX_FETCH_TASK_CHARS } from './actions';

export type { KudosDeps };

/** An expanded card as the type teams-ai returns from Action.Execute handlers. */
const asCard = (card: Record<string, unknown>) => card as unknown as AdaptiveCard;

/** What many read (a recognition card) is written in the tenant's default language. */
const everyoneIn = (settings: TenantSettings) =>
  translatorFor(settings.defaultLanguage, settings.defaultTimeZone);

/** The answer to an activity that names no tenant, sender or conversation. */
const notFromTeams = (context: TurnContext) => translatorOf(context).text('kudos.refusal.notFromTeams');

/** A plain-text reply: what it quotes (a tag, a value's name) is shown as typed, never as markdown. */
const say = (context: TurnContext, text: string) =>
  context.sendActivity({ type: 'message', textFormat: 'plain', text });

/** Registers every way of giving and celebrating kudos on the application. */
export function registerKudos(app: Application<TurnState>, deps: KudosDeps): void {
  const fanOut = (context: TurnContext, recognition: Recognition) =>
    fanOutAfterTurn(deps, context.activity, recognition, translatorOf(context));

  /** Gives a draft; a refusal, in the turn's language, may name the draft to show again. */
  const give = async (
    context: TurnContext,
    caller: Caller,
    draft: KudosDraft,
  ): Promise<Extract<KudosResult, { ok: true }> | { ok: false; message: string; draft?: KudosDraft }> => {
    const t = translatorOf(context);
    let recipientIds: string[];
    try {
      recipientIds = await resolveMemberIds(context, draft.recipientIds, () =>
        teamsOfGiver(deps.people, caller),
      );
    } catch (error) {
      if (!(error instanceof RosterUnavailable)) throw error;
      deps.logger.warn('could not resolve kudos recipients: Teams did not answer', { reason: error.reason });
      return { ok: false as const, message: t.text('kudos.refusal.teamsDidNotAnswer') };
    }
    const occasion = await submittedOccasion(context, deps, draft, recipientIds);
    if (!occasion.ok) return occasion;
    const result = await deps.kudos.give(
      {
        tenantId: caller.tenantId,
        giver: caller.giver,
        recipientIds,
        valueId: draft.valueId,
        message: draft.message,
        ...(draft.quote ? { quote: draft.quote } : {}),
        place: caller.place,
        postToChannel: draft.postToChannel,
        managerMaySee: draft.managerMaySee,
        submissionId: draft.submissionId,
        occasion: occasion.occasion,
      },
      caller.settings,
      deps.now(),
    );
    return result.ok ? result : { ok: false, message: refusalText(t, result) };
  };

  // Compose box and message "…" menu: the form in a task module.
  app.messageExtensions.fetchTask('sendKudos', async (context) => {
    const t = translatorOf(context);
    const caller = await callerOf(context, deps);
    if (!caller) return notFromTeams(context);
    const fetched = readPayload(kudosFetchTask, context.activity.value, MAX_FETCH_TASK_CHARS);
    const payload = fetched?.messagePayload;
    const author = payload?.from?.user;
    const prefill: Partial<KudosDraft> = {};
    const extra: Array<{ title: string; value: string }> = [];
    if (author?.id && author.id !== caller.giver.id) {
      prefill.recipientIds = [author.id];
      extra.push({ title: author.displayName ?? t.text('kudos.form.author'), value: author.id });
      await registerMembers(deps, caller.tenantId, [
        { id: author.id, displayName: author.displayName ?? 'Colleague' },
      ]);
    }
    const quote = payload?.body?.content ? quotedText(payload.body.content) : '';
    if (quote)
      prefill.quote = { author: author?.displayName ?? t.text('kudos.form.quotedMessage'), text: quote };
    const unreadable = fetched ? undefined : t.text('kudos.form.unreadableMessage');
    return taskInfo(await formFor(context, deps, caller, 'task', newDraft(prefill), unreadable, extra), t);
  });

  app.messageExtensions.submitAction<Record<string, unknown>>('sendKudos', async (context, _state, data) => {
    const t = translatorOf(context);
    const caller = await callerOf(context, deps);
    if (!caller) return notFromTeams(context);
    const submission = readPayload(kudosSubmission, data);
    if (!submission) {
      return taskInfo(
        await formFor(context, deps, caller, 'task', newDraft(), t.text('kudos.form.unreadable')),
        t,
      );
    }
    const draft = draftFromSubmission(submission);
    const result = await give(context, caller, draft);
    if (!result.ok)
      return taskInfo(await formFor(context, deps, caller, 'task', result.draft ?? draft, result.message), t);
    await fanOut(context, result.recognition);
    return composeResult(result.recognition, everyoneIn(caller.settings), t);
  });

  // Chat: "kudos" opens the form; "@Moments kudos @Megan #teamwork thanks…" gives directly. The
  // command word is any language's.
  app.message(commandPattern('kudos', 'any'), async (context) => {
    const t = translatorOf(context);
    const caller = await callerOf(context, deps);
    if (!caller) {
      await say(context, notFromTeams(context));
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
      const question = askForRecipients(parsed, mentioned.length > 0, Boolean(valueId), t);
      const card = await formFor(context, deps, caller, 'chat', draft, question, mentioned);
      await context.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] });
      return;
    }
    if (!valueId) {
      // The tag is as the giver typed it, the values' ids as the admins made them.
      const tags = tagHelp(caller.settings);
      await say(
        context,
        parsed.tag
          ? t.text('kudos.line.unknownTag', { tag: parsed.tag, tags })
          : t.text('kudos.line.noTag', { tags }),
      );
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
      await say(
        context,
        t.text('kudos.line.refused', { problem: t.text('kudos.refusal.teamsDidNotAnswer') }),
      );
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
      // The one-line grammar has no way to untick it: the form's default.
      managerMaySee: true,
    });
    if (!result.ok) {
      await say(context, t.text('kudos.line.refused', { problem: result.message }));
      return;
    }
    if (!result.duplicate) {
      const card = recognitionCardData(result.recognition, everyoneIn(caller.settings));
      await context.sendActivity({ attachments: [cardAttachment(recognitionCard, card)] });
    }
    await fanOut(context, result.recognition);
  });

  // The chat form's submit: refusals come back in the form; success replaces it with a summary.
  app.adaptiveCards.actionExecute<unknown>('sendKudos', async (context, _state, data) => {
    const t = translatorOf(context);
    const caller = await callerOf(context, deps);
    if (!caller) return notFromTeams(context);
    const submission = readPayload(kudosSubmission, data);
    if (!submission) {
      return asCard(
        await formFor(context, deps, caller, 'chat', newDraft(), t.text('kudos.form.unreadable')),
      );
    }
    const draft = draftFromSubmission(submission);
    const result = await give(context, caller, draft);
    if (!result.ok)
      return asCard(await formFor(context, deps, caller, 'chat', result.draft ?? draft, result.message));
    const { recognition } = result;
    if (!result.duplicate) {
      const card = recognitionCardData(recognition, everyoneIn(caller.settings));
      await context.sendActivity({ attachments: [cardAttachment(recognitionCard, card)] });
    }
    const published = await fanOut(context, recognition);
    return asCard(
      expandCard(kudosSentCard, {
        title: t.text('kudos.sent.title'),
        text: t.runs('kudos.sent.text', {
          names: t.list(recognition.recipients.map((r) => r.name)),
          value: valueNameIn(t, recognition.value),
          where: whereItIs(published),
        }),
      }),
    );
  });

  // "Send wishes" on a reminder and "Send kudos" on a digest: the kudos form, prefilled for the
  // person the card was about, arrives as a new message so that the reminder or digest stays.
  app.adaptiveCards.actionExecute<Record<string, unknown>>('sendWishes', async (context, _state, payload) => {
    const answer = await sendWishesForm(context, deps, payload);
    return typeof answer === 'string' ? answer : asCard(answer);
  });

  // Celebrate: toggles the caller's +1 and refreshes the card in place. Unlike the other card
  // actions it is not checked against a delivery's recipient: a recognition card is posted for a
  // whole conversation (and a compose-box card is posted by the giver, not by Moments), so anyone
  // who can see it may celebrate. What a forged payload could change is bounded instead: the
  // recognition is read in the caller's own tenant, and the celebration is always the caller's.
  app.adaptiveCards.actionExecute<unknown>('celebrate', async (context, _state, payload) => {
    const t = translatorOf(context);
    const data = readPayload(celebrateAction, payload);
    if (!data) return t.text('kudos.gone');
    const tenantId = tenantOf(context.activity);
    const personId = senderOf(context.activity);
    if (!tenantId || !personId || !data.recognitionId) return notFromTeams(context);
    const updated = await deps.kudos.toggleCelebration(
      tenantId,
      data.recognitionId,
      { id: personId, name: context.activity.from?.name ?? t.text('kudos.someone') },
      deps.now(),
    );
    if (!updated) return t.text('kudos.gone');
    // The card is everyone's: in the tenant's language, whoever celebrated.
    const settings = await tenantSettingsOf(deps.settings, tenantId, deps.defaultTimeZone);
    const card = expandCard(recognitionCard, recognitionCardData(updated, everyoneIn(settings)));
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
