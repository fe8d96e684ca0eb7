import type { Person } from '../../../core/people';
import {
  addAdmin,
  defaultTenantSettings,
  removeAdmin,
  type AdminChangeDeps,
  type AuditActor,
} from '../../../core/settings';
import { MemoryAuditTrail, MemoryPeopleDirectory, MemorySettingsStore } from '../../support/fakes';

const T = 'tenant-a';
const ALEX = '00000000-0000-4000-8000-0000000000a1';
const MEGAN = '00000000-0000-4000-8000-0000000000b2';
const ADELE = '00000000-0000-4000-8000-0000000000c3';
const AT = new Date('2027-03-10T10:00:00.000Z');

const person = (id: string, displayName: string, email?: string): Person => ({
  tenantId: T,
  id,
  displayName,
  ...(email ? { email } : {}),
  celebrate: { birthday: 'manager', anniversary: 'manager' },
});

const teams = (id: string, name: string): AuditActor => ({ id, name, via: 'teams' });
const CLI: AuditActor = { id: 'operator', name: 'operator', via: 'cli' };

function world(options: { named?: string[]; adminIds?: string[] } = {}) {
  const people = new MemoryPeopleDirectory([
    person(ALEX, 'Alex Wilber', 'alexw@contoso.com'),
    person(MEGAN, 'Megan Bowen', 'meganb@contoso.com'),
    person(ADELE, 'Adele Vance', 'adelev@contoso.com'),
  ]);
  const settings = new MemorySettingsStore();
  if (options.adminIds) {
    void settings.saveTenant({ ...defaultTenantSettings(T, 'UTC'), adminIds: options.adminIds });
  }
  const audit = new MemoryAuditTrail();
  const deps: AdminChangeDeps = {
    people,
    settings,
    audit,
    namedAdmins: options.named ?? [],
    defaultTimeZone: 'UTC',
  };
  const adminIds = async () => (await settings.tenant(T))?.adminIds;
  return { deps, audit, adminIds };
}

describe('addAdmin', () => {
  it('the CLI makes the first admin of a tenant with no settings, by e-mail, and audits it', async () => {
    const { deps, audit, adminIds } = world();
    const change = await addAdmin(deps, { tenantId: T, target: 'MeganB@contoso.com', by: CLI, at: AT });
    expect(change).toMatchObject({
      ok: true,
      outcome: 'added',
      person: { id: MEGAN, name: 'Megan Bowen' },
    });
    expect(await adminIds()).toEqual([MEGAN]);
    expect(audit.entries).toEqual([
      {
        tenantId: T,
        id: expect.stringMatching(/^2027-03-10T10:00:00\.000Z:/),
        at: '2027-03-10T10:00:00.000Z',
        by: CLI,
        subject: 'admins',
        field: MEGAN,
        to: 'Megan Bowen',
      },
    ]);
  });

  it('refuses an e-mail nobody in the tenant has, and a non-id, changing nothing', async () => {
    const { deps, audit, adminIds } = world();
    expect(await addAdmin(deps, { tenantId: T, target: 'sam@contoso.com', by: CLI, at: AT })).toMatchObject({
      ok: false,
      code: 'ADMINS.UNKNOWN_PERSON',
      target: 'sam@contoso.com',
      email: true,
    });
    expect(await addAdmin(deps, { tenantId: T, target: 'sam', by: CLI, at: AT })).toMatchObject({
      ok: false,
      code: 'ADMINS.UNKNOWN_PERSON',
      target: 'sam',
      email: false,
    });
    expect(await adminIds()).toBeUndefined();
    expect(audit.entries).toEqual([]);
  });

  it('accepts an Entra object id the directory has not met yet', async () => {
    const { deps, adminIds } = world();
    const stranger = '11111111-2222-4333-8444-555555555555';
    expect(await addAdmin(deps, { tenantId: T, target: stranger, by: CLI, at: AT })).toMatchObject({
      ok: true,
      outcome: 'added',
    });
    expect(await adminIds()).toEqual([stranger]);
  });

  it('an env-named admin can add someone from Teams; a non-admin cannot', async () => {
    const { deps, audit, adminIds } = world({ named: ['alexw@contoso.com'] });
    const refused = await addAdmin(deps, {
      tenantId: T,
      target: { id: ADELE, name: 'Adele Vance' },
      by: teams(MEGAN, 'Megan Bowen'),
      at: AT,
    });
    expect(refused).toMatchObject({ ok: false, code: 'ADMINS.NOT_AN_ADMIN' });
    expect(await adminIds()).toBeUndefined();

    const added = await addAdmin(deps, {
      tenantId: T,
      target: { id: MEGAN, name: 'Megan Bowen' },
      by: teams(ALEX, 'Alex Wilber'),
      at: AT,
    });
    expect(added).toMatchObject({ ok: true, outcome: 'added' });
    expect(added.ok && added.admins.map((a) => [a.name, a.named])).toEqual([
      ['Alex Wilber', true],
      ['Megan Bowen', false],
    ]);
    expect(await adminIds()).toEqual([MEGAN]);
    expect(audit.entries.map((e) => [e.by.via, e.by.name, e.field, e.to])).toEqual([
      ['teams', 'Alex Wilber', MEGAN, 'Megan Bowen'],
    ]);
  });

  it('adding someone who already is an admin changes nothing and audits nothing', async () => {
    const { deps, audit, adminIds } = world({ named: [ALEX], adminIds: [MEGAN] });
    for (const target of [MEGAN, ALEX]) {
      expect(await addAdmin(deps, { tenantId: T, target, by: CLI, at: AT })).toMatchObject({
        ok: true,
        outcome: 'unchanged',
      });
    }
    expect(await adminIds()).toEqual([MEGAN]);
    expect(audit.entries).toEqual([]);
  });
});

