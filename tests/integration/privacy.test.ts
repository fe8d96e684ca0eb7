import { silentLogger } from '../../core/shared';
import { CosmosErasureRegister } from '../../functions/cosmos/erasureRegister';
import { ConversationBook, type ConversationRecord } from '../../core/delivery';
import {
  saveMySettings,
  exportMyData,
  FORMER_COLLEAGUE,
  forgetPerson,
  type PrivacyDeps,
} from '../../core/privacy';
import type { Person } from '../../core/people';
import type { Recognition } from '../../core/kudos';
import { CosmosConversationStore } from '../../functions/cosmos/conversationRepository';
import { CosmosPeopleDirectory } from '../../functions/cosmos/peopleRepository';
import { CosmosRecognitionStore } from '../../functions/cosmos/recognitionRepository';
import { CosmosSettingsStore } from '../../functions/cosmos/settingsRepository';
import { startTestCosmos, type TestCosmos } from '../support/cosmos';
import { RecordingLogger } from '../support/fakes';

// The repository methods the privacy use cases need, against the local Cosmos DB server through the
// real SDK: RecognitionStore.involving, ConversationStore.remove, and forgetPerson over all of them.
let cosmos: TestCosmos;
let recognitions: CosmosRecognitionStore;
let conversations: CosmosConversationStore;
let people: CosmosPeopleDirectory;
let deps: PrivacyDeps;
beforeAll(async () => {
  cosmos = await startTestCosmos();
  recognitions = new CosmosRecognitionStore(cosmos.database.container('recognitions'), silentLogger);
  conversations = new CosmosConversationStore(cosmos.database.container('conversations'), silentLogger);
  people = new CosmosPeopleDirectory(cosmos.database.container('people'), silentLogger);
  const logger = new RecordingLogger();
  deps = {
    people,
    recognitions,
    conversations: new ConversationBook(conversations, logger),
    settings: new CosmosSettingsStore(cosmos.database.container('settings'), silentLogger),
    erasures: new CosmosErasureRegister(cosmos.database.container('settings')),
    logger,
  };
});
afterAll(async () => cosmos.close());

const A = 'tenant-a';
const B = 'tenant-b';

const kudos = (tenantId: string, id: string, createdAt: string, fields: Partial<Recognition> = {}) => {
  const recipients = fields.recipients ?? [{ id: 'megan', name: 'Megan Bowen' }];
  const recognition: Recognition = {
    tenantId,
    id,
    giver: { id: 'alex', name: 'Alex Wilber' },
    recipients,
    recipientIds: recipients.map((r) => r.id),
    value: { id: 'teamwork', name: 'Teamwork' },
    message: 'Thank you',
    place: { kind: 'groupChat', conversationId: '19:chat' },
    postToChannel: false,
    createdAt,
    givenOn: createdAt.slice(0, 10),
    celebrations: [],
    ...fields,
  };
  return recognition;
};

const chat = (tenantId: string, userId: string): ConversationRecord => ({
  tenantId,
  id: `personal:${userId}`,
  kind: 'personal',
  conversationId: `a:chat-${userId}`,
  userId,
  reference: { serviceUrl: 'https://smba.example/', conversation: { id: `a:chat-${userId}`, tenantId } },
  updatedAt: '2027-03-01T09:00:00.000Z',
});

const person = (tenantId: string, id: string, fields: Partial<Person> = {}): Person => ({
  tenantId,
  id,
  displayName: id,
  celebrate: { birthday: 'public', anniversary: 'public' },
  ...fields,
});

describe('CosmosRecognitionStore.involving', () => {
  it('finds kudos a person gave, received or celebrated, all time, newest first, in one tenant', async () => {
    const at = '2027-03-20T10:00:00.000Z';
    await recognitions.create(
      kudos(A, 'inv-gave', '2025-01-01T09:00:00.000Z', { giver: { id: 'lee', name: 'Lee' } }),
    );
    await recognitions.create(
      kudos(A, 'inv-received', '2027-03-02T09:00:00.000Z', {
        recipients: [
          { id: 'megan', name: 'Megan' },
          { id: 'lee', name: 'Lee' },
        ],
      }),
    );
    await recognitions.create(
      kudos(A, 'inv-celebrated', '2027-03-03T09:00:00.000Z', {
        celebrations: [
          { id: 'adele', name: 'Adele', at },
          { id: 'lee', name: 'Lee', at },
        ],
      }),
    );
    await recognitions.create(kudos(A, 'inv-other', '2027-03-04T09:00:00.000Z'));
    await recognitions.create(
      kudos(B, 'inv-tenant-b', '2027-03-05T09:00:00.000Z', { giver: { id: 'lee', name: 'Lee' } }),
    );

    expect((await recognitions.involving(A, 'lee')).map((r) => r.id)).toEqual([
      'inv-celebrated',
      'inv-received',
      'inv-gave',
    ]);
    expect((await recognitions.involving(B, 'lee')).map((r) => r.id)).toEqual(['inv-tenant-b']);
    expect(await recognitions.involving(A, 'nobody')).toEqual([]);
    // A partial match on the celebrations' id only: a name equal to the id is not a match.
    expect((await recognitions.involving(A, 'Lee')).map((r) => r.id)).toEqual([]);
  });
});

