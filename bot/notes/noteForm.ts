import { randomUUID } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import type { Logger } from '../../core/shared';
import { expandCard } from '../teams/cardRender';
import type { MemberDirectory } from '../../core/people';
import { likelyPeople, type Choice } from '../kudos/roster';
import { noteFormCard } from './noteCards';

/** Who is writing notes, in which tenant. */
export interface Author {
  tenantId: string;
  authorId: string;
}

/** What the note form shows: a note being edited, or a new one (with what is known of it). */
export interface NoteFormFields {
  noteId?: string;
  submissionId?: string;
  subject?: string;
  text?: string;
  followUpOn?: string;
  error?: string;
}

/**
 * The note form, offering the people the author most likely writes about; `extra` is offered too
 * when the note is about someone else (the person a digest or reminder named, or the note's own).
 */
export async function noteForm(
  context: TurnContext,
  deps: MemberDirectory & { logger: Logger },
  author: Author,
  fields: NoteFormFields,
  extra?: Choice,
): Promise<Record<string, unknown>> {
  const people = await likelyPeople(context, deps, author.tenantId, author.authorId);
  if (extra && !people.some((p) => p.value === extra.value)) people.unshift(extra);
  return expandCard(noteFormCard, {
    title: fields.noteId ? 'Edit note' : 'New note',
    noteId: fields.noteId ?? '',
    submissionId: fields.submissionId || randomUUID(),
    people,
    subject: fields.subject ?? '',
    text: fields.text ?? '',
    followUpOn: fields.followUpOn ?? '',
    error: fields.error ?? '',
  });
}
