import { randomUUID } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import type { Logger } from '../../core/shared';
import { expandCard } from '../teams/cardRender';
import type { MemberDirectory } from '../../core/people';
import { MAX_NOTE_LENGTH } from '../../core/notes';
import { likelyPeople, type Choice } from '../kudos/roster';
import { translatorOf } from '../i18n/turnLanguage';
import type { Translator } from '../i18n/translator';
import { noteFormCard, type NoteFormData } from './noteCards';

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
  nextOneOnOne?: boolean;
  error?: string;
}

/** The form's data in the reader's language: `fields` as given, offering `people`. */
export function noteFormData(t: Translator, fields: NoteFormFields, people: Choice[]): NoteFormData {
  return {
    title: t.text(fields.noteId ? 'notes.form.titleEdit' : 'notes.form.titleNew'),
    intro: t.text('notes.form.intro'),
    noteId: fields.noteId ?? '',
    submissionId: fields.submissionId || randomUUID(),
    people,
    subject: fields.subject ?? '',
    text: fields.text ?? '',
    followUpOn: fields.followUpOn ?? '',
    nextOneOnOne: fields.nextOneOnOne ? 'true' : 'false',
    error: fields.error ?? '',
    labels: {
      subject: t.text('notes.form.subject'),
      subjectError: t.text('notes.form.subjectError'),
      subjectPlaceholder: t.text('notes.form.subjectPlaceholder'),
      text: t.text('notes.form.text'),
      textError: t.text('notes.form.textError', { max: t.number(MAX_NOTE_LENGTH) }),
      textPlaceholder: t.text('notes.form.textPlaceholder'),
      followUpOn: t.text('notes.form.followUpOn'),
      nextOneOnOne: t.text('notes.form.nextOneOnOne'),
      save: t.text('notes.form.save'),
    },
  };
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
  return expandCard(noteFormCard, noteFormData(translatorOf(context), fields, people));
}
