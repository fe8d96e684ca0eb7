import type { TurnContext } from 'botbuilder';
import type { Application, AdaptiveCard, TurnState } from '@microsoft/teams-ai';
import type { DeliveryLedger } from '../../core/delivery';
import { type MilestoneKind, snoozeUntilTomorrow, type SnoozeStore } from '../../core/milestones';
import type { PeopleDirectory } from '../../core/people';
import { tenantSettingsOf, type SettingsStore } from '../../core/settings';
import { expandCard } from '../teams/cardRender';
import { sentToCaller } from '../teams/sentCard';
import { translatorOf } from '../i18n/turnLanguage';
import type { MessageKey } from '../i18n/catalogues';
import type { Translator } from '../i18n/translator';
import { messageCard, noticeCard } from './milestoneCards';
import { readPayload } from '../teams/payload';
import { reminderAction } from './actions';

/** What the reminder card's actions need. */
export interface ReminderActionDeps {
  people: PeopleDirectory;
  settings: SettingsStore;
  snoozes: SnoozeStore;
  /** Where each reminder's recipient and subject were recorded when it was sent. */
  deliveries: DeliveryLedger;
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

/** A small card that replaces the reminder once the manager acted on it, in the turn's language. */
function confirmation(
  t: Translator,
  text: string,
  undo?: { verb: string; deliveryId: string },
): AdaptiveCard {
  const card = undo
    ? expandCard(noticeCard, {
        text,
        undoVerb: undo.verb,
        undoTitle: t.text('milestones.notice.undo'),
        deliveryId: undo.deliveryId,
      })
    : messageCard(text);
  return card as unknown as AdaptiveCard;
}

/** A name, or "this person" when the person is no longer in the directory. */
const named = (name: string | undefined) => ({ named: name ? 'yes' : 'no', name: name ?? '' });

/** Registers Snooze and "Don't remind me for …" on reminder cards. */
export function registerReminderActions(app: Application<TurnState>, deps: ReminderActionDeps): void {
  /** The reminder an action names, when it was sent to the caller; else why nothing is done. */
  const reminderFor = async (context: TurnContext, payload: unknown, unreadable: MessageKey) => {
    const t = translatorOf(context);
    const data = readPayload(reminderAction, payload);
    if (!data?.deliveryId) return { refusal: confirmation(t, t.text(unreadable)) };
    const sent = await sentToCaller(context, deps.deliveries, data.deliveryId, ['reminder']);
    if (!sent) return { refusal: confirmation(t, t.text('milestones.notSentToYou')) };
    return { sent };
  };

  app.adaptiveCards.actionExecute<Record<string, unknown>>(
    'snoozeReminder',
    async (context, _state, payload) => {
      const t = translatorOf(context);
      const found = await reminderFor(context, payload, 'milestones.snooze.unavailable');
      if (!found.sent) return found.refusal;
      const { tenantId, callerId, delivery } = found.sent;
      const { subject } = delivery;
      const kind = KINDS.find((k) => k === subject.kind);
      if (!kind) return confirmation(t, t.text('milestones.snooze.unavailable'));
      const [manager, person, settings] = await Promise.all([
        deps.people.get(tenantId, callerId),
        deps.people.get(tenantId, subject.personId),
        tenantSettingsOf(deps.settings, tenantId, deps.defaultTimeZone),
      ]);
      const result = snoozeUntilTomorrow(
        {
          tenantId,
          deliveryId: delivery.id,
          managerId: callerId,
          personId: subject.personId,
          kind,
          date: subject.date,
          occursOn: subject.occursOn,
          ...(subject.years !== undefined ? { years: subject.years } : {}),
        },
        { timeZone: manager?.timeZone ?? settings.defaultTimeZone, sendHour: settings.sendHour },
        deps.now(),
      );
      if (!result.ok) return confirmation(t, t.text('milestones.snooze.dayAlreadyHere'));
      await deps.snoozes.save(result.snooze);
      return confirmation(t, t.text('milestones.snooze.done', named(person?.displayName)));
    },
  );

  const setMuted = async (tenantId: string, managerId: string, personId: string, muted: boolean) => {
    const manager = await deps.people.get(tenantId, managerId);
    if (!manager) return false;
    const others = (manager.mutedReminders ?? []).filter((id) => id !== personId);
    await deps.people.save({ ...manager, mutedReminders: muted ? [...others, personId] : others });
    return true;
  };

  app.adaptiveCards.actionExecute<Record<string, unknown>>(
    'muteReminders',
    async (context, _state, payload) => {
      const t = translatorOf(context);
      const found = await reminderFor(context, payload, 'milestones.reminder.unavailable');
      if (!found.sent) return found.refusal;
      const { tenantId, callerId, delivery } = found.sent;
      const personId = delivery.subject.personId;
      const person = await deps.people.get(tenantId, personId);
      if (!(await setMuted(tenantId, callerId, personId, true))) {
        return confirmation(t, t.text('milestones.mute.notInDirectory'));
      }
      return confirmation(t, t.text('milestones.mute.done', named(person?.displayName)), {
        verb: 'unmuteReminders',
        deliveryId: delivery.id,
      });
    },
  );

  app.adaptiveCards.actionExecute<Record<string, unknown>>(
    'unmuteReminders',
    async (context, _state, payload) => {
      const t = translatorOf(context);
      const found = await reminderFor(context, payload, 'milestones.reminder.unavailable');
      if (!found.sent) return found.refusal;
      const { tenantId, callerId, delivery } = found.sent;
      const person = await deps.people.get(tenantId, delivery.subject.personId);
      await setMuted(tenantId, callerId, delivery.subject.personId, false);
      return confirmation(t, t.text('milestones.unmute.done', named(person?.displayName)));
    },
  );
}
