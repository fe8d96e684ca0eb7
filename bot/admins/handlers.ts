import type { TurnContext } from 'botbuilder';
import type { Application, TurnState } from '@microsoft/teams-ai';
import { registerMembers, type ErasureRegister, type PeopleDirectory } from '../../core/people';
import {
  addAdmin,
  callerIsAdmin,
  removeAdmin,
  tenantAdmins,
  type AdminChangeDeps,
  type AdminTarget,
  type AuditTrail,
  type NamedAdmins,
  type SettingsStore,
} from '../../core/settings';
import { senderOf, tenantOf } from '../teams/conversationRecord';
import { peopleMentioned } from '../kudos/mentionCommand';
import { aadIdOf } from '../kudos/roster';
import { translatorOf } from '../i18n/turnLanguage';
import { textAfterCommand } from '../i18n/commands';
import {
  adminChangeText,
  adminListForAdmin,
  adminListForOthers,
  firstAdminHowTo,
  mentionSomeone,
} from './wording';

/** What the admin commands need. */
export interface AdminHandlerDeps {
  people: PeopleDirectory;
  erasures: ErasureRegister;
  settings: SettingsStore;
  audit: AuditTrail;
  namedAdmins: NamedAdmins;
  now: () => Date;
  defaultTimeZone: string;
}

/**
 * What follows the command word: `list` (or nothing), or `add`/`remove` and who. The command word
 * is each language's; the sub-commands are English in every language.
 */
const LIST = /^(list)?$/i;
const CHANGE = /^(add|remove)\b\s*(.*)$/is;

/** The `admins` command's rest when it matches `pattern`. */
const adminsCommand = (pattern: RegExp) => (text: string | undefined) => {
  const rest = textAfterCommand('admins', text ?? '');
  return rest === undefined ? undefined : (pattern.exec(rest) ?? undefined);
};
const listAsked = adminsCommand(LIST);
const changeAsked = adminsCommand(CHANGE);

/** Sends plain text: names people typed or chose never become markdown. */
const say = (context: TurnContext, text: string) =>
  context.sendActivity({ type: 'message', text, textFormat: 'plain' });

/**
 * The people a change is about: each person mentioned (a Teams member id resolved to their AAD
 * object id, and added to the directory when missing), or an e-mail address typed instead.
 */
async function targetsOf(
  context: TurnContext,
  deps: AdminHandlerDeps,
  tenantId: string,
  rest: string,
): Promise<AdminTarget[]> {
  const mentions = peopleMentioned(context.activity);
  if (mentions.length === 0) {
    const typed = rest.replace(/<at>[^<]*<\/at>/g, '').trim();
    return /^[^\s@]+@[^\s@]+$/.test(typed) ? [typed] : [];
  }
  const people = await Promise.all(
    mentions.map(async (mention) =>
      mention.mentioned.id.startsWith('29:')
        ? aadIdOf(context, mention.mentioned.id)
        : { id: mention.mentioned.id, name: mention.mentioned.name },
    ),
  );
  const known = people.filter((p): p is { id: string; name: string } => p !== undefined);
  await registerMembers(
    deps,
    tenantId,
    known.map((p) => ({ id: p.id, displayName: p.name })),
  );
  return known;
}

/** Registers `admins`, `admins add @Name` and `admins remove @Name`. */
export function registerAdmins(app: Application<TurnState>, deps: AdminHandlerDeps): void {
  const changes: AdminChangeDeps = deps;

  const isMessage = (context: TurnContext, asked: (text: string | undefined) => unknown) =>
    Promise.resolve(context.activity.type === 'message' && asked(context.activity.text) !== undefined);

  app.message(
    (context) => isMessage(context, listAsked),
    async (context) => {
      const t = translatorOf(context);
      const tenantId = tenantOf(context.activity);
      const callerId = senderOf(context.activity);
      if (!tenantId || !callerId) return void (await say(context, t.text('admins.notFromTeams')));
      const admins = await tenantAdmins(deps, tenantId);
      if (admins.length === 0) return void (await say(context, firstAdminHowTo(tenantId, 'plain', t)));
      const isAdmin = await callerIsAdmin(deps, tenantId, callerId);
      await say(context, isAdmin ? adminListForAdmin(t, admins) : adminListForOthers(t, admins, 'list'));
    },
  );

  app.message(
    (context) => isMessage(context, changeAsked),
    async (context) => {
      const t = translatorOf(context);
      const tenantId = tenantOf(context.activity);
      const callerId = senderOf(context.activity);
      if (!tenantId || !callerId) return void (await say(context, t.text('admins.notFromTeams')));
      if (!(await callerIsAdmin(deps, tenantId, callerId))) {
        const admins = await tenantAdmins(deps, tenantId);
        await say(
          context,
          admins.length === 0
            ? firstAdminHowTo(tenantId, 'plain', t)
            : adminListForOthers(t, admins, 'change'),
        );
        return;
      }
      const [, verb = '', rest = ''] = changeAsked(context.activity.text) ?? [];
      const targets = await targetsOf(context, deps, tenantId, rest);
      if (targets.length === 0) return void (await say(context, mentionSomeone(t)));
      const by = { id: callerId, name: context.activity.from?.name ?? callerId, via: 'teams' as const };
      const lines: string[] = [];
      for (const target of targets) {
        const request = { tenantId, target, by, at: deps.now() };
        const change =
          verb.toLowerCase() === 'add'
            ? await addAdmin(changes, request)
            : await removeAdmin(changes, request);
        lines.push(adminChangeText(t, change));
      }
      await say(context, lines.join('\n'));
    },
  );
}
