import { KudosService, recognitionIdFor, type KudosRequest } from '../../../core/kudos';
import type { Person } from '../../../core/people';
import { defaultTenantSettings } from '../../../core/settings';
import {
  MemoryGivingTallyStore,
  MemoryPeopleDirectory,
  MemoryRecognitionStore,
  RecordingLogger,
} from '../../support/fakes';

const T = 'tenant-a';
const person = (id: string, displayName: string, timeZone = 'Europe/London'): Person => ({
  tenantId: T,
  id,
  displayName,
  timeZone,
  celebrate: { birthday: 'public', anniversary: 'public' },
});
const now = new Date('2027-03-11T09:00:00Z');
const settings = { ...defaultTenantSettings(T, 'UTC'), dailyKudosLimit: 3 };

function setup() {
  const recognitions = new MemoryRecognitionStore();
  const people = new MemoryPeopleDirectory([
    person('alex', 'Alex Wilber'),
    person('megan', 'Megan Bowen'),
    person('adele', 'Adele Vance'),
    { ...person('other', 'Other Tenant'), tenantId: 'tenant-b' },
  ]);
  const tallies = new MemoryGivingTallyStore();
  return {
    recognitions,
    people,
    tallies,
    service: new KudosService(recognitions, people, new RecordingLogger(), tallies),
  };
}

let n = 0;
const request = (overrides: Partial<KudosRequest> = {}): KudosRequest => ({
  tenantId: T,
  giver: { id: 'alex', name: 'Alex W.' },
  recipientIds: ['megan'],
  valueId: 'teamwork',
  message: 'Thanks for covering the launch',
  place: { kind: 'channel', conversationId: '19:general', teamId: '19:team', channelId: '19:general' },
  postToChannel: true,
  submissionId: `submission-${++n}`,
  ...overrides,
});

