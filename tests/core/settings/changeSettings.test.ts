import {
  changeTenantSettings,
  defaultTenantSettings,
  settingTexts,
  SettingsCache,
  type AuditActor,
  type SettingsChangeDeps,
} from '../../../core/settings';
import { MemoryAuditTrail, MemorySettingsStore } from '../../support/fakes';

const T = 'tenant-a';
const ALEX: AuditActor = { id: 'alex', name: 'Alex Wilber', via: 'teams' };
const MEGAN: AuditActor = { id: 'megan', name: 'Megan Bowen', via: 'cli' };
const now = new Date('2027-03-11T09:00:00Z');

async function setup() {
  const store = new MemorySettingsStore();
  await store.saveTenant({ ...defaultTenantSettings(T, 'UTC'), adminIds: ['alex'] });
  const audit = new MemoryAuditTrail();
  const deps: SettingsChangeDeps = { settings: store, audit, now, defaultTimeZone: 'UTC', nonce: () => 'n' };
  return { store, audit, deps };
}

describe('changeTenantSettings', () => {
  it('saves the fields given, keeps the rest, and audits each change with who, when, from and to', async () => {
    const { store, audit, deps } = await setup();
    const result = await changeTenantSettings(deps, {
      tenantId: T,
      by: ALEX,
      fields: {
        dailyKudosLimit: '5',
        digestDay: 'Friday',
        checkIns: '0,30',
        birthdays: 'off',
        sendHour: '9',
      },
    });
    expect(result.ok).toBe(true);
    const stored = await store.tenant(T);
    expect(stored).toMatchObject({
      dailyKudosLimit: 5,
      digestDay: 5,
      sendHour: 9,
      milestones: { birthdays: false, anniversaries: true, checkIns: [0, 30] },
      adminIds: ['alex'],
      reminderLeadDays: 3,
    });
    // sendHour was given but was 9 already: no entry for it.
    expect(
      (await audit.all(T)).map(({ field, from, to, by, at, subject }) => ({
        field,
        from,
        to,
        by,
        at,
        subject,
      })),
    ).toEqual(
      expect.arrayContaining([
        { field: 'dailyKudosLimit', from: 20, to: 5, by: ALEX, at: now.toISOString(), subject: 'settings' },
        { field: 'digestDay', from: 1, to: 5, by: ALEX, at: now.toISOString(), subject: 'settings' },
        {
          field: 'checkIns',
          from: [0, 7, 30, 90],
          to: [0, 30],
          by: ALEX,
          at: now.toISOString(),
          subject: 'settings',
        },
        { field: 'birthdays', from: true, to: false, by: ALEX, at: now.toISOString(), subject: 'settings' },
      ]),
    );
    expect(audit.entries).toHaveLength(4);
    expect(new Set(audit.entries.map((e) => e.id)).size).toBe(4);
  });

  it('turns the daily limit off as null, and audits it', async () => {
    const { store, audit, deps } = await setup();
    expect(
      (await changeTenantSettings(deps, { tenantId: T, by: MEGAN, fields: { dailyKudosLimit: 'off' } })).ok,
    ).toBe(true);
    expect((await store.tenant(T))?.dailyKudosLimit).toBeNull();
    expect(audit.entries).toMatchObject([
      { field: 'dailyKudosLimit', from: 20, to: null, by: { via: 'cli' } },
    ]);
  });

  it('saves nothing and audits nothing when any field is wrong, with a message per wrong field', async () => {
    const { store, audit, deps } = await setup();
    const before = await store.tenant(T);
    const result = await changeTenantSettings(deps, {
      tenantId: T,
      by: ALEX,
      fields: { dailyKudosLimit: '2', sendHour: '24', weekendRule: 'sunday', colour: 'blue' },
    });
    expect(result).toMatchObject({ ok: false, code: 'SETTINGS.INVALID' });
    expect(!result.ok && result.code === 'SETTINGS.INVALID' && result.problems.map((p) => p.field)).toEqual([
      'sendHour',
      'weekendRule',
      'colour',
    ]);
    expect(await store.tenant(T)).toEqual(before);
    expect(audit.entries).toEqual([]);
  });

  it('changes nothing and records nothing when every value is as it was', async () => {
    const { store, audit, deps } = await setup();
    const before = await store.tenant(T);
    const result = await changeTenantSettings(deps, { tenantId: T, by: ALEX, fields: settingTexts(before!) });
    expect(result).toMatchObject({ ok: true, changes: [] });
    expect(await store.tenant(T)).toEqual(before);
    expect(audit.entries).toEqual([]);
  });

  it('stores settings for a tenant that had none, from the defaults', async () => {
    const store = new MemorySettingsStore();
    const audit = new MemoryAuditTrail();
    const deps = { settings: store, audit, now, defaultTimeZone: 'Europe/London' };
    expect(
      (await changeTenantSettings(deps, { tenantId: 'new', by: MEGAN, fields: { sendHour: '10' } })).ok,
    ).toBe(true);
    expect(await store.tenant('new')).toMatchObject({
      sendHour: 10,
      defaultTimeZone: 'Europe/London',
      adminIds: [],
    });
  });

  describe('two admins saving at once', () => {
    it('tells the second which settings changed meanwhile, with their new values, and saves nothing of theirs', async () => {
      const { store, audit, deps } = await setup();
      // Both open the card on the same settings.
      const shown = await store.tenant(T);
      const basis = { version: shown?.version, fields: settingTexts(shown!) };
      const first = await changeTenantSettings(deps, {
        tenantId: T,
        by: ALEX,
        fields: { ...basis.fields, dailyKudosLimit: '2', sendHour: '10' },
        basis,
      });
      expect(first.ok).toBe(true);
      const second = await changeTenantSettings(deps, {
        tenantId: T,
        by: MEGAN,
        fields: { ...basis.fields, sendHour: '7', digestHour: '6' },
        basis,
      });
      expect(second).toMatchObject({
        ok: false,
        code: 'SETTINGS.CHANGED_MEANWHILE',
        changedMeanwhile: [
          { field: 'dailyKudosLimit', value: 2 },
          { field: 'sendHour', value: 10 },
        ],
      });
      expect(await store.tenant(T)).toMatchObject({ dailyKudosLimit: 2, sendHour: 10, digestHour: 8 });
      expect(audit.entries.map((e) => e.by.id)).toEqual(['alex', 'alex']);

      // Their second try, on the settings as they are now, saves their entries.
      if (second.ok || second.code !== 'SETTINGS.CHANGED_MEANWHILE') throw new Error('expected a conflict');
      const retry = await changeTenantSettings(deps, {
        tenantId: T,
        by: MEGAN,
        fields: { ...settingTexts(second.settings), sendHour: '7', digestHour: '6' },
        basis: { version: second.settings.version, fields: settingTexts(second.settings) },
      });
      expect(retry.ok).toBe(true);
      expect(await store.tenant(T)).toMatchObject({ dailyKudosLimit: 2, sendHour: 7, digestHour: 6 });
    });

    it('refuses a save that lost the race between reading and writing, and names what won', async () => {
      const { store, audit, deps } = await setup();
      // Megan's save lands between this change's read and its write.
      const racing: SettingsChangeDeps = {
        ...deps,
        settings: {
          tenant: (id) => store.tenant(id),
          saveTenant: async (settings, condition) => {
            const theirs = await store.tenant(T);
            await store.saveTenant({ ...theirs!, digestDay: 3 });
            return store.saveTenant(settings, condition);
          },
          team: (tenantId, teamId) => store.team(tenantId, teamId),
          saveTeam: (settings) => store.saveTeam(settings),
          tenantIds: () => store.tenantIds(),
        },
      };
      const result = await changeTenantSettings(racing, {
        tenantId: T,
        by: ALEX,
        fields: { sendHour: '11' },
      });
      expect(result).toMatchObject({
        ok: false,
        code: 'SETTINGS.CHANGED_MEANWHILE',
        changedMeanwhile: [{ field: 'digestDay', value: 3 }],
      });
      expect(await store.tenant(T)).toMatchObject({ sendHour: 9, digestDay: 3 });
      expect(audit.entries).toEqual([]);
    });
  });

  it('through the settings cache, the change is read at once by the same instance', async () => {
    const { store, deps } = await setup();
    let clock = 0;
    const cache = new SettingsCache(store, () => clock);
    expect((await cache.tenant(T))?.dailyKudosLimit).toBe(20);
    const result = await changeTenantSettings(
      { ...deps, settings: cache },
      { tenantId: T, by: ALEX, fields: { dailyKudosLimit: '2' } },
    );
    expect(result.ok).toBe(true);
    clock += 1;
    const cached = await cache.tenant(T);
    expect(cached?.dailyKudosLimit).toBe(2);
    // The cached copy carries the new version, so a second change from this instance is not refused.
    expect(cached?.version).toBe((await store.tenant(T))?.version);
    expect(
      (
        await changeTenantSettings(
          { ...deps, settings: cache },
          { tenantId: T, by: ALEX, fields: { sendHour: '6' } },
        )
      ).ok,
    ).toBe(true);
  });
});