describe('CosmosConversationStore.remove', () => {
  it('deletes one tenant’s record, leaves the other tenant’s, and a second remove is harmless', async () => {
    await conversations.save(chat(A, 'isaiah'));
    await conversations.save(chat(B, 'isaiah'));
    await conversations.remove(A, 'personal:isaiah');
    await conversations.remove(A, 'personal:isaiah');
    expect(await conversations.get(A, 'personal:isaiah')).toBeUndefined();
    expect(await conversations.get(B, 'personal:isaiah')).toEqual(chat(B, 'isaiah'));
  });
});

describe('my settings and forget me on Cosmos DB', () => {
  it('saves settings through the person document, then erases the person and anonymises their kudos', async () => {
    await people.save(person(A, 'diego', { mutedReminders: ['sam'] }));
    await people.save(person(A, 'sam', { managerId: 'diego', hireDate: '2020-06-15' }));
    await people.save(person(A, 'kim', { managerId: 'sam' }));
    await people.save(person(B, 'sam', { managerId: 'diego' }));
    const saved = await saveMySettings(people, {
      tenantId: A,
      personId: 'sam',
      displayName: 'Sam',
      input: {
        birthdayMonth: '03',
        birthdayDay: '14',
        celebrateBirthday: 'manager',
        celebrateAnniversary: 'off',
        timeZone: 'Asia/Tokyo',
        digest: { enabled: true, day: '3', hour: '7' },
      },
    });
    expect(saved.ok).toBe(true);
    expect(await people.get(A, 'sam')).toEqual(
      person(A, 'sam', {
        managerId: 'diego',
        hireDate: '2020-06-15',
        birthday: '03-14',
        celebrate: { birthday: 'manager', anniversary: 'off' },
        celebrateSource: 'self',
        timeZone: 'Asia/Tokyo',
        digest: { enabled: true, day: 3, hour: 7 },
        ownSettings: true,
      }),
    );

    await recognitions.create(
      kudos(A, 'sam-gave', '2027-04-01T09:00:00.000Z', { giver: { id: 'sam', name: 'Sam' } }),
    );
    await recognitions.create(
      kudos(A, 'sam-received', '2027-04-02T09:00:00.000Z', {
        recipients: [
          { id: 'sam', name: 'Sam' },
          { id: 'kim', name: 'Kim' },
        ],
        celebrations: [{ id: 'sam', name: 'Sam', at: '2027-04-02T10:00:00.000Z' }],
      }),
    );
    await conversations.save(chat(A, 'sam'));
    await conversations.save(chat(B, 'sam'));

    const exported = await exportMyData(deps, A, 'sam');
    expect(exported).toMatchObject({
      manager: { id: 'diego', name: 'diego' },
      reportCount: 1,
      kudosGiven: { count: 1 },
      kudosReceived: { count: 1 },
      celebrated: 1,
      conversations: 1,
      notesAboutThem: 0,
    });

    const report = await forgetPerson(deps, A, 'sam', { erasedId: 'erased:cosmos' });
    expect(report).toEqual({
      personRecord: true,
      personalChat: true,
      kudosGiven: 1,
      kudosReceived: 1,
      celebrations: 1,
      reportsUnlinked: 1,
      mutesCleared: 1,
    });
    expect(await people.get(A, 'sam')).toBeUndefined();
    expect(await people.get(A, 'kim')).toEqual(person(A, 'kim'));
    expect(await people.get(A, 'diego')).toEqual(person(A, 'diego'));
    expect(await conversations.get(A, 'personal:sam')).toBeUndefined();
    expect((await recognitions.get(A, 'sam-gave'))?.giver).toEqual({
      id: 'erased:cosmos',
      name: FORMER_COLLEAGUE,
    });
    expect(await recognitions.get(A, 'sam-received')).toMatchObject({
      recipients: [
        { id: 'erased:cosmos', name: FORMER_COLLEAGUE },
        { id: 'kim', name: 'Kim' },
      ],
      recipientIds: ['erased:cosmos', 'kim'],
      celebrations: [],
    });
    // The anonymised kudos still count for the people who stay on them.
    expect((await recognitions.forRecipientsSince(A, ['kim'], new Date(0))).map((r) => r.id)).toContain(
      'sam-received',
    );
    expect(await recognitions.involving(A, 'sam')).toEqual([]);

    // Tenant B's Sam is untouched, and running it again is harmless.
    expect(await people.get(B, 'sam')).toEqual(person(B, 'sam', { managerId: 'diego' }));
    expect(await conversations.get(B, 'personal:sam')).toEqual(chat(B, 'sam'));
    const again = await forgetPerson(deps, A, 'sam');
    expect(again).toMatchObject({
      personRecord: false,
      personalChat: false,
      kudosGiven: 0,
      kudosReceived: 0,
    });
  });
});
