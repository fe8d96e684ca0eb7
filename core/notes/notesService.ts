import { addDays, localDateOf, readUserText } from '../shared';
import { isCalendarDate, type PeopleDirectory } from '../people';
import type { Note, NoteStore } from './note';

/** At most this many visible characters in a note. */
export const MAX_NOTE_LENGTH = 1000;

/** How far a snoozed follow-up moves. */
export const SNOOZE_DAYS = 7;

export type NoteErrorCode =
  | 'NOTES.EMPTY_TEXT'
  | 'NOTES.TEXT_TOO_LONG'
  | 'NOTES.BAD_DATE'
  | 'NOTES.PAST_DATE'
  | 'NOTES.UNKNOWN_PERSON'
  | 'NOTES.NOT_FOUND';

/**
 * A refusal: nothing was changed. The edge words it from `code` (and `length`) in the reader's
 * language; `field` says which input to show it beside.
 */
export interface NoteRefusal {
  ok: false;
  code: NoteErrorCode;
  field?: 'subject' | 'text' | 'followUpOn';
  /** For `NOTES.TEXT_TOO_LONG`: the most visible characters a note may have, and how many it had. */
  length?: { max: number; actual: number };
}

export type NoteResult = { ok: true; note: Note } | NoteRefusal;

/** What the author typed or picked. */
export interface NoteInput {
  subjectId: string;
  text: string;
  /** `YYYY-MM-DD`, or empty/undefined for no follow-up. */
  followUpOn?: string;
  /** "Bring this up at our next 1:1" ticked or not; undefined leaves an edited note's mark as it was. */
  nextOneOnOne?: boolean;
}

const refuse = (code: NoteErrorCode, field?: NoteRefusal['field']): NoteRefusal => ({
  ok: false,
  code,
  ...(field ? { field } : {}),
});

const NOT_FOUND = refuse('NOTES.NOT_FOUND');

/** The id of the note a submission creates: a retried or double-clicked save stores one. */
export function noteIdFor(submissionId: string): string {
  return `note-${submissionId.replace(/[^A-Za-z0-9_.-]/g, '_')}`;
}

/** Adding, changing and finishing private notes, always as their author. */
export class NotesService {
  constructor(
    private readonly notes: NoteStore,
    private readonly people: PeopleDirectory,
    private readonly defaultTimeZone: string,
  ) {}

  /** The author's local date at `now`. */
  async todayFor(tenantId: string, authorId: string, now: Date): Promise<string> {
    const author = await this.people.get(tenantId, authorId);
    return localDateOf(now, author?.timeZone ?? this.defaultTimeZone);
  }

  async add(
    request: NoteInput & { tenantId: string; authorId: string; submissionId: string },
    now: Date,
  ): Promise<NoteResult & { duplicate?: boolean }> {
    const id = noteIdFor(request.submissionId);
    const earlier = await this.notes.get(request.tenantId, request.authorId, id);
    if (earlier) return { ok: true, note: earlier, duplicate: true };
    const checked = await this.check(request.tenantId, request.authorId, request, now);
    if (!checked.ok) return checked;
    const note: Note = {
      tenantId: request.tenantId,
      id,
      authorId: request.authorId,
      subjectId: checked.subject.id,
      subjectName: checked.subject.displayName,
      text: checked.text,
      ...(checked.followUpOn ? { followUpOn: checked.followUpOn } : {}),
      ...(request.nextOneOnOne
        ? { nextOneOnOneSince: await this.todayFor(request.tenantId, request.authorId, now) }
        : {}),
      status: 'open',
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    };
    const created = await this.notes.create(note);
    if (!created.created) return { ok: true, note: created.existing, duplicate: true };
    return { ok: true, note };
  }

  async edit(
    tenantId: string,
    authorId: string,
    id: string,
    input: NoteInput,
    now: Date,
  ): Promise<NoteResult> {
    const current = await this.notes.get(tenantId, authorId, id);
    if (!current) return NOT_FOUND;
    const checked = await this.check(tenantId, authorId, input, now, current);
    if (!checked.ok) return checked;
    const { followUpOn: _old, nextOneOnOneSince: since, ...rest } = current;
    // Still ticked: the day it was first marked stands, so the 14 days do not start again.
    const marked =
      input.nextOneOnOne === false
        ? undefined
        : (since ?? (input.nextOneOnOne ? await this.todayFor(tenantId, authorId, now) : undefined));
    const note: Note = {
      ...rest,
      subjectId: checked.subject.id,
      subjectName: checked.subject.displayName,
      text: checked.text,
      ...(checked.followUpOn ? { followUpOn: checked.followUpOn } : {}),
      ...(marked ? { nextOneOnOneSince: marked } : {}),
      updatedAt: now.toISOString(),
    };
    await this.notes.save(note);
    return { ok: true, note };
  }

