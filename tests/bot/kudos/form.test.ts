import {
  draftFromSubmission,
  kudosFormTexts,
  newDraft,
  quotedText,
  valueChoices,
  type KudosDraft,
} from '../../../bot/kudos/form';
import { kudosSubmission } from '../../../bot/kudos/actions';
import { readPayload } from '../../../bot/teams/payload';
import { kudosFormCard, type KudosFormData } from '../../../bot/kudos/kudosCards';
import { expandCard } from '../../../bot/teams/cardRender';
import { defaultTenantSettings, retireValue } from '../../../core/settings';
import { translatorFor } from '../../../bot/i18n/translator';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const settings = defaultTenantSettings('tenant-a', 'UTC');

/** The form as the bot renders it for `draft`. */
function formFor(
  draft: KudosDraft,
  mode: KudosFormData['mode'],
  offerChannel: boolean,
  offerManagerMaySee = true,
) {
  return expandCard(kudosFormCard, {
    mode,
    texts: kudosFormTexts(translatorFor('en')),
    submissionId: draft.submissionId,
    people: [
      { title: 'Megan Bowen', value: 'megan' },
      { title: 'Adele Vance', value: 'adele' },
    ],
    recipients: draft.recipientIds.join(','),
    values: valueChoices(settings),
    value: draft.valueId,
    message: draft.message,
    offerChannel,
    postToChannel: draft.postToChannel ? 'true' : 'false',
    offerManagerMaySee,
    managerMaySee: draft.managerMaySee ? 'true' : 'false',
    quote: draft.quote ? [{ type: 'TextRun', text: draft.quote.text }] : [],
    quoteAuthor: draft.quote?.author ?? '',
    quoteText: draft.quote?.text ?? '',
    reminderId: draft.reminderId ?? '',
    error: '',
  });
}

/** What Teams sends back when the form is submitted unchanged: the action's data and every input's value. */
function submitted(card: Record<string, unknown>): Record<string, unknown> {
  const body = card.body as Array<{ id?: string; value?: unknown }>;
  const [action] = card.actions as Array<{ data: Record<string, unknown> }>;
  const inputs = Object.fromEntries(body.filter((e) => e.id).map((e) => [e.id, e.value]));
  return { ...action!.data, ...inputs };
}

