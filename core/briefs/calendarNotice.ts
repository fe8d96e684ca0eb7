import { chatsForRun, deliverOnce, deliveryId, reachOf } from '../delivery';
import { languageOf } from '../people';
import { tenantAdmins, type TenantSettings } from '../settings';
import type { BriefJobDeps, BriefSend } from './briefJob';

/** The ledger id of the notice telling one admin that Graph refused to read calendars. */
export function calendarForbiddenNoticeId(adminId: string): string {
  return deliveryId('notice', 'calendar-forbidden', adminId);
}

/**
 * Tells each of the tenant's admins, once (the ledger remembers it), that Graph refused to read
 * managers' calendars: the app lacks the permission, or an access policy leaves their mailboxes
 * out. Every run after that only logs it; a notice that could not go out is tried again next run.
 */
export async function noticeForbiddenCalendars(
  deps: BriefJobDeps,
  run: { tenantId: string; now: Date; dryRun: boolean; settings: TenantSettings },
  managers: number,
): Promise<BriefSend[]> {
  const { tenantId, now, dryRun, settings } = run;
  const admins = await tenantAdmins(
    { settings: deps.settings, people: deps.people, namedAdmins: deps.namedAdmins },
    tenantId,
    settings,
  );
  const pending = [];
  for (const admin of admins) {
    const id = calendarForbiddenNoticeId(admin.id);
    if ((await deps.deliveries.get(tenantId, id))?.status !== 'sent') pending.push({ admin, id });
  }
  if (pending.length === 0) return [];
  const people = new Map(
    (
      await deps.people.findMany(
        tenantId,
        pending.map((p) => p.admin.id),
      )
    ).map((p) => [p.id, p] as const),
  );
  const chatWith = chatsForRun(
    reachOf(deps),
    { tenantId, now, dryRun },
    pending.map((p) => p.admin.id),
  );
  const sends: BriefSend[] = [];
  for (const { admin, id } of pending) {
    const line: BriefSend = {
      tenantId,
      managerId: admin.id,
      kind: 'notice',
      deliveryId: id,
      outcome: 'planned',
    };
    const found = await chatWith(admin.id);
    if ('unreachable' in found) {
      sends.push({ ...line, outcome: 'unreachable', unreachable: found.unreachable });
      continue;
    }
    if (dryRun || !('chat' in found)) {
      sends.push(line);
      continue;
    }
    const person = people.get(admin.id);
    const reader = {
      language: languageOf(person, settings.defaultLanguage),
      timeZone: person?.timeZone ?? settings.defaultTimeZone,
    };
    const outcome = await deliverOnce(
      deps.deliveries,
      deps.logger,
      {
        tenantId,
        id,
        kind: 'notice',
        now,
        ...(deps.gate ? { gate: deps.gate } : {}),
        ...(deps.clock ? { clock: deps.clock } : {}),
        recipientId: admin.id,
      },
      () => deps.notifier.sendCalendarForbidden(found.chat, managers, reader),
    );
    sends.push({ ...line, outcome });
  }
  return sends;
}