describe('removeAdmin', () => {
  it('removes a listed admin and audits who did it, from what', async () => {
    const { deps, audit, adminIds } = world({ adminIds: [ALEX, MEGAN] });
    const change = await removeAdmin(deps, {
      tenantId: T,
      target: { id: MEGAN, name: 'Megan Bowen' },
      by: teams(ALEX, 'Alex Wilber'),
      at: AT,
    });
    expect(change).toMatchObject({
      ok: true,
      outcome: 'removed',
      person: { id: MEGAN, name: 'Megan Bowen' },
    });
    expect(await adminIds()).toEqual([ALEX]);
    expect(audit.entries.map((e) => [e.subject, e.field, e.from, e.to, e.by.id])).toEqual([
      ['admins', MEGAN, 'Megan Bowen', undefined, ALEX],
    ]);
  });

  it('the last admin cannot remove themselves; with another admin they can', async () => {
    const { deps, audit, adminIds } = world({ adminIds: [ALEX] });
    const self = { tenantId: T, target: ALEX, by: teams(ALEX, 'Alex Wilber'), at: AT };
    expect(await removeAdmin(deps, self)).toMatchObject({ ok: false, code: 'ADMINS.LAST_ADMIN' });
    expect(await adminIds()).toEqual([ALEX]);
    expect(audit.entries).toEqual([]);

    await addAdmin(deps, { tenantId: T, target: MEGAN, by: teams(ALEX, 'Alex Wilber'), at: AT });
    expect(await removeAdmin(deps, self)).toMatchObject({ ok: true, outcome: 'removed' });
    expect(await adminIds()).toEqual([MEGAN]);
  });

  it('an env-named admin cannot be removed, from Teams or the CLI, even when also listed', async () => {
    const { deps, audit, adminIds } = world({ named: ['alexw@contoso.com'], adminIds: [ALEX, MEGAN] });
    for (const by of [teams(MEGAN, 'Megan Bowen'), CLI]) {
      expect(await removeAdmin(deps, { tenantId: T, target: 'alexw@contoso.com', by, at: AT })).toMatchObject(
        {
          ok: false,
          code: 'ADMINS.NAMED_IN_SETTING',
          person: { id: ALEX, name: 'Alex Wilber' },
        },
      );
    }
    expect(await adminIds()).toEqual([ALEX, MEGAN]);
    expect(audit.entries).toEqual([]);
  });

  it('a non-admin cannot remove anyone; removing a non-admin changes nothing', async () => {
    const { deps, audit, adminIds } = world({ adminIds: [ALEX] });
    expect(
      await removeAdmin(deps, { tenantId: T, target: ALEX, by: teams(MEGAN, 'Megan Bowen'), at: AT }),
    ).toMatchObject({ ok: false, code: 'ADMINS.NOT_AN_ADMIN' });
    expect(await removeAdmin(deps, { tenantId: T, target: ADELE, by: CLI, at: AT })).toMatchObject({
      ok: true,
      outcome: 'unchanged',
    });
    expect(await adminIds()).toEqual([ALEX]);
    expect(audit.entries).toEqual([]);
  });

  it('the CLI may remove the last admin (the operator can add one again)', async () => {
    const { deps, adminIds } = world({ adminIds: [ALEX] });
    const change = await removeAdmin(deps, { tenantId: T, target: ALEX, by: CLI, at: AT });
    expect(change).toMatchObject({ ok: true, outcome: 'removed', admins: [] });
    expect(await adminIds()).toEqual([]);
  });
});

describe('two admin changes at once', () => {
  it('both land: one is saved, the other is refused rather than overwriting it, and only the saved one is audited', async () => {
    const { deps, audit, adminIds } = world({ adminIds: [ALEX] });
    const [megan, adele] = await Promise.all([
      addAdmin(deps, { tenantId: T, target: MEGAN, by: teams(ALEX, 'Alex Wilber'), at: AT }),
      addAdmin(deps, { tenantId: T, target: ADELE, by: teams(ALEX, 'Alex Wilber'), at: AT }),
    ]);
    const outcomes = [megan, adele].map((c) => (c.ok ? c.outcome : c.code)).sort();
    expect(outcomes).toEqual(['ADMINS.CHANGED_MEANWHILE', 'added']);
    const added = megan.ok ? MEGAN : ADELE;
    expect(await adminIds()).toEqual([ALEX, added]);
    expect(audit.entries.map((e) => e.field)).toEqual([added]);
    // Tried again, the refused one is saved over the other's change: nothing is lost.
    const again = await addAdmin(deps, {
      tenantId: T,
      target: added === MEGAN ? ADELE : MEGAN,
      by: teams(ALEX, 'Alex Wilber'),
      at: AT,
    });
    expect(again).toMatchObject({ ok: true, outcome: 'added' });
    expect((await adminIds())?.sort()).toEqual([ALEX, ADELE, MEGAN].sort());
  });
});
