import type { Application, AdaptiveCard, TurnState } from '@microsoft/teams-ai';
import { type MilestoneKind, snoozeUntilTomorrow, type SnoozeStore } from '../../core/milestones';
import type { PeopleDirectory } from '../../core/people';
import { tenantSettingsOf, type SettingsStore } from '../../core/settings';
import { senderOf, tenantOf } from '../teams/conversationRecord';
import { expandCard } from '../teams/cardRender';
import { noticeCard } from './milestoneCards';
import { readPayload } from '../teams/payload';
import { muteRemindersAction, snoozeReminderAction } from './actions';

/** What the reminder card's actions need. */
export interface ReminderActionDeps {
  people: PeopleDirectory;
  settings: SettingsStore;
  snoozes: SnoozeStore;
  now: () => Date;
  defaultTimeZone: string;
}

const KINDS: readonly MilestoneKind[] = [
  'birthday',
  'anniversary',
  'first-day',
  'first-week',
  'day-30',
  'day-90',
];

/** A small card that replaces the reminder once the manager acted on it. */
function confirmation(text: string, undo?: { verb: string; personId: string }): AdaptiveCard {
  const card = expandCard(noticeCard, { text, undoVerb: undo?.verb ?? '', personId: undo?.personId ?? '' });
  return card as unknown as AdaptiveCard;
}

/** Registers Snooze and "Don't remind me for …" on reminder cards. */
export function registerReminderActions(app: Application<TurnState>, deps: ReminderActionDeps): void {
  const caller = (context: Parameters<Parameters<typeof app.adaptiveCards.actionExecute>[1]>[0]) => {
    const tenantId = tenantOf(context.activity);
    const managerId = senderOf(context.activity);
    return tenantId && managerId ? { tenantId, managerId } : undefined;
  };

  app.adaptiveCards.actionExecute<Record<string, unknown>>(
    'snoozeReminder',
    async (context, _state, payload) => {
      const data = readPayload(snoozeReminderAction, payload) ?? {};
      const who = caller(context);
      const kind = KINDS.find((k) => k === data.kind);
      if (!who || !kind || !data.personId || !data.date || !data.occursOn || !data.deliveryId) {
        return confirmation('This reminder can no longer be snoozed.');
      }
      const [manager, person, settings] = await Promise.all([
        deps.people.get(who.tenantId, who.managerId),
        deps.people.get(who.tenantId, data.personId),
        tenantSettingsOf(deps.settings, who.tenantId, deps.defaultTimeZone),
      ]);
      const result = snoozeUntilTomorrow(
        {
          tenantId: who.tenantId,
          deliveryId: data.deliveryId,
          managerId: who.managerId,
          personId: data.personId,
          kind,
          date: data.date,
          occursOn: data.occursOn,
          ...(data.years ? { years: Number(data.years) } : {}),
        },
        { timeZone: manager?.timeZone ?? settings.defaultTimeZone, sendHour: settings.sendHour },
        deps.now(),
      );
      if (!result.ok) return confirmation(result.message);
      await deps.snoozes.save(result.snooze);
      return confirmation(
        `Snoozed. I’ll remind you about ${person?.displayName ?? 'this'} again tomorrow morning.`,
      );
    },
  );

  const setMuted = async (tenantId: string, managerId: string, personId: string, muted: boolean) => {
    const manager = await deps.people.get(tenantId, managerId);
    if (!manager) return false;
    const others = (manager.mutedReminders ?? []).filter((id) => id !== personId);
    await deps.people.save({ ...manager, mutedReminders: muted ? [...others, personId] : others });
    return true;
  };

  app.adaptiveCards.actionExecute<{ personId?: unknown }>(
    'muteReminders',
    async (context, _state, payload) => {
      const data = readPayload(muteRemindersAction, payload) ?? {};
      const who = caller(context);
      if (!who || !data.personId) return confirmation('This reminder is no longer available.');
      const person = await deps.people.get(who.tenantId, data.personId);
      if (!(await setMuted(who.tenantId, who.managerId, data.personId, true))) {
        return confirmation('Moments does not have you in its directory yet, so there is nothing to change.');
      }
      return confirmation(`You won’t get reminders about ${person?.displayName ?? 'this person'} any more.`, {
        verb: 'unmuteReminders',
        personId: data.personId,
      });
    },
  );

  app.adaptiveCards.actionExecute<{ personId?: unknown }>(
    'unmuteReminders',
    async (context, _state, payload) => {
      const data = readPayload(muteRemindersAction, payload) ?? {};
      const who = caller(context);
      if (!who || !data.personId) return confirmation('This reminder is no longer available.');
      const person = await deps.people.get(who.tenantId, data.personId);
      await setMuted(who.tenantId, who.managerId, data.personId, false);
      return confirmation(`Reminders about ${person?.displayName ?? 'this person'} are back on.`);
    },
  );
}
