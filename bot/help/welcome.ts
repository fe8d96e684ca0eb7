import { TeamsInfo, type TurnContext } from 'botbuilder';
import type { ConversationKind } from '../../core/delivery';
import { callerIsAdmin, tenantAdmins, type AdminDirectoryDeps } from '../../core/settings';
import { firstAdminHowTo } from '../admins/wording';
import { senderOf, tenantOf } from '../teams/conversationRecord';
import { conversationKindOf, firstNameOf } from '../teams/turnContext';
import { markdownLiteral } from '../teams/markdown';
import { translatorOf } from '../i18n/turnLanguage';
import type { Translator } from '../i18n/translator';
import { commandWordsIn } from './commands';

/**
 * The few sentences Moments introduces itself with, per kind of conversation. They are markdown
 * (the command is bold), so the installer's name, which they chose, is escaped to show as typed.
 */
export function welcomeText(kind: ConversationKind, t: Translator, firstName?: string): string {
  const { help } = commandWordsIn(t);
  return kind === 'personal'
    ? firstName
      ? t.text('welcome.personalNamed', { name: markdownLiteral(firstName), help })
      : t.text('welcome.personal', { help })
    : t.text('welcome.shared', { help });
}

/** True when the bot itself is among the members just added, i.e. Moments was installed here. */
export function botWasAdded(context: TurnContext): boolean {
  const botId = context.activity.recipient?.id;
  return (context.activity.membersAdded ?? []).some((member) => member.id === botId);
}

/**
 * Greets a conversation Moments has just been added to. In a tenant where no admin can be found
 * (none on its list, nobody `MOMENTS_ADMINS` names among its people or the installer), the
 * welcome also says how the organisation makes its first admin: nobody could change a setting.
 */
export async function sendWelcome(context: TurnContext, admins: AdminDirectoryDeps): Promise<void> {
  const kind = conversationKindOf(context);
  const t = translatorOf(context);
  const welcome = welcomeText(kind, t, kind === 'personal' ? await greetingNameOf(context) : undefined);
  const tenantId = tenantOf(context.activity);
  const needsFirstAdmin = tenantId !== undefined && !(await hasAdmin(admins, tenantId, context));
  await context.sendActivity(
    needsFirstAdmin ? `${welcome}\n\n${firstAdminHowTo(tenantId, 'markdown', t)}` : welcome,
  );
}

async function hasAdmin(deps: AdminDirectoryDeps, tenantId: string, context: TurnContext): Promise<boolean> {
  if ((await tenantAdmins(deps, tenantId)).length > 0) return true;
  const installer = senderOf(context.activity);
  return installer !== undefined && (await callerIsAdmin(deps, tenantId, installer));
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
