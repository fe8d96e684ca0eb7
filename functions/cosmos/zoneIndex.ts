import type { Container } from '@azure/cosmos';
import { isTimeZone } from '../../core/people';

/** The marker saying someone in the tenant has `zone`; in the `settings` container, one per zone. */
interface ZoneMarker {
  id: string;
  tenantId: string;
  type: 'zone';
  zone: string;
}

/** Says the tenant's markers were built from its directory; written once, after that build. */
const INDEXED_ID = 'zones-indexed';

// Zone names hold slashes, which a document id may not.
const markerId = (zone: string): string => `zone:${encodeURIComponent(zone)}`;

/**
 * The time zones a tenant's people have, kept on write, so that the milestone job works out which
 * dates can be due this hour from a few small documents instead of asking for every date some zone
 * on Earth is at its send hour: a tenant in one zone has something due one hour a day.
 *
 * A marker is added (an upsert) after every write of a person with a known zone, and never removed: a
 * zone nobody has any more costs the job a few reads an hour, where a zone missing would cost a
 * reminder. Each process upserts a zone once per tenant; markers are never deleted, so what it has
 * written stays written.
 */
export class ZoneIndex {
  /** `tenantId\0zone` of the markers this process wrote. */
  private readonly written = new Set<string>();

  constructor(
    private readonly markers: Container,
    private readonly people: Container,
  ) {}

  /** Records that someone of the tenant has `zone`; call after the person's own write. */
  async mark(tenantId: string, zone: string | undefined): Promise<void> {
    // No zone, or one the runtime does not know, is the tenant's default zone, which the job
    // always counts.
    if (!zone || !isTimeZone(zone)) return;
    const key = `${tenantId}\u0000${zone}`;
    if (this.written.has(key)) return;
    const marker: ZoneMarker = { id: markerId(zone), tenantId, type: 'zone', zone };
    await this.markers.items.upsert(marker);
    this.written.add(key);
  }

  /**
   * Every zone marked for the tenant, sorted. A tenant whose markers were never built (its people
   * were stored before markers existed) gets them built here, once, from one pass over the
   * directory; a person written meanwhile marks their zone as usual.
   */
  async zones(tenantId: string): Promise<string[]> {
    const { resources } = await this.markers.items
      .query<unknown>({
        query: `SELECT c.id, c.type, c.zone FROM c WHERE c.tenantId = @tenantId AND (c.type = 'zone' OR c.id = '${INDEXED_ID}')`,
        parameters: [{ name: '@tenantId', value: tenantId }],
      })
      .fetchAll();
    const zones = new Set<string>();
    let indexed = false;
    for (const resource of resources) {
      const { id, type, zone } = (resource ?? {}) as Partial<ZoneMarker>;
      if (id === INDEXED_ID) indexed = true;
      else if (type === 'zone' && typeof zone === 'string' && zone !== '') zones.add(zone);
    }
    if (!indexed) for (const zone of await this.build(tenantId)) zones.add(zone);
    return [...zones].sort();
  }

  /** The one-off pass: a projection of `timeZone` (the local server rejects DISTINCT), deduplicated here. */
  private async build(tenantId: string): Promise<Set<string>> {
    const { resources } = await this.people.items
      .query<unknown>({
        query: 'SELECT VALUE c.timeZone FROM c WHERE c.tenantId = @tenantId AND IS_STRING(c.timeZone)',
        parameters: [{ name: '@tenantId', value: tenantId }],
      })
      .fetchAll();
    const zones = new Set(
      resources.filter((zone): zone is string => typeof zone === 'string' && zone !== '' && isTimeZone(zone)),
    );
    for (const zone of zones) await this.mark(tenantId, zone);
    await this.markers.items.upsert({ id: INDEXED_ID, tenantId, type: 'zones-index' });
    return zones;
  }
}

/** The index kept beside a `people` container: markers in the same database's `settings`. */
export function zoneIndexOf(people: Container): ZoneIndex {
  return new ZoneIndex(people.database.container('settings'), people);
}