describe('KudosService.give', () => {
  it('stores the recognition with names from the directory and marks recipients recognised', async () => {
    const { service, recognitions, people } = setup();
    const result = await service.give(request({ recipientIds: ['megan', 'adele', 'megan'] }), settings, now);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const stored = await recognitions.get(T, result.recognition.id);
    expect(stored).toMatchObject({
      giver: { id: 'alex', name: 'Alex Wilber' },
      recipients: [
        { id: 'megan', name: 'Megan Bowen' },
        { id: 'adele', name: 'Adele Vance' },
      ],
      value: { id: 'teamwork', name: 'Teamwork' },
      message: 'Thanks for covering the launch',
      givenOn: '2027-03-11',
      celebrations: [],
    });
    expect((await people.get(T, 'megan'))?.lastRecognisedOn).toBe('2027-03-11');
    expect((await people.get(T, 'adele'))?.lastRecognisedOn).toBe('2027-03-11');
  });

  it('stores “Let their manager see this” on unless the giver unticked it', async () => {
    const { service, recognitions } = setup();
    const chat = { kind: 'groupChat' as const, conversationId: '19:launch-crew' };
    const byDefault = await service.give(request({ place: chat, postToChannel: false }), settings, now);
    const unticked = await service.give(
      request({ place: chat, postToChannel: false, managerMaySee: false }),
      settings,
      now,
    );
    if (!byDefault.ok || !unticked.ok) throw new Error('kudos were refused');
    expect((await recognitions.get(T, byDefault.recognition.id))?.managerMaySee).toBe(true);
    expect((await recognitions.get(T, unticked.recognition.id))?.managerMaySee).toBe(false);
  });

  it('the same submission twice stores one recognition', async () => {
    const { service, recognitions } = setup();
    const first = await service.give(request({ submissionId: 'same' }), settings, now);
    const again = await service.give(request({ submissionId: 'same', message: 'changed' }), settings, now);
    expect(first.ok && again.ok && again.duplicate).toBe(true);
    expect(recognitions.recognitions.size).toBe(1);
    expect((await recognitions.get(T, recognitionIdFor('same')))?.message).toBe(
      'Thanks for covering the launch',
    );
  });

  it.each([
    ['no recipients', { recipientIds: [] }, { code: 'KUDOS.NO_RECIPIENTS', field: 'recipients' }],
    [
      '11 recipients',
      { recipientIds: Array.from({ length: 11 }, (_, i) => `p${i}`) },
      { code: 'KUDOS.TOO_MANY_RECIPIENTS', occasion: 'kudos', most: 10, chosen: 11 },
    ],
    ['self-kudos', { recipientIds: ['megan', 'alex'] }, { code: 'KUDOS.SELF', field: 'recipients' }],
    ['an empty message', { message: '   \n ' }, { code: 'KUDOS.EMPTY_MESSAGE', field: 'message' }],
    [
      'a 501-character message',
      { message: 'x'.repeat(501) },
      { code: 'KUDOS.MESSAGE_TOO_LONG', most: 500, length: 501 },
    ],
    ['an unknown value', { valueId: 'speed' }, { code: 'KUDOS.UNKNOWN_VALUE', field: 'value' }],
    [
      'a recipient of another tenant',
      { recipientIds: ['other'] },
      { code: 'KUDOS.UNKNOWN_RECIPIENT', missing: 1 },
    ],
  ])('refuses %s and stores nothing', async (_name, overrides, problem) => {
    const { service, recognitions, people } = setup();
    const result = await service.give(request(overrides as Partial<KudosRequest>), settings, now);
    expect(result).toMatchObject({ ok: false, ...problem });
    expect(recognitions.recognitions.size).toBe(0);
    expect((await people.get(T, 'megan'))?.lastRecognisedOn).toBeUndefined();
  });

  it('counts what people see: 500 emoji are 500 characters', async () => {
    const { service } = setup();
    expect((await service.give(request({ message: '👏🏽'.repeat(500) }), settings, now)).ok).toBe(true);
  });

  it('refuses a retired value but keeps it on past kudos', async () => {
    const { service } = setup();
    const retired = {
      ...settings,
      values: settings.values.map((v) => (v.id === 'teamwork' ? { ...v, retired: true } : v)),
    };
    const result = await service.give(request(), retired, now);
    expect(result).toMatchObject({ ok: false, code: 'KUDOS.UNKNOWN_VALUE', retired: 'Teamwork' });
  });

  it('enforces the daily giving limit in the giver’s own day', async () => {
    const { service, recognitions } = setup();
    for (let i = 0; i < 3; i++) expect((await service.give(request(), settings, now)).ok).toBe(true);
    const fourth = await service.give(request(), settings, now);
    expect(fourth).toMatchObject({ ok: false, code: 'KUDOS.DAILY_LIMIT' });
    expect(recognitions.recognitions.size).toBe(3);
    // Just after midnight in London it is a new day.
    expect((await service.give(request(), settings, new Date('2027-03-12T00:30:00Z'))).ok).toBe(true);
  });

  it('with the daily limit off, lets one person give as many kudos as they like', async () => {
    const { service, recognitions } = setup();
    const unlimited = { ...settings, dailyKudosLimit: null };
    for (let i = 0; i < 120; i++) expect((await service.give(request(), unlimited, now)).ok).toBe(true);
    expect(recognitions.recognitions.size).toBe(120);
  });

  it('answers a retried submit with its recognition even when it reached the daily limit', async () => {
    const { service, recognitions } = setup();
    for (let i = 1; i <= 3; i++) await service.give(request({ submissionId: `limit-${i}` }), settings, now);
    const retried = await service.give(request({ submissionId: 'limit-3' }), settings, now);
    expect(retried).toMatchObject({
      ok: true,
      duplicate: true,
      recognition: { id: recognitionIdFor('limit-3') },
    });
    const retiredSince = {
      ...settings,
      values: settings.values.map((v) => (v.id === 'teamwork' ? { ...v, retired: true } : v)),
    };
    expect(await service.give(request({ submissionId: 'limit-1' }), retiredSince, now)).toMatchObject({
      ok: true,
      duplicate: true,
    });
    expect(recognitions.recognitions.size).toBe(3);
  });
});

