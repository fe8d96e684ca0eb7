import { randomUUID } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import { MAX_RECIPIENTS, MAX_MESSAGE_LENGTH, recognitionChannelFor } from '../../core/kudos';
import { type Logger, shorten } from '../../core/shared';
import type { SettingsStore, TenantSettings } from '../../core/settings';
import { expandCard } from '../teams/cardRender';
import { translatorOf } from '../i18n/turnLanguage';
import type { Translator } from '../i18n/translator';
import type { KudosSubmission } from './actions';
import type { Caller } from './caller';
import { kudosFormCard, type KudosFormData, type KudosFormTexts } from './kudosCards';
import type { MemberDirectory } from '../../core/people';
import { likelyPeople, type Choice } from './roster';

/** What the giver typed or picked, carried back into the form when something is wrong. */
export interface KudosDraft {
  submissionId: string;
  recipientIds: string[];
  valueId: string;
  message: string;
  postToChannel: boolean;
  /** "Let their manager see this": on unless the giver unticked it. */
  managerMaySee: boolean;
  quote?: { author: string; text: string };
  /**
   * The delivery id of the milestone reminder these wishes answer (the form then asks for no
   * value). Only a claim: the submit checks it against the ledger before giving them as wishes.
   */
  reminderId?: string;
}

/** An empty draft, with a fresh submission id that every retry of its submit repeats. */
export function newDraft(prefill: Partial<KudosDraft> = {}): KudosDraft {
  return {
    submissionId: randomUUID(),
    recipientIds: [],
    valueId: '',
    message: '',
    postToChannel: true,
    managerMaySee: true,
    ...prefill,
  };
}

/** Reads a submitted form (task module data or Action.Execute data) back into a draft. */
export function draftFromSubmission(data: KudosSubmission): KudosDraft {
  return {
    submissionId: data.submissionId || randomUUID(),
    recipientIds: (data.recipients ?? '')
      .split(',')
      .map((id) => id.trim())
      .filter(Boolean),
    valueId: data.value ?? '',
    message: data.message ?? '',
    postToChannel: data.postToChannel === 'true',
    // A form that did not send the toggle (one sent before it existed) keeps the default.
    managerMaySee: data.managerMaySee !== 'false',
    ...(data.quoteText ? { quote: { author: data.quoteAuthor ?? '', text: data.quoteText } } : {}),
    ...(data.reminderId ? { reminderId: data.reminderId } : {}),
  };
}

/** The values offered for new kudos: the tenant's, without retired ones. */
export function valueChoices(settings: TenantSettings): Choice[] {
  return settings.values.filter((v) => !v.retired).map((v) => ({ title: v.name, value: v.id }));
}

/** Plain text of a Teams message body (HTML), for quoting it in kudos. */
export function quotedText(html: string): string {
  const text = html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();
  return shorten(text, 280);
}

/** The form's own texts in `t`'s language. */
export function kudosFormTexts(t: Translator): KudosFormTexts {
  return {
    title: t.text('kudos.form.title'),
    intro: t.text('kudos.form.intro'),
    recipientsLabel: t.text('kudos.form.recipients'),
    recipientsMissing: t.text('kudos.form.recipientsMissing'),
    recipientsPlaceholder: t.text('kudos.form.recipientsPlaceholder', { most: MAX_RECIPIENTS }),
    valueLabel: t.text('kudos.form.value'),
    valueMissing: t.text('kudos.form.valueMissing'),
    messageLabel: t.text('kudos.form.message'),
    messageProblem: t.text('kudos.form.messageProblem', { most: MAX_MESSAGE_LENGTH }),
    messagePlaceholder: t.text('kudos.form.messagePlaceholder'),
    postToChannel: t.text('kudos.form.postToChannel'),
    managerMaySee: t.text('kudos.form.managerMaySee'),
    send: t.text('kudos.form.send'),
  };
}

/** What building the kudos form reads. */
export type KudosFormDeps = MemberDirectory & { settings: SettingsStore; logger: Logger };

/**
 * The kudos form for `caller`'s conversation, in the turn's language: it offers the recognition
 * channel when the team has one, shows `error` when there is one, and lists `extraPeople` (the
 * person a reminder or a quoted message was about) among the likely recipients.
 */
export async function formFor(
  context: TurnContext,
  deps: KudosFormDeps,
  caller: Caller,
  mode: KudosFormData['mode'],
  draft: KudosDraft,
  error?: string,
  extraPeople?: Choice[],
): Promise<Record<string, unknown>> {
  return kudosForm(context, deps, {
    mode,
    tenantId: caller.tenantId,
    giverId: caller.giver.id,
    settings: caller.settings,
    draft,
    offerChannel: Boolean(await recognitionChannelFor(deps.settings, caller.tenantId, caller.place)),
    // Words said in a team channel reach managers anyway: there is nothing to choose.
    offerManagerMaySee: caller.place.kind !== 'channel',
    ...(error ? { error } : {}),
    ...(extraPeople ? { extraPeople } : {}),
  });
}

/** Builds the kudos form card for this conversation, in the turn's language. */
export async function kudosForm(
  context: TurnContext,
  deps: KudosFormDeps,
  options: {
    mode: KudosFormData['mode'];
    tenantId: string;
    giverId: string;
    settings: TenantSettings;
    draft: KudosDraft;
    offerChannel: boolean;
    offerManagerMaySee: boolean;
    error?: string;
    extraPeople?: Choice[];
  },
): Promise<Record<string, unknown>> {
  const people = await likelyPeople(context, deps, options.tenantId, options.giverId);
  for (const extra of options.extraPeople ?? []) {
    if (!people.some((p) => p.value === extra.value)) people.unshift(extra);
  }
  const { draft } = options;
  const t = translatorOf(context);
  return expandCard(kudosFormCard, {
    mode: options.mode,
    texts: kudosFormTexts(t),
    submissionId: draft.submissionId,
    people,
    recipients: draft.recipientIds.join(','),
    values: valueChoices(options.settings),
    value: draft.valueId,
    message: draft.message,
    offerChannel: options.offerChannel,
    postToChannel: draft.postToChannel ? 'true' : 'false',
    offerManagerMaySee: options.offerManagerMaySee,
    managerMaySee: draft.managerMaySee ? 'true' : 'false',
    quote: draft.quote?.text
      ? t.runs('kudos.quote', { author: draft.quote.author, text: draft.quote.text })
      : [],
    quoteAuthor: draft.quote?.author ?? '',
    quoteText: draft.quote?.text ?? '',
    reminderId: draft.reminderId ?? '',
    error: options.error ?? '',
  });
}

/**
 * How the kudos form opened from a reminder or a digest starts its message, by what it was about
 * (`kudos`, `birthday`, `anniversary`, else a welcome), in the giver's language.
 */
export function wishesOpening(t: Translator, kind: string, name: string): string {
  const first = name.trim().split(/\s+/)[0] ?? name;
  return t.text('kudos.form.opening', { kind, name: first });
}
