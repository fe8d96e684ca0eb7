import { ConversationBook, type ConversationRecord } from '../../../core/delivery';
import type { Note } from '../../../core/notes';
import type { Person } from '../../../core/people';
import {
  exportMyData,
  FORMER_COLLEAGUE,
  forgetPerson,
  nothingErased,
  withoutPerson,
  type PrivacyDeps,
} from '../../../core/privacy';
import type { Recognition } from '../../../core/kudos';
import { defaultTenantSettings } from '../../../core/settings';
import {
  MemoryConversationStore,
  MemoryMembershipStore,
  MemoryNoteStore,
  MemoryPeopleDirectory,
  MemoryRecognitionStore,
  MemorySettingsStore,
  RecordingLogger,
  MemoryErasureRegister,
} from '../../support/fakes';

const T = 'tenant-a';
const OTHER = 'tenant-b';

const person = (id: string, fields: Partial<Person> = {}, tenantId = T): Person => ({
  tenantId,
  id,
  displayName: id[0]!.toUpperCase() + id.slice(1),
  celebrate: { birthday: 'public', anniversary: 'public' },
  ...fields,
});

const kudos = (id: string, fields: Partial<Recognition> = {}, tenantId = T): Recognition => {
  const recipients = fields.recipients ?? [{ id: 'megan', name: 'Megan' }];
  return {
    tenantId,
    id,
    giver: { id: 'alex', name: 'Alex' },
    recipients,
    recipientIds: recipients.map((r) => r.id),
    value: { id: 'teamwork', name: 'Teamwork' },
    message: `Message of ${id}`,
    place: { kind: 'groupChat', conversationId: '19:chat' },
    postToChannel: false,
    createdAt: `2027-03-${id.slice(-2)}T09:00:00.000Z`,
    givenOn: `2027-03-${id.slice(-2)}`,
    celebrations: [],
    ...fields,
  };
};

const chat = (userId: string, tenantId = T): ConversationRecord => ({
  tenantId,
  id: `personal:${userId}`,
  kind: 'personal',
  conversationId: `a:${userId}`,
  userId,
  reference: { conversation: { id: `a:${userId}` } },
  updatedAt: '2027-03-01T00:00:00.000Z',
});

const note = (id: string, authorId: string, subjectId: string, tenantId = T): Note => ({
  tenantId,
  id,
  authorId,
  subjectId,
  subjectName: subjectId,
  text: `secret ${id}`,
  status: 'open',
  createdAt: '2027-03-01T00:00:00.000Z',
  updatedAt: '2027-03-01T00:00:00.000Z',
});

/**
 * Alex manages Megan and Adele and reports to Diego, who muted reminders about Alex. Alex gave
 * kudos-01 (to Megan) and kudos-03 (to Megan and Adele, quoting Megan), received kudos-02 from Megan,
 * celebrated kudos-04 (Adele → Megan). kudos-05 has nothing to do with Alex. Tenant B has an Alex too.
 */
