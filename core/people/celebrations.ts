import type { CelebrationPreference, Person } from './directory';

/** The milestones a person chooses the celebration of. */
export type CelebrationOccasion = 'birthday' | 'anniversary';

/**
 * Where a person's celebration preference comes from: `self` they chose it in `my settings`,
 * `import` the people file (HR) set it, `default` nobody did and the tenant's default applies.
 */
export type CelebrationSource = 'self' | 'import' | 'default';

/**
 * The celebration that applies to `person`'s `occasion`: what they chose, else what the people file
 * set, else the tenant's `defaultCelebration`. Every decision about celebrating someone (the
 * milestone planner, the digest, `my data`, `my settings`) goes through here, so "not chosen"
 * means the same everywhere: private by default unless an admin changes the tenant's default.
 */
export function effectiveCelebration(
  person: Pick<Person, 'celebrate'>,
  occasion: CelebrationOccasion,
  tenantDefault: CelebrationPreference,
): CelebrationPreference {
  return person.celebrate[occasion] ?? tenantDefault;
}

/**
 * Where the celebration {@link effectiveCelebration} gives for `occasion` comes from. Records
 * stored before the source was kept have a value for both occasions and no source: theirs when
 * they chose in `my settings` (`ownSettings`), else the people file's (an import used to fill an
 * empty cell with `public`, which cannot be told from a value written in the file). Either way it
 * keeps applying as before; their own choice replaces it, and so does a file that gives a value.
 */
export function celebrationSource(
  person: Pick<Person, 'celebrate' | 'celebrateSource' | 'ownSettings'>,
  occasion: CelebrationOccasion,
): CelebrationSource {
  if (person.celebrate[occasion] === undefined) return 'default';
  return person.celebrateSource ?? (person.ownSettings ? 'self' : 'import');
}
