/** Who a note command or list is about: the people of the author's notes, found by name. */
import type { Note } from '../../core/notes';
import type { Choice } from '../kudos/roster';

/** The people the author's open notes are about, by name, for "Show the notes about". */
export function subjectsOf(notes: Note[]): Choice[] {
  const byId = new Map(notes.map((n) => [n.subjectId, n.subjectName]));
  return [...byId].map(([value, title]) => ({ title, value })).sort((a, b) => a.title.localeCompare(b.title));
}

/** The choice whose name `query` names: the full name, or a first name, without case. */
export function matchName(choices: Choice[], query: string): Choice | undefined {
  const wanted = query.trim().replace(/^@/, '').toLowerCase();
  if (!wanted) return undefined;
  return (
    choices.find((c) => c.title.toLowerCase() === wanted) ??
    choices.find((c) => c.title.toLowerCase().split(/\s+/)[0] === wanted) ??
    choices.find((c) => c.title.toLowerCase().startsWith(wanted))
  );
}

/**
 * What follows the `note` command: the person it starts with, when it starts with one of
 * `choices` by full or first name (`Megan ask how the launch went`), and the rest as the note.
 */
export function splitLeadingName(choices: Choice[], typed: string): { subject: string; text: string } {
  const rest = typed.trim();
  const lower = rest.replace(/^@/, '').toLowerCase();
  const named = choices
    .flatMap((p) => [
      { p, name: p.title.toLowerCase() },
      { p, name: p.title.toLowerCase().split(/\s+/)[0] ?? '' },
    ])
    .find(({ name }) => name && (lower === name || lower.startsWith(`${name} `)));
  if (!named) return { subject: '', text: rest };
  const text = rest
    .replace(/^@/, '')
    .slice(named.name.length)
    .replace(/^[\s,:–-]+/, '');
  return { subject: named.p.value, text };
}