async function setup() {
  const people = new MemoryPeopleDirectory([
    person('alex', {
      email: 'alex@contoso.com',
      managerId: 'diego',
      timeZone: 'Europe/London',
      birthday: '05-14',
      hireDate: '2018-04-09',
      celebrate: { birthday: 'manager', anniversary: 'public' },
      digest: { enabled: false },
    }),
    person('megan', { managerId: 'alex' }),
    person('adele', { managerId: 'alex' }),
    person('diego', { mutedReminders: ['alex', 'isaiah'] }),
    person('isaiah', { managerId: 'diego' }),
    person('alex', { managerId: 'diego' }, OTHER),
    person('megan', { managerId: 'alex' }, OTHER),
  ]);
  const recognitions = new MemoryRecognitionStore();
  const at = '2027-03-20T10:00:00.000Z';
  for (const r of [
    kudos('kudos-01', { celebrations: [{ id: 'adele', name: 'Adele', at }] }),
    kudos('kudos-02', {
      giver: { id: 'megan', name: 'Megan' },
      recipients: [{ id: 'alex', name: 'Alex Wilber' }],
      celebrations: [{ id: 'alex', name: 'Alex', at }],
      quote: { author: 'Alex Wilber', text: 'We shipped!' },
    }),
    kudos('kudos-03', {
      recipients: [
        { id: 'megan', name: 'Megan' },
        { id: 'adele', name: 'Adele' },
      ],
      quote: { author: 'Megan', text: 'Done' },
    }),
    kudos('kudos-04', {
      giver: { id: 'adele', name: 'Adele' },
      celebrations: [
        { id: 'alex', name: 'Alex', at },
        { id: 'isaiah', name: 'Isaiah', at },
      ],
    }),
    kudos('kudos-05', { giver: { id: 'isaiah', name: 'Isaiah' } }),
    kudos('kudos-06', {}, OTHER),
  ]) {
    await recognitions.create(r);
  }
  const conversationStore = new MemoryConversationStore();
  await conversationStore.save(chat('alex'));
  await conversationStore.save(chat('megan'));
  await conversationStore.save(chat('alex', OTHER));
  const settings = new MemorySettingsStore();
  await settings.saveTenant({ ...defaultTenantSettings(T, 'UTC'), adminIds: ['alex'] });
  const notes = new MemoryNoteStore();
  for (const n of [
    note('note-1', 'megan', 'alex'),
    note('note-2', 'diego', 'alex'),
    note('note-3', 'alex', 'megan'),
    note('note-4', 'megan', 'adele'),
    note('note-5', 'megan', 'alex', OTHER),
  ]) {
    await notes.create(n);
  }
  const logger = new RecordingLogger();
  const erasures = new MemoryErasureRegister();
  const deps: PrivacyDeps = {
    people,
    recognitions,
    conversations: new ConversationBook(conversationStore, logger),
    settings,
    erasures,
    notes,
    logger,
  };
  return { deps, people, recognitions, conversationStore, notes, logger, erasures };
}

describe('exportMyData', () => {
  it('holds the directory record, the manager’s name, kudos given, received and celebrated, the chat and the note count', async () => {
    const { deps } = await setup();
    const data = await exportMyData(deps, T, 'alex');
    expect(data.person).toMatchObject({ displayName: 'Alex', birthday: '05-14', hireDate: '2018-04-09' });
    expect(data.manager).toEqual({ id: 'diego', name: 'Diego' });
    expect(data.reportCount).toBe(2);
    expect(data.isAdmin).toBe(true);
    expect(data.kudosGiven.count).toBe(2);
    expect(data.kudosGiven.latest.map((r) => r.id)).toEqual(['kudos-03', 'kudos-01']);
    expect(data.kudosReceived).toMatchObject({ count: 1 });
    expect(data.kudosReceived.latest.map((r) => r.id)).toEqual(['kudos-02']);
    expect(data.celebrated).toBe(2);
    expect(data.conversations).toBe(1);
    expect(data.notesAboutThem).toBe(2);
    // Never the notes' text.
    expect(JSON.stringify(data)).not.toContain('secret');
  });

  it('counts someone MOMENTS_ADMINS names by their directory e-mail as an admin', async () => {
    const { deps, people } = await setup();
    const megan = await people.get(T, 'megan');
    await people.save({ ...megan!, email: 'Megan@Contoso.com' });
    expect((await exportMyData(deps, T, 'megan')).isAdmin).toBe(false);
    expect((await exportMyData({ ...deps, namedAdmins: ['megan@contoso.com'] }, T, 'megan')).isAdmin).toBe(
      true,
    );
  });

  it('lists only the latest few kudos but counts them all', async () => {
    const { deps } = await setup();
    const data = await exportMyData(deps, T, 'alex', { latest: 1 });
    expect(data.kudosGiven).toMatchObject({ count: 2 });
    expect(data.kudosGiven.latest.map((r) => r.id)).toEqual(['kudos-03']);
  });

  it('for someone Moments does not know: no record, zeros, and notes counted as 0 without a notes store', async () => {
    const { deps } = await setup();
    const { notes: _notes, ...withoutNotes } = deps;
    const data = await exportMyData(withoutNotes, T, 'nobody');
    expect(data).toEqual({
      tenantId: T,
      personId: 'nobody',
      reportCount: 0,
      isAdmin: false,
      kudosGiven: { count: 0, latest: [] },
      kudosReceived: { count: 0, latest: [] },
      celebrated: 0,
      conversations: 0,
      notesAboutThem: 0,
      forgotten: false,
    });
  });

  it('says when the person asked to be forgotten (Moments keeps a hash of their id)', async () => {
    const { deps } = await setup();
    await forgetPerson(deps, T, 'alex');
    expect((await exportMyData(deps, T, 'alex')).forgotten).toBe(true);
    expect((await exportMyData(deps, T, 'megan')).forgotten).toBe(false);
  });

  it('a manager who is not in the directory is named as unknown, not invented', async () => {
    const { deps, people } = await setup();
    await people.remove(T, 'diego');
    expect((await exportMyData(deps, T, 'alex')).manager).toEqual({ id: 'diego' });
  });
});

