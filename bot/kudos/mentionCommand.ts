import type { Activity, Mention } from 'botbuilder';
import type { TenantSettings } from '../../core/settings';
import { textAfterCommand } from '../i18n/commands';
import type { Translator } from '../i18n/translator';

/** `kudos @Megan @Adele #teamwork thanks for covering the launch`, taken apart. */
export interface MentionKudos {
  /** Teams member ids (`29:…`) of the people mentioned, the bot excluded, in order. */
  memberIds: string[];
  /** The value tag as typed, without `#`; empty when none was given. */
  tag: string;
  /**
   * Names typed as `@Megan` in plain text, not picked as mentions: Teams gives no one behind
   * them, so the giver is asked to choose the person.
   */
  typedNames: string[];
  message: string;
}

const TYPED_NAME = /(^|\s)@([\p{L}\p{N}][\p{L}\p{N}._'-]*)/gu;

/** Mentions of people (not the bot) in an activity. */
export function peopleMentioned(activity: Activity): Mention[] {
  const botId = activity.recipient?.id;
  return (activity.entities ?? [])
    .filter((e): e is Mention & { type: 'mention' } => e.type === 'mention')
    .filter((m) => m.mentioned?.id && m.mentioned.id !== botId);
}

/**
 * Parses a kudos command, its command word in any language Moments speaks. The bot's own mention
 * is already removed from `text`; each person's `<at>Name</at>` is removed here, so the message is
 * what the giver wrote about them.
 */
export function parseMentionKudos(activity: Activity, text: string): MentionKudos {
  const mentions = peopleMentioned(activity);
  let rest = textAfterCommand('kudos', text) ?? text;
  for (const mention of mentions) {
    if (mention.text) rest = rest.split(mention.text).join(' ');
  }
  rest = rest.replace(/<at>[^<]*<\/at>/g, ' ');
  const tagMatch = /(^|\s)#([\p{L}\p{N}_-]+)/u.exec(rest);
  const tag = tagMatch?.[2] ?? '';
  if (tagMatch) rest = rest.slice(0, tagMatch.index) + rest.slice(tagMatch.index + tagMatch[0].length);
  const typedNames = [...new Set([...rest.matchAll(TYPED_NAME)].map((match) => match[2] ?? ''))];
  rest = rest.replace(TYPED_NAME, ' ');
  return {
    memberIds: [...new Set(mentions.map((m) => m.mentioned.id))],
    tag,
    typedNames,
    message: rest.replace(/\s+/g, ' ').trim(),
  };
}

const slug = (text: string) =>
  text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, '');

/** The active value a tag names (`#teamwork`, `#customerfirst`, `#customer-first`), if any. */
export function valueForTag(settings: TenantSettings, tag: string): string | undefined {
  if (!tag) return undefined;
  const wanted = slug(tag);
  return settings.values.find((v) => !v.retired && (slug(v.id) === wanted || slug(v.name) === wanted))?.id;
}

/** How to write the value tags, for a reply that asks for one. */
export function tagHelp(settings: TenantSettings): string {
  return settings.values
    .filter((v) => !v.retired)
    .map((v) => `#${v.id}`)
    .join(', ');
}

/**
 * What the kudos form says, in `t`'s language, when a command left out whom it is for, or named
 * someone in plain text (`@Megan` typed, not picked), and when its value tag is not a value;
 * nothing for a bare `kudos`.
 */
export function askForRecipients(
  parsed: MentionKudos,
  someoneMentioned: boolean,
  valueKnown: boolean,
  t: Translator,
): string | undefined {
  const sentences: string[] = [];
  const typed = parsed.typedNames.map((name) => t.text('kudos.line.typedName', { name }));
  if (typed.length > 0) {
    sentences.push(t.text('kudos.line.typedNames', { count: typed.length, names: t.list(typed) }));
  } else if (!someoneMentioned && (parsed.message || parsed.tag)) {
    sentences.push(t.text('kudos.line.whoFor'));
  }
  if (parsed.tag && !valueKnown) sentences.push(t.text('kudos.line.unknownTagPick', { tag: parsed.tag }));
  return sentences.length > 0 ? sentences.join(' ') : undefined;
}
