import { digestFor, digestsFor } from '../../../core/digest';
import type { Recognition } from '../../../core/kudos';
import type { Note } from '../../../core/notes';
import type { Person } from '../../../core/people';
import { MemoryNoteStore, MemoryPeopleDirectory, MemoryRecognitionStore } from '../../support/fakes';

const T = 'tenant-a';
// Monday 15 March 2027, 08:00 UTC.
const NOW = new Date('2027-03-15T08:00:00Z');

const person = (id: string, fields: Partial<Person> = {}): Person => ({
  tenantId: T,
  id,
  displayName: id[0]!.toUpperCase() + id.slice(1),
  timeZone: 'UTC',
  celebrate: { birthday: 'public', anniversary: 'public' },
  ...fields,
});

let seq = 0;
const kudos = (giver: Person, to: Person[], createdAt: string): Recognition => ({
  tenantId: T,
  id: `k${++seq}`,
  giver: { id: giver.id, name: giver.displayName },
  recipients: to.map((p) => ({ id: p.id, name: p.displayName })),
  recipientIds: to.map((p) => p.id),
  value: { id: 'teamwork', name: 'Teamwork' },
  message: `thanks, ${to.map((p) => p.displayName).join(' and ')}`,
  place: { kind: 'channel', conversationId: '19:team@thread.tacv2', teamId: 'team' },
  postToChannel: false,
  createdAt,
  givenOn: createdAt.slice(0, 10),
  celebrations: [],
});

const note = (authorId: string, subject: Person, followUpOn: string): Note => ({
  tenantId: T,
  id: `n${++seq}`,
  authorId,
  subjectId: subject.id,
  subjectName: subject.displayName,
  text: 'ask about the move',
  followUpOn,
  status: 'open',
  createdAt: '2027-03-01T00:00:00.000Z',
  updatedAt: '2027-03-01T00:00:00.000Z',
});

const alex = person('alex');
const nestor = person('nestor');
const lonely = person('lonely');
const megan = person('megan', { managerId: 'alex' });
const adele = person('adele', { managerId: 'alex', birthday: '03-18' });
const diego = person('diego', { managerId: 'nestor' });
const lidia = person('lidia', { managerId: 'nestor', hireDate: '2027-03-08' });

async function stores() {
  const people = new MemoryPeopleDirectory([alex, nestor, lonely, megan, adele, diego, lidia]);
  const recognitions = new MemoryRecognitionStore();
  for (const k of [
    // Across the two teams: counted in both digests, each from its own side.
    kudos(megan, [diego], '2027-03-12T10:00:00.000Z'),
    kudos(diego, [megan, lidia], '2027-03-13T10:00:00.000Z'),
    kudos(alex, [adele], '2027-03-10T10:00:00.000Z'),
    kudos(nestor, [lidia], '2027-02-25T10:00:00.000Z'),
    // Older than four weeks: in neither.
    kudos(lidia, [adele], '2027-01-05T10:00:00.000Z'),
  ]) {
    await recognitions.create(k);
  }
  const notes = new MemoryNoteStore();
  await notes.create(note('alex', megan, '2027-03-17'));
  await notes.create(note('nestor', diego, '2027-03-16'));
  await notes.create(note('nestor', lidia, '2027-03-18'));
  return { people, recognitions, notes, defaultTimeZone: 'UTC' };
}

describe('digestsFor', () => {
  it('gives each manager read together the digest their own reads give them', async () => {
    const reads = await stores();
    const together = await digestsFor(reads, [alex, lonely, nestor], NOW);
    const apart = [
      await digestFor(reads, alex, NOW),
      await digestFor(reads, lonely, NOW),
      await digestFor(reads, nestor, NOW),
    ];
    expect(together).toEqual(apart);
  });

  it('keeps each team to its own people, kudos and the manager’s own notes', async () => {
    const [forAlex, forLonely, forNestor] = await digestsFor(await stores(), [alex, lonely, nestor], NOW);
    expect(forLonely).toBeUndefined();
    expect(forAlex).toMatchObject({
      teamSize: 2,
      kudos: { received: 2, given: 1 },
      followUps: { count: 1 },
      yourRecognition: { thisWeek: 1, fourWeeks: 1 },
    });
    expect(forAlex?.kudos.people.rows.map((row) => row.person.name)).toEqual(['Megan', 'Adele']);
    expect(forNestor).toMatchObject({
      teamSize: 2,
      kudos: { received: 2, given: 1 },
      followUps: { count: 2 },
      yourRecognition: { thisWeek: 0, fourWeeks: 1 },
    });
    expect(forNestor?.kudos.people.rows.map((row) => row.person.name)).toEqual(['Diego', 'Lidia']);
  });

  it('reads nothing for nobody', async () => {
    expect(await digestsFor(await stores(), [], NOW)).toEqual([]);
  });
});
