import type { Container } from '@azure/cosmos';
import type { JobRuns, SettingsStore, TeamSettings, TenantSettings } from '../../core/settings';
import { fromDocument } from './documents';

const TENANT_DOC = 'tenant';
const teamDocId = (teamId: string) => `team:${teamId}`;

type Stored<T> = T & { id: string; type: 'tenant' | 'team' | 'job' };

const jobDocId = (job: string) => `job:${job}`;

/** Tenant and team settings, and job runs, in the `settings` container, one partition per tenant. */
export class CosmosSettingsStore implements SettingsStore, JobRuns {
  constructor(private readonly container: Container) {}

  async tenant(tenantId: string): Promise<TenantSettings | undefined> {
    const { resource } = await this.container.item(TENANT_DOC, tenantId).read<Stored<TenantSettings>>();
    return resource && resource.tenantId === tenantId ? strip(resource) : undefined;
  }

  async saveTenant(settings: TenantSettings): Promise<void> {
    await this.container.items.upsert<Stored<TenantSettings>>({
      ...settings,
      id: TENANT_DOC,
      type: 'tenant',
    });
  }

  async team(tenantId: string, teamId: string): Promise<TeamSettings | undefined> {
    const { resource } = await this.container.item(teamDocId(teamId), tenantId).read<Stored<TeamSettings>>();
    return resource && resource.tenantId === tenantId ? strip(resource) : undefined;
  }

  async tenantIds(): Promise<string[]> {
    // The one query across tenants: the jobs' list of whom to work for, tiny (one row per tenant).
    const { resources } = await this.container.items
      .query<string>({ query: "SELECT VALUE c.tenantId FROM c WHERE c.type = 'tenant'" })
      .fetchAll();
    return [...new Set(resources)].sort();
  }

  async lastRun(tenantId: string, job: string): Promise<Date | undefined> {
    const { resource } = await this.container
      .item(jobDocId(job), tenantId)
      .read<{ tenantId: string; at: string }>();
    return resource && resource.tenantId === tenantId ? new Date(resource.at) : undefined;
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

function strip<T>(resource: Stored<T>): T {
  const { id: _id, type: _type, ...rest } = fromDocument<Stored<T>>(resource);
  return rest as T;
}
