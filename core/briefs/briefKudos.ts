import { localDateOf } from '../shared';
import { textTravels, type Recognition } from '../kudos';
import type { Person } from '../people';
import type { CompanyValue } from '../settings';
import type { BriefKudos, BriefSection } from './brief';

const DAY = 24 * 60 * 60 * 1000;

/** Who reads a brief about whom, and where its dates are counted. */
export interface KudosView {
  reader: Person;
  person: Person;
  /** The reader is the person's manager. */
  readerManages: boolean;
  readerZone: string;
}

/**
 * Whether a kudos' words may reach the reader: they were in it (giver or recipient), or
 * {@link textTravels} allows it. "Let their manager see this" lets the recipients' managers see
 * it, so it counts only for a reader who manages the person and the person received it.
 */
export function textShownTo(kudos: Recognition, view: KudosView): boolean {
  const { reader, person } = view;
  if (kudos.giver.id === reader.id || kudos.recipientIds.includes(reader.id)) return true;
  const managerOfRecipient = view.readerManages && kudos.recipientIds.includes(person.id);
  return textTravels({ ...kudos, managerMaySee: kudos.managerMaySee === true && managerOfRecipient });
}

/** Each kudos once, newest first (reads may overlap). */
export function onceEach(kudos: readonly Recognition[]): Recognition[] {
  return [...new Map(kudos.map((k) => [k.id, k])).values()].sort((a, b) =>
    b.createdAt.localeCompare(a.createdAt),
  );
}

/** A kudos as a brief lists it: the other side, the value, the date, and the words when they may be shown. */
export function briefKudos(kudos: Recognition, side: 'received' | 'given', view: KudosView): BriefKudos {
  const message = textShownTo(kudos, view) ? kudos.message : undefined;
  return {
    id: kudos.id,
    people: side === 'received' ? [kudos.giver] : kudos.recipients,
    valueName: kudos.value.name,
    ...(message !== undefined ? { message } : {}),
    on: localDateOf(new Date(kudos.createdAt), view.readerZone),
  };
}

/** At most `max` rows, and how many more there were. */
export function sectionOf<T>(items: readonly T[], max: number): BriefSection<T> {
  return { rows: items.slice(0, max), more: Math.max(0, items.length - max) };
}

/** The tenant's current values none of `received` (in the last `days` up to `now`) was given for. */
export function valuesNotRecognised(
  values: readonly CompanyValue[],
  received: readonly Recognition[],
  now: Date,
  days: number,
): string[] {
  const from = new Date(now.getTime() - days * DAY).toISOString();
  const recognised = new Set(received.filter((k) => k.createdAt >= from).map((k) => k.value.id));
  return values.filter((v) => !v.retired && !recognised.has(v.id)).map((v) => v.name);
}
