import { defaultTenantSettings, SETTINGS_TRUSTED_FOR_MS, SettingsCache } from '../../../core/settings';
import { MemorySettingsStore } from '../../support/fakes';

/** The store, counting its reads of tenant and team settings. */
class CountingStore extends MemorySettingsStore {
  reads = 0;
  /** When set, reads of tenant settings wait for it (a slow read). */
  gate?: Promise<void>;
  override async tenant(tenantId: string) {
    this.reads++;
    const settings = await super.tenant(tenantId);
    await this.gate;
    return settings;
  }
  override async team(tenantId: string, teamId: string) {
    this.reads++;
    return super.team(tenantId, teamId);
  }
}

function setup() {
  const store = new CountingStore();
  let now = 1_000_000;
  const cache = new SettingsCache(store, () => now);
  return { store, cache, advance: (ms: number) => (now += ms) };
}

describe('SettingsCache', () => {
  it('reads a tenant’s settings once a minute, however often they are asked for', async () => {
    const { store, cache, advance } = setup();
    await store.saveTenant(defaultTenantSettings('t', 'UTC'));
    for (let i = 0; i < 5; i++) expect((await cache.tenant('t'))?.dailyKudosLimit).toBe(20);
    expect(store.reads).toBe(1);
    advance(SETTINGS_TRUSTED_FOR_MS);
    await cache.tenant('t');
    expect(store.reads).toBe(2);
  });

  it('sees its own writes at once, and another instance’s within a minute', async () => {
    const { store, cache, advance } = setup();
    await cache.saveTenant(defaultTenantSettings('t', 'UTC'));
    await cache.saveTenant({ ...defaultTenantSettings('t', 'UTC'), dailyKudosLimit: 5 });
    expect((await cache.tenant('t'))?.dailyKudosLimit).toBe(5);
    expect(store.reads).toBe(0);
    // Written straight to the store, as another instance would.
    await store.saveTenant({ ...defaultTenantSettings('t', 'UTC'), dailyKudosLimit: 7 });
    expect((await cache.tenant('t'))?.dailyKudosLimit).toBe(5);
    advance(SETTINGS_TRUSTED_FOR_MS);
    expect((await cache.tenant('t'))?.dailyKudosLimit).toBe(7);
  });

  it('remembers that a tenant or team has no settings, until they are saved', async () => {
    const { store, cache } = setup();
    expect(await cache.tenant('new')).toBeUndefined();
    expect(await cache.team('new', 'team')).toBeUndefined();
    expect(await cache.tenant('new')).toBeUndefined();
    expect(store.reads).toBe(2);
    await cache.saveTeam({ tenantId: 'new', teamId: 'team', recognitionChannelId: '19:c' });
    expect((await cache.team('new', 'team'))?.recognitionChannelId).toBe('19:c');
    expect(store.reads).toBe(2);
  });

  it('does not keep an older copy read while a write was under way', async () => {
    const { store, cache, advance } = setup();
    await store.saveTenant(defaultTenantSettings('t', 'UTC'));
    let finishRead = () => {};
    store.gate = new Promise((resolve) => (finishRead = resolve));
    const slowRead = cache.tenant('t');
    await cache.saveTenant({ ...defaultTenantSettings('t', 'UTC'), dailyKudosLimit: 3 });
    finishRead();
    expect((await slowRead)?.dailyKudosLimit).toBe(20);
    expect((await cache.tenant('t'))?.dailyKudosLimit).toBe(3);
    advance(1);
    expect((await cache.tenant('t'))?.dailyKudosLimit).toBe(3);
  });

  it('hands out copies: a caller changing its copy changes nothing cached', async () => {
    const { cache } = setup();
    await cache.saveTenant(defaultTenantSettings('t', 'UTC'));
    const mine = await cache.tenant('t');
    mine!.values.push({ id: 'x', name: 'X' });
    expect((await cache.tenant('t'))?.values.some((v) => v.id === 'x')).toBe(false);
  });

  it('a save refused for its version leaves the stored settings, and reads them afresh', async () => {
    const { store, cache } = setup();
    await cache.saveTenant(defaultTenantSettings('t', 'UTC'));
    const seen = await cache.tenant('t');
    // Another instance saves behind this one's back: this cache still holds the older copy.
    await store.saveTenant({ ...seen!, dailyKudosLimit: 7 });
    const refused = await cache.saveTenant({ ...seen!, dailyKudosLimit: 3 }, { ifVersion: seen!.version! });
    expect(refused).toEqual({ saved: false, conflict: true });
    expect((await cache.tenant('t'))?.dailyKudosLimit).toBe(7);
    // A save on the version now stored goes through, and is seen at once with its new version.
    const now = await cache.tenant('t');
    const saved = await cache.saveTenant({ ...now!, dailyKudosLimit: 4 }, { ifVersion: now!.version! });
    expect(saved.saved).toBe(true);
    expect(await cache.tenant('t')).toMatchObject({
      dailyKudosLimit: 4,
      version: saved.saved ? saved.version : 'none',
    });
  });
});
