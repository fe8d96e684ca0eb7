import { randomUUID } from 'node:crypto';
import { CardFactory, type TurnContext } from 'botbuilder';
import type { AdaptiveCard, Application, TurnState } from '@microsoft/teams-ai';
import type { z } from 'zod';
import type { Logger } from '../../core/shared';
import { NotesService, type NoteStore } from '../../core/notes';
import type { ErasureRegister, PeopleDirectory } from '../../core/people';
import { personOfDelivery, type DeliveryLedger } from '../../core/delivery';
import { expandCard } from '../teams/cardRender';
import { noteListCard, noteNoticeCard } from './noteCards';
import { noteForm, type Author, type NoteFormFields } from './noteForm';
import { authorOf, personalAuthorOf } from './author';
import { conversationKindOf } from '../teams/turnContext';
import { likelyPeople, type Choice } from '../kudos/roster';
import { matchName, splitLeadingName, subjectsOf } from './subjects';
import { sentToCaller } from '../teams/sentCard';
import { checkInNoteText, noteListData, noticeData, refusalText, savedText } from './wording';
import { readPayload } from '../teams/payload';
import { translatorOf } from '../i18n/turnLanguage';
import { commandPattern, textAfterCommand } from '../i18n/commands';
import type { Translator } from '../i18n/translator';
import {
  finishNoteAction,
  listNotesAction,
  newNoteAction,
  noteAction,
  notesAboutAction,
  saveNoteAction,
} from './actions';

/** What the notes handlers need. */
export interface NotesDeps {
  notes: NoteStore;
  people: PeopleDirectory;
  erasures: ErasureRegister;
  /** Where the digests and reminders whose buttons open a note were recorded when sent. */
  deliveries: DeliveryLedger;
  logger: Logger;
  now: () => Date;
  defaultTimeZone: string;
}

const asCard = (card: Record<string, unknown>) => card as unknown as AdaptiveCard;

const notice = (t: Translator, message: string, showList = false) =>
  asCard(expandCard(noteNoticeCard, noticeData(t, message, showList)));

/**
 * Private notes, in the personal chat only: `note` opens the form, `notes` lists the open notes,
 * `notes <name>` those about one person. Elsewhere both answer with a pointer and show nothing,
 * and card actions arriving from anywhere but the personal chat change and show nothing.
 */