describe('KudosService.give: wishes and the daily limit', () => {
  it('stores kudos marked as having their notices still to send', async () => {
    const { service } = setup();
    const result = await service.give(request(), settings, now);
    expect(result.ok && result.recognition.fanOutPending).toBe(true);
  });

  it('takes wishes without a company value, under the built-in Celebration, outside the daily limit', async () => {
    const { service, recognitions } = setup();
    for (let i = 0; i < 3; i++) expect((await service.give(request(), settings, now)).ok).toBe(true);
    const wishes = await service.give(
      request({ occasion: 'wishes', valueId: '', message: 'Happy birthday, Megan!' }),
      settings,
      now,
    );
    expect(wishes).toMatchObject({
      ok: true,
      recognition: { value: { id: 'celebration', name: 'Celebration' } },
    });
    expect(recognitions.recognitions.size).toBe(4);
    // Celebration is not one of the company values, and wishes did not use up a kudos.
    expect(settings.values.map((v) => v.id)).not.toContain('celebration');
    expect(await service.give(request(), settings, now)).toMatchObject({
      ok: false,
      code: 'KUDOS.DAILY_LIMIT',
    });
    expect(await service.give(request({ valueId: 'celebration' }), settings, now)).toMatchObject({
      ok: false,
      code: 'KUDOS.UNKNOWN_VALUE',
    });
  });

  it('sends wishes to one person at a time', async () => {
    const { service } = setup();
    const both = await service.give(
      request({ occasion: 'wishes', recipientIds: ['megan', 'adele'] }),
      settings,
      now,
    );
    expect(both).toMatchObject({ ok: false, field: 'recipients', occasion: 'wishes', most: 1, chosen: 2 });
  });

  it('does not start a new day when the giver moves to a zone where the date is earlier', async () => {
    const { service, people, recognitions } = setup();
    // 06:00 in London on 11 March is still 10 March in Los Angeles.
    const morning = new Date('2027-03-11T06:00:00Z');
    for (let i = 0; i < 3; i++) expect((await service.give(request(), settings, morning)).ok).toBe(true);
    const alex = await people.get(T, 'alex');
    await people.save({ ...alex!, timeZone: 'America/Los_Angeles' });
    expect(await service.give(request(), settings, morning)).toMatchObject({
      ok: false,
      code: 'KUDOS.DAILY_LIMIT',
    });
    // Nor later that day in Los Angeles, when it is 11 March there too.
    expect(await service.give(request(), settings, new Date('2027-03-11T18:00:00Z'))).toMatchObject({
      ok: false,
      code: 'KUDOS.DAILY_LIMIT',
    });
    expect(recognitions.recognitions.size).toBe(3);
    // 12 March in Los Angeles is a new day.
    expect((await service.give(request(), settings, new Date('2027-03-12T09:00:00Z'))).ok).toBe(true);
  });

  it('counts kudos given today before the tally existed', async () => {
    const { service, recognitions, tallies } = setup();
    for (let i = 0; i < 2; i++) expect((await service.give(request(), settings, now)).ok).toBe(true);
    tallies.tallies.clear();
    expect((await service.give(request(), settings, now)).ok).toBe(true);
    expect(await service.give(request(), settings, now)).toMatchObject({
      ok: false,
      code: 'KUDOS.DAILY_LIMIT',
    });
    expect(recognitions.recognitions.size).toBe(3);
  });
});

describe('KudosService.toggleCelebration', () => {
  it('celebrates once per person, and a second press takes it back', async () => {
    const { service } = setup();
    const given = await service.give(request(), settings, now);
    if (!given.ok) throw new Error('setup failed');
    const id = given.recognition.id;
    await service.toggleCelebration(T, id, { id: 'adele', name: 'Adele Vance' }, now);
    const twice = await service.toggleCelebration(T, id, { id: 'megan', name: 'Megan Bowen' }, now);
    expect(twice?.celebrations.map((c) => c.name)).toEqual(['Adele Vance', 'Megan Bowen']);
    const undone = await service.toggleCelebration(T, id, { id: 'adele', name: 'Adele Vance' }, now);
    expect(undone?.celebrations.map((c) => c.name)).toEqual(['Megan Bowen']);
  });

  it('answers undefined for kudos that do not exist in this tenant', async () => {
    const { service } = setup();
    expect(
      await service.toggleCelebration('tenant-b', 'kudos-x', { id: 'a', name: 'A' }, now),
    ).toBeUndefined();
  });
});
