import { TeamsInfo, type TurnContext } from 'botbuilder';
import type { ConversationKind } from '../../core/delivery';
import { conversationKindOf, firstNameOf } from '../teams/turnContext';

/** The few sentences Moments introduces itself with, per kind of conversation. */
export function welcomeText(kind: ConversationKind, firstName?: string): string {
  const what =
    'I help you notice and celebrate the people you work with: kudos for good work, reminders of birthdays, ' +
    'work anniversaries and new hires’ first weeks, and private notes that come back when it is time to follow up.';
  if (kind === 'personal') {
    return `Hi${firstName ? ` ${firstName}` : ''}, I’m Moments. ${what} Type **help** to see what you can do here.`;
  }
  return `Hi everyone, I’m Moments. ${what} Mention me with **@Moments help** to get started.`;
}

/** True when the bot itself is among the members just added, i.e. Moments was installed here. */
export function botWasAdded(context: TurnContext): boolean {
  const botId = context.activity.recipient?.id;
  return (context.activity.membersAdded ?? []).some((member) => member.id === botId);
}

/** Greets a conversation Moments has just been added to. */
export async function sendWelcome(context: TurnContext): Promise<void> {
  const kind = conversationKindOf(context);
  await context.sendActivity(
    welcomeText(kind, kind === 'personal' ? await greetingNameOf(context) : undefined),
  );
}

/** The installer's first name: install events often carry no name, so ask Teams for it. */
async function greetingNameOf(context: TurnContext): Promise<string | undefined> {
  const known = firstNameOf(context);
  if (known || !context.activity.from?.id) return known;
  try {
    const member = await TeamsInfo.getMember(context, context.activity.from.id);
    return member.givenName ?? member.name?.split(/\s+/)[0];
  } catch {
    return undefined; // a welcome without a name is still a welcome
  }
}
