// Row helpers every section of the digest shares.
import { shorten } from '../shared';
import type { Person } from '../people';
import { textTravels, type PersonRef, type Recognition } from '../kudos';
import type { DigestSection, KudosHighlight } from './digest';

/** A person as a digest row names them. */
export const refOf = (person: Pick<Person, 'id' | 'displayName'>): PersonRef => ({
  id: person.id,
  name: person.displayName,
});

/** The first `max` rows, and how many were left out. */
export function section<T>(rows: T[], max: number): DigestSection<T> {
  return { rows: rows.slice(0, max), more: Math.max(0, rows.length - max) };
}

/**
 * One kudos as a digest shows it, seen from `person`'s side; the message shortened to 140, or ''
 * when it may not leave the conversation it was given in (then the value and the people only).
 */
export function highlight(kudos: Recognition, person: PersonRef): KudosHighlight {
  return {
    person,
    valueName: kudos.value.name,
    message: textTravels(kudos) ? shorten(kudos.message, 140) : '',
    createdAt: kudos.createdAt,
  };
}

/** Sorts kudos newest first. */
export const newestFirst = (a: Recognition, b: Recognition) => b.createdAt.localeCompare(a.createdAt);
