import type { Container } from '@azure/cosmos';
import type { SettingsStore, TeamSettings, TenantSettings } from '../../core/settings';
import { fromDocument } from './documents';

const TENANT_DOC = 'tenant';
const teamDocId = (teamId: string) => `team:${teamId}`;

type Stored<T> = T & { id: string; type: 'tenant' | 'team' };

/** Tenant and team settings in the `settings` container, one partition per tenant. */
export class CosmosSettingsStore implements SettingsStore {
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
