import type { Container } from '@azure/cosmos';
import type {
  JobRuns,
  SettingsStore,
  TeamSettings,
  TenantSaveCondition,
  TenantSaveResult,
  TenantSettings,
} from '../../core/settings';
import type { Logger } from '../../core/shared';
import { DocumentReader, statusOf } from './documents';
import { jobRunSchema, teamSettingsSchema, tenantSettingsSchema } from './schemas/settings';

const TENANT_DOC = 'tenant';
const teamDocId = (teamId: string) => `team:${teamId}`;

type Stored<T> = T & { id: string; type: 'tenant' | 'team' | 'job' };

const jobDocId = (job: string) => `job:${job}`;

/** Tenant and team settings, and job runs, in the `settings` container, one partition per tenant. */
export class CosmosSettingsStore implements SettingsStore, JobRuns {
  private readonly tenants: DocumentReader<TenantSettings>;
  private readonly teams: DocumentReader<TeamSettings>;
  private readonly runs: DocumentReader<{ tenantId: string; at: string }>;

  constructor(
    private readonly container: Container,
    logger: Logger,
  ) {
    this.tenants = new DocumentReader('tenant settings', tenantSettingsSchema, logger);
    this.teams = new DocumentReader('team settings', teamSettingsSchema, logger);
    this.runs = new DocumentReader('job run', jobRunSchema, logger);
  }

  async tenant(tenantId: string): Promise<TenantSettings | undefined> {
    const { resource } = await this.container.item(TENANT_DOC, tenantId).read<Stored<TenantSettings>>();
    if (!resource || resource.tenantId !== tenantId) return undefined;
    const settings = this.tenants.one(resource);
    // Read as absent, damaged settings would be replaced by the defaults (and the admins lost) by the
    // next turn that stores a tenant seen for the first time: refuse to go on instead.
    if (!settings) {
      throw new Error(
        `The settings of tenant ${tenantId} are stored but cannot be read; they are left as they are. ` +
          'Repair the settings document (id "tenant") in the settings container.',
      );
    }
    // The document's etag is the settings' version: a conditional save sends it back as If-Match.
    const stripped = strip(settings) as TenantSettings;
    return resource._etag ? { ...stripped, version: resource._etag } : stripped;
  }

  async saveTenant(settings: TenantSettings, condition: TenantSaveCondition = {}): Promise<TenantSaveResult> {
    const { version: _version, ...rest } = settings;
    const document: Stored<TenantSettings> = { ...rest, id: TENANT_DOC, type: 'tenant' };
    const { ifVersion } = condition;
    try {
      const { resource } =
        ifVersion === undefined
          ? await this.container.items.upsert(document)
          : ifVersion === null
            ? await this.container.items.create(document)
            : await this.container.item(TENANT_DOC, settings.tenantId).replace(document, {
                accessCondition: { type: 'IfMatch', condition: ifVersion },
              });
      return resource?._etag ? { saved: true, version: resource._etag } : { saved: true };
    } catch (error) {
      // 409: stored meanwhile (create); 412: saved meanwhile; 404: gone meanwhile (replace).
      const status = statusOf(error);
      if (status === 409 || status === 412 || status === 404) return { saved: false, conflict: true };
      throw error;
    }
  }

  async team(tenantId: string, teamId: string): Promise<TeamSettings | undefined> {
    const { resource } = await this.container.item(teamDocId(teamId), tenantId).read<Stored<TeamSettings>>();
    return resource && resource.tenantId === tenantId ? strip(this.teams.one(resource)) : undefined;
  }

  async tenantIds(): Promise<string[]> {
    // The one query across tenants: the jobs' list of whom to work for, tiny (one row per tenant).
    const { resources } = await this.container.items
      .query<unknown>({ query: "SELECT VALUE c.tenantId FROM c WHERE c.type = 'tenant'" })
      .fetchAll();
    const ids = resources.filter((id): id is string => typeof id === 'string' && id !== '');
    return [...new Set(ids)].sort();
  }

  async lastRun(tenantId: string, job: string): Promise<Date | undefined> {
    const { resource } = await this.container.item(jobDocId(job), tenantId).read();
    const run = resource ? this.runs.one(resource) : undefined;
    return run && run.tenantId === tenantId ? new Date(run.at) : undefined;
  }

  async recordRun(tenantId: string, job: string, at: Date): Promise<void> {
    await this.container.items.upsert({
      id: jobDocId(job),
      tenantId,
      type: 'job',
      job,
      at: at.toISOString(),
    });
  }

  async saveTeam(settings: TeamSettings): Promise<void> {
    await this.container.items.upsert<Stored<TeamSettings>>({
      ...settings,
      id: teamDocId(settings.teamId),
      type: 'team',
    });
  }
}

/** The settings without the document's own `id`, `type` and Cosmos' system properties (`_etag`, …). */
function strip<T>(settings: T | undefined): T | undefined {
  if (!settings) return undefined;
  const { id: _id, type: _type, ...rest } = settings as Stored<T>;
  return Object.fromEntries(Object.entries(rest).filter(([key]) => !key.startsWith('_'))) as T;
}