describe('forgetPerson', () => {
  it('erases the record, the personal chat, celebrations and notes, anonymises kudos and unlinks reports', async () => {
    const { deps, people, recognitions, conversationStore, notes } = await setup();
    const report = await forgetPerson(deps, T, 'alex', { erasedId: 'erased:test' });
    expect(report).toEqual({
      personRecord: true,
      personalChat: true,
      kudosGiven: 2,
      kudosReceived: 1,
      celebrations: 2,
      reportsUnlinked: 2,
      mutesCleared: 1,
      notes: { written: 1, aboutThem: 2 },
    });
    expect(nothingErased(report)).toBe(false);

    expect(await people.get(T, 'alex')).toBeUndefined();
    expect(await conversationStore.get(T, 'personal:alex')).toBeUndefined();
    expect(await conversationStore.get(T, 'personal:megan')).toBeDefined();

    // Reports keep their records, without the manager link; the manager's mute of Alex is gone.
    expect(await people.get(T, 'megan')).toEqual(person('megan'));
    expect(await people.get(T, 'adele')).toEqual(person('adele'));
    expect((await people.get(T, 'diego'))?.mutedReminders).toEqual(['isaiah']);
    expect((await people.get(T, 'isaiah'))?.managerId).toBe('diego');

    const erased = { id: 'erased:test', name: FORMER_COLLEAGUE };
    const given = await recognitions.get(T, 'kudos-03');
    expect(given).toMatchObject({
      giver: erased,
      recipients: [
        { id: 'megan', name: 'Megan' },
        { id: 'adele', name: 'Adele' },
      ],
      recipientIds: ['megan', 'adele'],
      message: 'Message of kudos-03',
      quote: { author: 'Megan', text: 'Done' },
    });
    const received = await recognitions.get(T, 'kudos-02');
    expect(received).toMatchObject({
      giver: { id: 'megan', name: 'Megan' },
      recipients: [erased],
      recipientIds: ['erased:test'],
      celebrations: [],
      quote: { author: FORMER_COLLEAGUE, text: 'We shipped!' },
    });
    expect((await recognitions.get(T, 'kudos-01'))?.celebrations.map((c) => c.id)).toEqual(['adele']);
    expect((await recognitions.get(T, 'kudos-04'))?.celebrations.map((c) => c.id)).toEqual(['isaiah']);
    expect(await recognitions.involving(T, 'alex')).toEqual([]);
    // Nothing anywhere in the tenant still names Alex.
    const all = JSON.stringify([...recognitions.recognitions.values()].filter((r) => r.tenantId === T));
    expect(all).not.toMatch(/"alex"|Alex/);

    // Notes by Alex and about Alex are gone; Megan's note about Adele stays.
    expect([...notes.notes.values()].filter((n) => n.tenantId === T).map((n) => n.id)).toEqual(['note-4']);
  });

  it('forgets how a team roster showed the person can be reached, so no chat is opened with them', async () => {
    const { deps } = await setup();
    const memberships = new MemoryMembershipStore();
    const seen = {
      memberId: '29:alex',
      serviceUrl: 'https://smba.example/',
      botId: '28:moments',
      seenIn: '19:team',
      seenAt: '2027-03-01T00:00:00.000Z',
    };
    await memberships.save({ tenantId: T, userId: 'alex', ...seen });
    await memberships.save({ tenantId: OTHER, userId: 'alex', ...seen });
    await forgetPerson({ ...deps, memberships }, T, 'alex');
    expect(await memberships.getMany(T, ['alex'])).toEqual([]);
    expect(await memberships.getMany(OTHER, ['alex'])).toHaveLength(1);
  });

  it('leaves the other tenant untouched', async () => {
    const { deps, people, recognitions, conversationStore, notes } = await setup();
    await forgetPerson(deps, T, 'alex');
    expect(await people.get(OTHER, 'alex')).toEqual(person('alex', { managerId: 'diego' }, OTHER));
    expect((await people.get(OTHER, 'megan'))?.managerId).toBe('alex');
    expect(await recognitions.get(OTHER, 'kudos-06')).toEqual(kudos('kudos-06', {}, OTHER));
    expect(await conversationStore.get(OTHER, 'personal:alex')).toBeDefined();
    expect(await notes.countAbout(OTHER, 'alex')).toBe(1);
  });

  it('is idempotent: a second run finds nothing and changes nothing', async () => {
    const { deps, people, recognitions } = await setup();
    await forgetPerson(deps, T, 'alex', { erasedId: 'erased:first' });
    const peopleAfter = structuredClone([...people.people.entries()]);
    const kudosAfter = structuredClone([...recognitions.recognitions.entries()]);
    const again = await forgetPerson(deps, T, 'alex', { erasedId: 'erased:second' });
    expect(again).toEqual({
      personRecord: false,
      personalChat: false,
      kudosGiven: 0,
      kudosReceived: 0,
      celebrations: 0,
      reportsUnlinked: 0,
      mutesCleared: 0,
      notes: { written: 0, aboutThem: 0 },
    });
    expect(nothingErased(again)).toBe(true);
    expect([...people.people.entries()]).toEqual(peopleAfter);
    expect([...recognitions.recognitions.entries()]).toEqual(kudosAfter);
  });

  it('uses one random tombstone per erasure, never derived from the AAD id', async () => {
    const first = await setup();
    const second = await setup();
    await forgetPerson(first.deps, T, 'alex');
    await forgetPerson(second.deps, T, 'alex');
    const idOf = async (s: typeof first) => (await s.recognitions.get(T, 'kudos-03'))?.giver.id;
    const [a, b] = [await idOf(first), await idOf(second)];
    expect(a).toMatch(/^erased:[0-9a-f]{16}$/);
    expect(b).toMatch(/^erased:[0-9a-f]{16}$/);
    expect(a).not.toBe(b);
    // The same erasure uses the same tombstone on every kudos.
    expect((await first.recognitions.get(T, 'kudos-01'))?.giver.id).toBe(a);
    expect((await first.recognitions.get(T, 'kudos-02'))?.recipientIds).toEqual([a]);
  });

  it('without a notes eraser it erases no notes and says so', async () => {
    const { deps, notes } = await setup();
    const report = await forgetPerson({ ...deps, notes: { countAbout: async () => 0 } }, T, 'alex');
    expect(report.notes).toBeUndefined();
    expect(await notes.countAbout(T, 'alex')).toBe(2);
  });

  it('logs counts, never who was erased', async () => {
    const { deps, logger } = await setup();
    await forgetPerson(deps, T, 'alex');
    const line = logger.lines.find((l) => l.message === 'person erased');
    expect(line?.fields).toMatchObject({ tenantId: T, kudosGiven: 2, personRecord: true });
    expect(JSON.stringify(logger.lines)).not.toContain('alex');
  });

  it('someone with kudos but no directory record still has their kudos anonymised', async () => {
    const { deps, people, recognitions } = await setup();
    await people.remove(T, 'alex');
    const report = await forgetPerson(deps, T, 'alex');
    expect(report).toMatchObject({ personRecord: false, kudosGiven: 2, kudosReceived: 1, mutesCleared: 0 });
    expect((await recognitions.get(T, 'kudos-01'))?.giver.name).toBe(FORMER_COLLEAGUE);
  });
});

describe('withoutPerson', () => {
  it('changes nothing on kudos the person is not on', () => {
    const r = kudos('kudos-09', { quote: { author: 'Megan', text: 'x' } });
    expect(withoutPerson(r, 'lee', { id: 'erased:x', name: FORMER_COLLEAGUE }, ['Lee'])).toEqual(r);
  });

  it('keeps recipients and recipientIds in step when the person is one of several recipients', () => {
    const r = kudos('kudos-09', {
      recipients: [
        { id: 'megan', name: 'Megan' },
        { id: 'lee', name: 'Lee Gu' },
      ],
    });
    const out = withoutPerson(r, 'lee', { id: 'erased:x', name: FORMER_COLLEAGUE });
    expect(out.recipients).toEqual([
      { id: 'megan', name: 'Megan' },
      { id: 'erased:x', name: FORMER_COLLEAGUE },
    ]);
    expect(out.recipientIds).toEqual(out.recipients.map((p) => p.id));
  });
});
