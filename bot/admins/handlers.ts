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
import { adminListForAdmin, adminListForOthers, firstAdminHowTo, MENTION_SOMEONE } from './wording';

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

const LIST = /^\s*admins(\s+list)?\s*$/i;
const CHANGE = /^\s*admins\s+(add|remove)\b\s*(.*)$/is;

const NOT_FROM_TEAMS =
  'Moments could not tell who you are in which organisation, so nothing was shown or changed.';

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

  app.message(LIST, async (context) => {
    const tenantId = tenantOf(context.activity);
    const callerId = senderOf(context.activity);
    if (!tenantId || !callerId) return void (await say(context, NOT_FROM_TEAMS));
    const admins = await tenantAdmins(deps, tenantId);
    if (admins.length === 0) return void (await say(context, firstAdminHowTo(tenantId, 'plain')));
    const isAdmin = await callerIsAdmin(deps, tenantId, callerId);
    await say(context, isAdmin ? adminListForAdmin(admins) : adminListForOthers(admins, 'list'));
  });

  app.message(CHANGE, async (context) => {
    const tenantId = tenantOf(context.activity);
    const callerId = senderOf(context.activity);
    if (!tenantId || !callerId) return void (await say(context, NOT_FROM_TEAMS));
    if (!(await callerIsAdmin(deps, tenantId, callerId))) {
      const admins = await tenantAdmins(deps, tenantId);
      await say(
        context,
        admins.length === 0 ? firstAdminHowTo(tenantId, 'plain') : adminListForOthers(admins, 'change'),
      );
      return;
    }
    const [, verb = '', rest = ''] = CHANGE.exec(context.activity.text ?? '') ?? [];
    const targets = await targetsOf(context, deps, tenantId, rest);
    if (targets.length === 0) return void (await say(context, MENTION_SOMEONE));
    const by = { id: callerId, name: context.activity.from?.name ?? callerId, via: 'teams' as const };
    const lines: string[] = [];
    for (const target of targets) {
      const request = { tenantId, target, by, at: deps.now() };
      const change =
        verb.toLowerCase() === 'add' ? await addAdmin(changes, request) : await removeAdmin(changes, request);
      lines.push(change.ok ? change.summary : `${change.message} Nothing was changed.`);
    }
    await say(context, lines.join('\n'));
  });
}
