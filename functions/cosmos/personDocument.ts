import type { Person } from '../../core/people';
import type { Logger } from '../../core/shared';
import { DocumentReader, fromDocument } from './documents';
import { personSchema } from './schemas/people';

/**
 * A person as stored in the `people` container: the Person plus fields derived from it, so that
 * the milestone job can find people by an indexed equality instead of reading the directory.
 *
 * - `birthday` (`MM-DD`) is queried as it is: it has no year to strip.
 * - `hireMonthDay` (`MM-DD` of `hireDate`): work anniversaries.
 * - `hireDate` (`YYYY-MM-DD`) is queried as it is: new-hire check-ins.
 *
 * The container indexes every path (containers.json), so these need no index change.
 */
export type PersonDocument = Person & { hireMonthDay?: string };

/** The fields {@link toPersonDocument} adds; {@link storedPersonSchema} strips them again. */
export const DERIVED_PERSON_FIELDS = ['hireMonthDay'] as const;

/**
 * The document to store for `person`. Every write of a person must go through this, or the
 * derived fields go stale and the job misses that person's anniversaries.
 */
export function toPersonDocument(person: Person): PersonDocument {
  // Rebuilt rather than spread over the old value: a hire date removed must remove its month-day.
  const { hireMonthDay: _stale, ...rest } = person as PersonDocument;
  return person.hireDate ? { ...rest, hireMonthDay: person.hireDate.slice(5, 10) } : rest;
}

/** A stored person checked against {@link personSchema}, as the Person without the derived fields. */
export const storedPersonSchema = personSchema.transform((document): Person => {
  const person: Record<string, unknown> & Person = { ...document };
  for (const field of DERIVED_PERSON_FIELDS) delete person[field];
  return person;
});

/** The reader every repository of the `people` container parses its documents with. */
export function personReader(logger: Logger): DocumentReader<Person> {
  return new DocumentReader('person', storedPersonSchema, logger);
}

/**
 * The Person of a stored document, without Cosmos' system fields or the derived ones; throws when
 * the document is not a person (for tools and tests; repositories use {@link personReader}).
 */
export function fromPersonDocument(resource: unknown): Person {
  return storedPersonSchema.parse(fromDocument<unknown>(resource));
}
