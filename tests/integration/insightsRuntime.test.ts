import {
  organisationView,
  recognitionPage,
  recognitionsCsv,
  teamView,
  viewerOf,
  type InsightsDeps,
  type ViewerDeps,
} from '../../core/insights';
import type { Recognition } from '../../core/kudos';
import type { Person } from '../../core/people';
import { defaultTenantSettings } from '../../core/settings';
import { createRuntime, type Runtime } from '../../functions/composition';
import { loadConfig, localToolingEnv } from '../../functions/config';
import { insightsDepsOf, viewerDepsOf } from '../../functions/tab/insightsDeps';
import { startTestCosmos, type TestCosmos } from '../support/cosmos';
import { RecordingLogger } from '../support/fakes';

const T = 'tenant-tab';
// Wednesday 17 March 2027, 10:00 UTC.
const NOW = new Date('2027-03-17T10:00:00Z');
let cosmos: TestCosmos;
let runtime: Runtime;
let deps: InsightsDeps;
let viewerDeps: ViewerDeps;

const person = (id: string, fields: Partial<Person> = {}): Person => ({
  tenantId: T,
  id,
  displayName: id[0]!.toUpperCase() + id.slice(1),
  timeZone: 'Europe/London',
  celebrate: {},
  ...fields,
});

const kudos = (
  id: string,
  giver: string,
  to: string[],
  createdAt: string,
  fields: Partial<Recognition> = {},
) => ({
  tenantId: T,
  id,
  giver: { id: giver, name: giver },
  recipients: to.map((r) => ({ id: r, name: r })),
  recipientIds: to,
  value: { id: 'teamwork', name: 'Teamwork' },
  message: `words of ${id}`,
  place: { kind: 'personal' as const, conversationId: `a:${giver}` },
  postToChannel: false,
  managerMaySee: false,
  createdAt,
  givenOn: createdAt.slice(0, 10),
  celebrations: [],
  ...fields,
});

beforeAll(async () => {
  cosmos = await startTestCosmos();
  runtime = await createRuntime(loadConfig(localToolingEnv({})), {
    cosmos: { kind: 'local', endpoint: cosmos.server.endpoint, database: cosmos.database.id },
    logger: new RecordingLogger(),
  });
  deps = insightsDepsOf(runtime);
  viewerDeps = viewerDepsOf(runtime);
  await runtime.stores.settings.saveTenant({ ...defaultTenantSettings(T, 'UTC'), adminIds: ['ada'] });
  for (const p of [
    person('ada'),
    person('boss'),
    person('ann', { managerId: 'boss' }),
    person('bob', { managerId: 'boss' }),
    person('olga'),
  ]) {
    await runtime.stores.people.save(p);
  }
  await runtime.stores.recognitions.create(kudos('k1', 'olga', ['ann'], '2027-03-16T09:00:00.000Z'));
  await runtime.stores.recognitions.create(
    kudos('k2', 'ann', ['olga'], '2027-03-15T09:00:00.000Z', { managerMaySee: true }),
  );
  await runtime.stores.notes.create({
    tenantId: T,
    id: 'n-boss',
    authorId: 'boss',
    subjectId: 'ann',
    subjectName: 'Ann',
    text: 'ask about the conference',
    status: 'open',
    createdAt: '2027-03-10T09:00:00.000Z',
    updatedAt: '2027-03-10T09:00:00.000Z',
  });
  await runtime.stores.notes.create({
    tenantId: T,
    id: 'n-olga',
    authorId: 'olga',
    subjectId: 'ann',
    subjectName: 'Ann',
    text: 'olga’s own note',
    status: 'open',
    createdAt: '2027-03-10T09:00:00.000Z',
    updatedAt: '2027-03-10T09:00:00.000Z',
  });
  await runtime.stores.importStatus.record({
    tenantId: T,
    at: '2027-03-16T03:30:00.000Z',
    source: 'graph',
    added: 5,
    updated: 0,
    refused: [],
  });
});
afterAll(async () => {
  await runtime.close();
  await cosmos.close();
});

const viewer = (personId: string) => viewerOf(viewerDeps, { tenantId: T, personId });

describe('the tab’s use cases on the runtime’s stores', () => {
  it('shows a person their recognition', async () => {
    const page = await recognitionPage(deps, await viewer('ann'), { period: '30d' }, NOW);
    expect(page.items.map((i) => [i.id, i.direction, i.text])).toEqual([
      ['k1', 'received', 'words of k1'],
      ['k2', 'given', 'words of k2'],
    ]);
    expect(page.totals).toEqual({ received: 1, given: 1 });
  });

  it('shows a manager their team with their own notes only', async () => {
    const view = await teamView(deps, await viewer('boss'), NOW);
    expect(view.weeks[11]).toEqual({ weekStart: '2027-03-15', received: 1, given: 1, coverage: 0.5 });
    expect(view.reports.map((r) => [r.person.id, r.kudos90, r.followUps.map((f) => f.text)])).toEqual([
      ['ann', 1, ['ask about the conference']],
      ['bob', 0, []],
    ]);
  });

  it('shows an admin the organisation and exports its kudos', async () => {
    const admin = await viewer('ada');
    const view = await organisationView(deps, admin, NOW);
    expect(view.people).toEqual({
      count: 5,
      lastImport: { at: '2027-03-16T03:30:00.000Z', source: 'graph', added: 5, updated: 0, refused: [] },
      unreachable: {
        count: 5,
        first: ['Ada', 'Ann', 'Bob', 'Boss', 'Olga'].map((name) => ({ id: name.toLowerCase(), name })),
      },
    });
    expect(view.teams).toEqual([
      { manager: { id: 'boss', name: 'Boss' }, size: 2, recognised: 1, coverage: 0.5 },
    ]);
    expect(view.weeks[11]).toEqual({ weekStart: '2027-03-15', givers: 2, receivers: 2, share: 2 / 5 });

    const csv = await recognitionsCsv(deps, admin, { from: '2027-03-15', to: '2027-03-17' });
    expect(csv.split('\r\n')).toEqual([
      'date,giver,recipients,value,place,text,celebrations',
      '2027-03-15,ann,olga,Teamwork,personal,words of k2,0',
      '2027-03-16,olga,ann,Teamwork,personal,,0',
      '',
    ]);
  });
});