export function registerNotes(app: Application<TurnState>, deps: NotesDeps): void {
  const service = new NotesService(deps.notes, deps.people, deps.defaultTimeZone);

  const form = (context: TurnContext, author: Author, fields: NoteFormFields, extra?: Choice) =>
    noteForm(context, deps, author, fields, extra);

  const list = async (
    t: Translator,
    author: Author,
    options: { subjectId?: string; notice?: string } = {},
  ) => {
    const open = await service.open(author.tenantId, author.authorId);
    const shown = options.subjectId ? open.filter((n) => n.subjectId === options.subjectId) : open;
    const people = subjectsOf(open);
    const name =
      people.find((p) => p.value === options.subjectId)?.title ??
      (options.subjectId
        ? (await deps.people.get(author.tenantId, options.subjectId))?.displayName
        : undefined);
    return expandCard(
      noteListCard,
      noteListData(shown, t, {
        people,
        ...(options.subjectId ? { subject: { id: options.subjectId, ...(name ? { name } : {}) } } : {}),
        ...(options.notice ? { notice: options.notice } : {}),
      }),
    );
  };

  const send = (context: TurnContext, card: Record<string, unknown>) =>
    context.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] });

  // "notes", "notes Megan" (in any language's words): the author's open notes, or those about one person.
  app.message(commandPattern('notes', 'any'), async (context) => {
    const author = await personalAuthorOf(context);
    if (!author) return;
    const t = translatorOf(context);
    const query = textAfterCommand('notes', context.activity.text ?? '') ?? '';
    if (!query) {
      await send(context, await list(t, author));
      return;
    }
    const open = await service.open(author.tenantId, author.authorId);
    const subject =
      matchName(subjectsOf(open), query) ??
      matchName(await likelyPeople(context, deps, author.tenantId, author.authorId), query);
    await send(
      context,
      subject
        ? await list(t, author, { subjectId: subject.value })
        : await list(t, author, { notice: t.text('notes.noOneCalled', { query }) }),
    );
  });

  // "note", "note Megan ask how the launch went": the form, prefilled with what was typed.
  app.message(commandPattern('note', 'any'), async (context) => {
    const author = await personalAuthorOf(context);
    if (!author) return;
    const typed = textAfterCommand('note', context.activity.text ?? '') ?? '';
    const people = typed ? await likelyPeople(context, deps, author.tenantId, author.authorId) : [];
    const { subject, text } = splitLeadingName(people, typed);
    await send(context, await form(context, author, { subject, text }));
  });

  /**
   * Runs an action for the author, in the personal chat only, with its data read through the
   * verb's schema; data that does not read gets `refuse` (by default a notice) and changes nothing.
   */
  const action = <T>(
    verb: string,
    schema: z.ZodType<T, z.ZodTypeDef, unknown>,
    handler: (context: TurnContext, author: Author, data: T) => Promise<AdaptiveCard | string>,
    refuse: (context: TurnContext, author: Author) => Promise<AdaptiveCard> = async (context) => {
      const t = translatorOf(context);
      return notice(t, t.text('notes.unreadable'), true);
    },
  ) =>
    app.adaptiveCards.actionExecute<Record<string, unknown>>(verb, async (context, _state, payload) => {
      const t = translatorOf(context);
      if (conversationKindOf(context) !== 'personal') return notice(t, t.text('notes.private'));
      const author = authorOf(context);
      if (!author) return notice(t, t.text('notes.notFromTeams'));
      const data = readPayload(schema, payload);
      return data ? handler(context, author, data) : refuse(context, author);
    });

  // "New note" on the note list opens an empty form in its place. "Add note" on a digest or a brief
  // and "Ask how it's going" on a check-in reminder name the delivery they came with: the note is
  // about the person that delivery was about, and its form arrives as a new message so the card stays.
  action('newNote', newNoteAction, async (context, author, data) => {
    const t = translatorOf(context);
    if (!data.deliveryId) {
      // Only cards Moments delivered name a person; one without a delivery is forged or stale.
      return data.subject ? notice(t, t.text('notes.notSentToYou')) : asCard(await form(context, author, {}));
    }
    const sent = await sentToCaller(context, deps.deliveries, data.deliveryId, [
      'reminder',
      'digest',
      'brief',
    ]);
    const subjectId = sent ? personOfDelivery(sent.delivery, data.subject) : undefined;
    if (!sent || !subjectId) return notice(t, t.text('notes.notSentToYou'));
    const subject = await deps.people.get(author.tenantId, subjectId);
    const about = sent.delivery.subject;
    const text =
      subject && about.type === 'reminder' && (about.kind === 'day-30' || about.kind === 'day-90')
        ? checkInNoteText(about.kind, subject.displayName, t)
        : '';
    const card = subject
      ? await form(
          context,
          author,
          { subject: subject.id, text },
          { title: subject.displayName, value: subject.id },
        )
      : await form(context, author, {});
    await send(context, card);
    return subject
      ? t.text('notes.formBelowAbout', { name: subject.displayName })
      : t.text('notes.formBelow');
  });
  action('listNotes', listNotesAction, async (context, author) =>
    asCard(await list(translatorOf(context), author)),
  );
  action('notesAbout', notesAboutAction, async (context, author, data) => {
    const subjectId = data.subject;
    return asCard(await list(translatorOf(context), author, subjectId ? { subjectId } : {}));
  });

  const saveNote = async (context: TurnContext, author: Author, data: z.infer<typeof saveNoteAction>) => {
    const noteId = data.noteId ?? '';
    const input = {
      subjectId: data.subject ?? '',
      text: data.text ?? '',
      followUpOn: data.followUpOn ?? '',
      // A form without the toggle (sent before it existed) leaves an edited note's mark alone.
      ...(data.nextOneOnOne ? { nextOneOnOne: data.nextOneOnOne === 'true' } : {}),
    };
    const now = deps.now();
    const t = translatorOf(context);
    const result = noteId
      ? await service.edit(author.tenantId, author.authorId, noteId, input, now)
      : await service.add(
          {
            ...input,
            tenantId: author.tenantId,
            authorId: author.authorId,
            submissionId: data.submissionId || randomUUID(),
          },
          now,
        );
    if (!result.ok) {
      if (result.code === 'NOTES.NOT_FOUND') return notice(t, refusalText(result, t), true);
      const current = noteId ? await service.get(author.tenantId, author.authorId, noteId) : undefined;
      const extra = current?.ok
        ? { title: current.note.subjectName, value: current.note.subjectId }
        : undefined;
      return asCard(
        await form(
          context,
          author,
          {
            noteId,
            submissionId: data.submissionId ?? '',
            subject: input.subjectId,
            text: input.text,
            followUpOn: input.followUpOn,
            nextOneOnOne: data.nextOneOnOne === 'true',
            error: refusalText(result, t),
          },
          extra,
        ),
      );
    }
    return notice(t, savedText(result.note, noteId !== '', t), true);
  };
  action('saveNote', saveNoteAction, saveNote, async (context, author) =>
    asCard(await form(context, author, { error: translatorOf(context).text('notes.unreadable') })),
  );

  action('noteEdit', noteAction, async (context, author, data) => {
    const t = translatorOf(context);
    const result = await service.get(author.tenantId, author.authorId, data.noteId ?? '');
    if (!result.ok) return notice(t, refusalText(result, t), true);
    const { note } = result;
    return asCard(
      await form(
        context,
        author,
        {
          noteId: note.id,
          subject: note.subjectId,
          text: note.text,
          followUpOn: note.followUpOn ?? '',
          nextOneOnOne: note.nextOneOnOneSince !== undefined,
        },
        { title: note.subjectName, value: note.subjectId },
      ),
    );
  });

  const finish =
    (kind: 'done' | 'delete') =>
    async (context: TurnContext, author: Author, data: z.infer<typeof finishNoteAction>) => {
      const t = translatorOf(context);
      const noteId = data.noteId ?? '';
      const result =
        kind === 'done'
          ? await service.done(author.tenantId, author.authorId, noteId, deps.now())
          : await service.delete(author.tenantId, author.authorId, noteId);
      if (!result.ok) return notice(t, refusalText(result, t), true);
      const message = t.text(kind === 'done' ? 'notes.done' : 'notes.deleted', {
        name: result.note.subjectName,
      });
      // On a brief the answer is a line, and the brief stays for the rest of the conversation.
      if (data.from === 'brief') return message;
      if (data.from !== 'list') return notice(t, message, true);
      const subjectId = data.subjectId;
      return asCard(await list(t, author, { notice: message, ...(subjectId ? { subjectId } : {}) }));
    };
  action('noteDone', finishNoteAction, finish('done'));
  action('noteDelete', finishNoteAction, finish('delete'));

  action('noteSnooze', noteAction, async (context, author, data) => {
    const t = translatorOf(context);
    const result = await service.snooze(author.tenantId, author.authorId, data.noteId ?? '', deps.now());
    if (!result.ok) return notice(t, refusalText(result, t), true);
    // A snoozed note always has a follow-up date: snoozing sets one.
    const date = t.day(result.note.followUpOn ?? '', 'long');
    return notice(t, t.text('notes.snoozed', { date }), true);
  });
}