  async done(tenantId: string, authorId: string, id: string, now: Date): Promise<NoteResult> {
    // Done: it was raised, so it is no longer one for the next 1:1.
    return this.change(tenantId, authorId, id, now, ({ nextOneOnOneSince: _raised, ...note }) => ({
      ...note,
      status: 'done',
    }));
  }

  async reopen(tenantId: string, authorId: string, id: string, now: Date): Promise<NoteResult> {
    return this.change(tenantId, authorId, id, now, (note) => ({ ...note, status: 'open' }));
  }

  /** Moves the follow-up a week past today or its date, whichever is later, and keeps it open. */
  async snooze(tenantId: string, authorId: string, id: string, now: Date): Promise<NoteResult> {
    const today = await this.todayFor(tenantId, authorId, now);
    return this.change(tenantId, authorId, id, now, (note) => {
      const from = note.followUpOn && note.followUpOn > today ? note.followUpOn : today;
      return { ...note, status: 'open', followUpOn: addDays(from, SNOOZE_DAYS) };
    });
  }

  async delete(tenantId: string, authorId: string, id: string): Promise<NoteResult> {
    const current = await this.notes.get(tenantId, authorId, id);
    if (!current) return NOT_FOUND;
    await this.notes.remove(tenantId, authorId, id);
    return { ok: true, note: current };
  }

  /** One of the author's own notes; another author's id reads as not found. */
  async get(tenantId: string, authorId: string, id: string): Promise<NoteResult> {
    const note = await this.notes.get(tenantId, authorId, id);
    return note ? { ok: true, note } : NOT_FOUND;
  }

  /** The author's open notes, newest first. */
  open(tenantId: string, authorId: string): Promise<Note[]> {
    return this.notes.openByAuthor(tenantId, authorId);
  }

  /** The author's open notes about one person, newest first. */
  async openAbout(tenantId: string, authorId: string, subjectId: string): Promise<Note[]> {
    return (await this.notes.aboutSubject(tenantId, authorId, subjectId)).filter((n) => n.status === 'open');
  }

  private async change(
    tenantId: string,
    authorId: string,
    id: string,
    now: Date,
    update: (note: Note) => Note,
  ): Promise<NoteResult> {
    const current = await this.notes.get(tenantId, authorId, id);
    if (!current) return NOT_FOUND;
    const note = { ...update(current), updatedAt: now.toISOString() };
    await this.notes.save(note);
    return { ok: true, note };
  }

  private async check(
    tenantId: string,
    authorId: string,
    input: NoteInput,
    now: Date,
    current?: Note,
  ): Promise<
    | { ok: true; subject: { id: string; displayName: string }; text: string; followUpOn?: string }
    | NoteRefusal
  > {
    const subjectId = input.subjectId.trim();
    const found = subjectId ? await this.people.get(tenantId, subjectId) : undefined;
    const subject =
      found ??
      (current && current.subjectId === subjectId
        ? { id: subjectId, displayName: current.subjectName }
        : undefined);
    if (!subject) return refuse('NOTES.UNKNOWN_PERSON', 'subject');
    const read = readUserText(input.text, MAX_NOTE_LENGTH);
    if (!read.ok && read.problem === 'empty') return refuse('NOTES.EMPTY_TEXT', 'text');
    if (!read.ok) {
      return {
        ...refuse('NOTES.TEXT_TOO_LONG', 'text'),
        length: { max: MAX_NOTE_LENGTH, actual: read.length },
      };
    }
    const text = read.text;
    const followUpOn = input.followUpOn?.trim() ?? '';
    if (followUpOn) {
      if (!isCalendarDate(followUpOn)) {
        return refuse('NOTES.BAD_DATE', 'followUpOn');
      }
      // An unchanged date on an edit may be today or already past; a new one may not be in the past.
      const unchanged = current?.followUpOn === followUpOn;
      if (!unchanged && followUpOn < (await this.todayFor(tenantId, authorId, now))) {
        return refuse('NOTES.PAST_DATE', 'followUpOn');
      }
    }
    return {
      ok: true,
      subject: { id: subject.id, displayName: subject.displayName },
      text,
      ...(followUpOn ? { followUpOn } : {}),
    };
  }
}
