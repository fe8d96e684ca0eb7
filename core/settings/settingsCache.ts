import type {
  JobRuns,
  SettingsStore,
  TeamSettings,
  TenantSaveCondition,
  TenantSaveResult,
  TenantSettings,
} from './tenantSettings';

/** How long settings read from the store are trusted before they are read again. */
export const SETTINGS_TRUSTED_FOR_MS = 60_000;

interface Entry<T> {
  value: T | undefined;
  readAt: number;
}

/**
 * Tenant and team settings kept in memory for a minute in front of the store: every kudos, form
 * and command reads them, and they change only when an admin changes them. A change made through
 * this process is seen at once (writes go through and replace the cached copy); one made by
 * another instance is seen within {@link SETTINGS_TRUSTED_FOR_MS}. Job runs are not cached.
 */
export class SettingsCache implements SettingsStore, JobRuns {
  private readonly entries = new Map<string, Entry<TenantSettings | TeamSettings>>();
  /** Bumped by every write, so a read that started before a write cannot cache the older copy. */
  private readonly versions = new Map<string, number>();

  constructor(
    private readonly store: SettingsStore & JobRuns,
    private readonly clock: () => number = Date.now,
  ) {}

  tenant(tenantId: string): Promise<TenantSettings | undefined> {
    return this.cached(`tenant\n${tenantId}`, () => this.store.tenant(tenantId));
  }

  async saveTenant(settings: TenantSettings, condition?: TenantSaveCondition): Promise<TenantSaveResult> {
    let result: TenantSaveResult = { saved: false, conflict: true };
    await this.written(`tenant\n${settings.tenantId}`, async () => {
      result = await this.store.saveTenant(settings, condition);
      // A refused save leaves the cache empty: the next read fetches whatever won.
      if (!result.saved) return undefined;
      const { version: _old, ...saved } = settings;
      return result.version === undefined ? saved : { ...saved, version: result.version };
    });
    return result;
  }

  team(tenantId: string, teamId: string): Promise<TeamSettings | undefined> {
    return this.cached(`team\n${tenantId}\n${teamId}`, () => this.store.team(tenantId, teamId));
  }

  async saveTeam(settings: TeamSettings): Promise<void> {
    const key = `team\n${settings.tenantId}\n${settings.teamId}`;
    await this.written(key, async () => {
      await this.store.saveTeam(settings);
      return settings;
    });
  }

  tenantIds(): Promise<string[]> {
    return this.store.tenantIds();
  }

  lastRun(tenantId: string, job: string): Promise<Date | undefined> {
    return this.store.lastRun(tenantId, job);
  }

  recordRun(tenantId: string, job: string, at: Date): Promise<void> {
    return this.store.recordRun(tenantId, job, at);
  }

  private async cached<T extends TenantSettings | TeamSettings>(
    key: string,
    read: () => Promise<T | undefined>,
  ): Promise<T | undefined> {
    const entry = this.entries.get(key);
    if (entry && this.clock() - entry.readAt < SETTINGS_TRUSTED_FOR_MS) return copy(entry.value as T);
    const version = this.versions.get(key) ?? 0;
    const readAt = this.clock();
    const value = await read();
    if ((this.versions.get(key) ?? 0) === version) this.entries.set(key, { value: copy(value), readAt });
    return value;
  }

  /** Writes through `write`, then caches what it says is now stored (nothing when it is unsure). */
  private async written<T extends TenantSettings | TeamSettings>(
    key: string,
    write: () => Promise<T | undefined>,
  ): Promise<void> {
    this.versions.set(key, (this.versions.get(key) ?? 0) + 1);
    this.entries.delete(key);
    const value = await write();
    this.versions.set(key, (this.versions.get(key) ?? 0) + 1);
    if (value !== undefined) this.entries.set(key, { value: copy(value), readAt: this.clock() });
  }
}

/** Callers may change what they are given; the cached copy stays as stored. */
function copy<T>(value: T): T {
  return value === undefined ? value : structuredClone(value);
}