describe('a submitted kudos form', () => {
  const draft: KudosDraft = {
    submissionId: '7d3c2f6e-2f7b-4c55-9b1a-0d6f1b2c3a4e',
    recipientIds: ['megan', 'adele'],
    valueId: 'customer-first',
    message: 'Thanks for turning that client call around',
    postToChannel: true,
    managerMaySee: true,
    quote: { author: 'Megan Bowen', text: 'The client signed!' },
  };

  test.each(['task', 'chat'] as const)('comes back as the draft it was rendered from (%s)', (mode) => {
    expect(draftFromSubmission(submitted(formFor(draft, mode, true)))).toEqual(draft);
  });

  test('wishes come back naming their reminder, with no value asked for', () => {
    const wishes: KudosDraft = {
      ...draft,
      valueId: '',
      quote: undefined,
      reminderId: 'birthday:2027-03-14:megan:alex',
    };
    delete wishes.quote;
    const card = formFor(wishes, 'chat', true);
    const inputs = (card.body as Array<{ id?: string }>).map((e) => e.id);
    expect(inputs).not.toContain('value');
    expect(draftFromSubmission(submitted(card))).toEqual({ ...wishes, valueId: '' });
  });

  test('saying it is wishes without naming a reminder is an ordinary kudos draft', () => {
    const forged = readPayload(kudosSubmission, { recipients: 'megan', occasion: 'wishes' });
    expect(draftFromSubmission(forged!)).not.toHaveProperty('reminderId');
    expect(draftFromSubmission(forged!)).not.toHaveProperty('occasion');
  });

  test('without the channel toggle (no recognition channel) is not posted to a channel', () => {
    expect(draftFromSubmission(submitted(formFor(draft, 'chat', false)))).toEqual({
      ...draft,
      postToChannel: false,
    });
  });

  test('trims the picked ids and drops empty ones', () => {
    expect(draftFromSubmission({ recipients: ' megan, ,adele ,' }).recipientIds).toEqual(['megan', 'adele']);
  });

  test('with the toggle off is not posted to a channel', () => {
    expect(draftFromSubmission({ postToChannel: 'false' }).postToChannel).toBe(false);
  });

  test('offers “Let their manager see this”, on; unticked it comes back off', () => {
    const card = formFor(newDraft({ recipientIds: ['megan'] }), 'chat', false);
    const toggle = (card.body as Array<Record<string, unknown>>).find((e) => e.id === 'managerMaySee');
    expect(toggle).toMatchObject({
      type: 'Input.Toggle',
      title: 'Let their manager see this',
      value: 'true',
    });
    expect(draftFromSubmission(submitted(card)).managerMaySee).toBe(true);
    const unticked = { ...submitted(card), managerMaySee: 'false' };
    expect(draftFromSubmission(readPayload(kudosSubmission, unticked)!).managerMaySee).toBe(false);
    expect(draftFromSubmission(submitted(formFor({ ...draft, managerMaySee: false }, 'task', true)))).toEqual(
      {
        ...draft,
        managerMaySee: false,
      },
    );
    expect(readPayload(kudosSubmission, { managerMaySee: 'no thanks' })).toBeUndefined();
  });

  test('in a team channel, whose words reach managers anyway, does not offer the choice', () => {
    const card = formFor(draft, 'chat', true, false);
    expect((card.body as Array<{ id?: string }>).map((e) => e.id)).not.toContain('managerMaySee');
    expect(draftFromSubmission(submitted(card)).managerMaySee).toBe(true);
  });

  test('with nothing filled in is an empty draft with a fresh submission id', () => {
    expect(draftFromSubmission({})).toEqual({
      submissionId: expect.stringMatching(UUID),
      recipientIds: [],
      valueId: '',
      message: '',
      postToChannel: false,
      managerMaySee: true,
    });
    expect(draftFromSubmission({}).submissionId).not.toBe(draftFromSubmission({}).submissionId);
  });

  test('a submission with fields of the wrong type is refused before it can become a draft', () => {
    const forged = {
      submissionId: 42,
      recipients: ['megan', 'adele'],
      value: { id: 'teamwork' },
      message: null,
      postToChannel: true,
      quoteText: 7,
      quoteAuthor: 'Megan Bowen',
    };
    expect(readPayload(kudosSubmission, forged)).toBeUndefined();
    for (const [field, value] of Object.entries(forged).filter(([field]) => field !== 'quoteAuthor')) {
      expect(readPayload(kudosSubmission, { [field]: value })).toBeUndefined();
    }
    expect(readPayload(kudosSubmission, { recipients: 'megan', postToChannel: 'true' })).toEqual({
      recipients: 'megan',
      postToChannel: 'true',
    });
  });

  test('keeps a quote only when it has text; its author may be blank', () => {
    expect(draftFromSubmission({ quoteAuthor: 'Megan Bowen', quoteText: '' }).quote).toBeUndefined();
    expect(draftFromSubmission({ quoteText: 'Shipped.' }).quote).toEqual({ author: '', text: 'Shipped.' });
  });
});

describe('a new draft', () => {
  test('is empty, offered for the channel, with a fresh submission id; a prefill wins', () => {
    expect(newDraft()).toEqual({
      submissionId: expect.stringMatching(UUID),
      recipientIds: [],
      valueId: '',
      message: '',
      postToChannel: true,
      managerMaySee: true,
    });
    expect(newDraft({ recipientIds: ['megan'], message: 'Happy birthday!' })).toMatchObject({
      recipientIds: ['megan'],
      message: 'Happy birthday!',
      postToChannel: true,
    });
  });
});

describe('the form’s choices and quotes', () => {
  test('offer the active values by name', () => {
    const change = retireValue(settings, 'ownership');
    if (!change.ok) throw new Error(change.code);
    expect(valueChoices(change.settings)).toEqual([
      { title: 'Teamwork', value: 'teamwork' },
      { title: 'Customer first', value: 'customer-first' },
      { title: 'Innovation', value: 'innovation' },
      { title: 'Learning & growth', value: 'growth' },
      { title: 'Above and beyond', value: 'above-and-beyond' },
    ]);
  });

  test('quote a Teams message as plain text', () => {
    expect(
      quotedText('<p>Ship it&nbsp;<b>today</b><br/>&lt;3 &amp; &quot;thanks&quot; &#39;all&#39;</p>'),
    ).toBe('Ship it today\n<3 & "thanks" \'all\'');
  });

  test('shorten a long quote to 280 characters', () => {
    const quote = quotedText(`<div>${'word '.repeat(100)}</div>`);
    expect([...quote]).toHaveLength(280);
    expect(quote.endsWith('…')).toBe(true);
  });
});
