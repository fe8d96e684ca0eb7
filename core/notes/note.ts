/**
 * A private note a person keeps about a colleague. Only its author ever reads it: every read
 * names the author, and the follow-up job delivers a nudge to the author alone.
 */
export interface Note {
  tenantId: string;
  id: string;
  /** AAD object id of the person who wrote it (the partition key's second part). */
  authorId: string;
  subjectId: string;
  subjectName: string;
  text: string;
  /** `YYYY-MM-DD` in the author's zone: the day to be nudged on. */
  followUpOn?: string;
  /**
   * "Bring this up at our next 1:1": the author's local date (`YYYY-MM-DD`) they marked it on. The
   * note is a thing to ask in the next brief about its subject, and comes back as a nudge when no
   * 1:1 happened within 14 days. Cleared once it was raised (done) or unmarked.
   */
  nextOneOnOneSince?: string;
  status: 'open' | 'done';
  createdAt: string;
  updatedAt: string;
  /** The follow-up date a nudge was last delivered for. */
  nudgedFor?: string;
}

/** An author and the person they wrote about: what a reminder may show its recipient. */
export interface NotePair {
  authorId: string;
  subjectId: string;
}

/** One key per author and subject, for matching notes to the pairs a read asked for. */
export function notePairKey(pair: NotePair): string {
  return JSON.stringify([pair.authorId, pair.subjectId]);
}

/** The outcome of {@link NoteStore.create}: a note already stored under the id is returned as is. */
export type NoteCreateResult = { created: true } | { created: false; existing: Note };

/**
 * The notes port. Every read names the tenant and, except for the follow-up job's
 * {@link followUpsDue} and the privacy operations, the author: a caller only sees their own notes.
 */
export interface NoteStore {
  create(note: Note): Promise<NoteCreateResult>;
  get(tenantId: string, authorId: string, id: string): Promise<Note | undefined>;
  save(note: Note): Promise<void>;
  remove(tenantId: string, authorId: string, id: string): Promise<void>;
  /** The author's open notes, newest first. */
  openByAuthor(tenantId: string, authorId: string): Promise<Note[]>;
  /** The open notes of each of `authorIds`, newest first, in one read: {@link openByAuthor} for many. */
  openByAuthors(tenantId: string, authorIds: readonly string[]): Promise<Note[]>;
  /** The author's notes (open and done) about one person, newest first. */
  aboutSubject(tenantId: string, authorId: string, subjectId: string): Promise<Note[]>;
  /**
   * For the reminders of one run, in one read: each author's open notes about the person paired
   * with them, newest first. A note comes back only for its own author's pair, so a reminder to
   * that author is the only place it can show.
   */
  openAboutSubjects(tenantId: string, pairs: readonly NotePair[]): Promise<Note[]>;
  /** For the follow-up job only: open notes of any author with `followUpOn` among `dates`. */
  followUpsDue(tenantId: string, dates: readonly string[]): Promise<Note[]>;
  /** For the follow-up job only: open notes of any author marked for the next 1:1 on one of `dates`. */
  oneOnOnesMarkedOn(tenantId: string, dates: readonly string[]): Promise<Note[]>;
  /** How many notes anyone keeps about a person (for a data request; never their content). */
  countAbout(tenantId: string, subjectId: string): Promise<number>;
  /** Erases every note about a person; returns how many. */
  removeAbout(tenantId: string, subjectId: string): Promise<number>;
  /** Erases every note a person wrote; returns how many. */
  removeByAuthor(tenantId: string, authorId: string): Promise<number>;
}
