import { z } from 'zod';
import type { Recognition } from '../kudos';
import type { InsightsDeps, KudosPosition } from './ports';
import { shownText, valueNamer } from './shown';
import type { Viewer } from './viewer';
import {
  RECOGNITION_PERIODS,
  type KudosItem,
  type RecognitionPage,
  type RecognitionPeriod,
  type ValueCount,
} from './views';

/** What My recognition lists: a period counted back from now, maybe one value, and where the last page ended. */
export interface RecognitionQuery {
  period: RecognitionPeriod;
  valueId?: string;
  /** Opaque ({@link encodeCursor}): where the previous page ended. */
  cursor?: string;
}

/** Kudos per page of My recognition. */
export const RECOGNITION_PAGE_SIZE = 20;

const PERIOD_DAYS: Record<Exclude<RecognitionPeriod, 'all'>, number> = { '30d': 30, '90d': 90, '365d': 365 };
const DAY_MS = 24 * 60 * 60 * 1000;
const MAX_CURSOR_LENGTH = 400;
const MAX_VALUE_ID_LENGTH = 100;

const positionSchema = z.tuple([z.string().datetime({ offset: true }), z.string().min(1).max(200)]);

/** The cursor of a page that ended at `position`: base64url of its (createdAt, id), opaque to the tab. */
export function encodeCursor(position: KudosPosition): string {
  return toBase64Url(JSON.stringify([position.createdAt, position.id]));
}

/** Where a cursor says the previous page ended, or undefined for anything {@link encodeCursor} did not make. */
export function decodeCursor(cursor: string): KudosPosition | undefined {
  if (cursor.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(cursor)) return undefined;
  try {
    const parsed = positionSchema.safeParse(JSON.parse(fromBase64Url(cursor)));
    return parsed.success ? { createdAt: parsed.data[0], id: parsed.data[1] } : undefined;
  } catch {
    return undefined;
  }
}

// Web-standard base64 (btoa, atob, TextEncoder): core stays free of Node's Buffer.
function toBase64Url(text: string): string {
  const binary = Array.from(new TextEncoder().encode(text), (byte) => String.fromCharCode(byte)).join('');
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The text of a base64url string; throws when it is not base64 of UTF-8. */
function fromBase64Url(encoded: string): string {
  const binary = atob(encoded.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

const querySchema = z.object({
  period: z.enum(RECOGNITION_PERIODS).default('all'),
  value: z
    .string()
    .min(1)
    .max(MAX_VALUE_ID_LENGTH)
    .regex(/^[^\p{Cc}\s]+$/u)
    .optional(),
  cursor: z
    .string()
    .max(MAX_CURSOR_LENGTH)
    .refine((cursor) => decodeCursor(cursor) !== undefined)
    .optional(),
});

/**
 * The query of GET /tab/api/recognition (`period`, `value`, `cursor`), or undefined when any of them
 * is not one this API makes or accepts (a forged cursor included): the API answers 400. Other
 * parameters are ignored. Without `period`, all time.
 */
export function parseRecognitionQuery(raw: Record<string, string | undefined>): RecognitionQuery | undefined {
  const { period, value, cursor } = raw;
  // Cheap checks first: nothing long reaches the parser.
  if ([period, value, cursor].some((part) => part !== undefined && part.length > MAX_CURSOR_LENGTH)) {
    return undefined;
  }
  const parsed = querySchema.safeParse({ period, value, cursor });
  if (!parsed.success) return undefined;
  return {
    period: parsed.data.period,
    ...(parsed.data.value !== undefined ? { valueId: parsed.data.value } : {}),
    ...(parsed.data.cursor !== undefined ? { cursor: parsed.data.cursor } : {}),
  };
}

/** Thrown when a page is asked for with a cursor {@link parseRecognitionQuery} would have refused. */
export class BadCursor extends Error {
  constructor() {
    super('The recognition cursor is not one this API made.');
    this.name = 'BadCursor';
  }
}

/** The start of a period counted back from `now`; undefined for all time. */
export function periodStart(period: RecognitionPeriod, now: Date): Date | undefined {
  return period === 'all' ? undefined : new Date(now.getTime() - PERIOD_DAYS[period] * DAY_MS);
}

/**
 * GET /tab/api/recognition: the kudos the viewer received or gave, newest first, a page at a time
 * with no limit on how far back (each page starts where the cursor says the last one ended), and
 * per value how many they received and gave in the period. The counts cover every value of the
 * period, so the chart shows what a value filter can pick; the totals follow the filter, as the
 * list does.
 */
export async function recognitionPage(
  deps: Pick<InsightsDeps, 'history'>,
  viewer: Viewer,
  query: RecognitionQuery,
  now: Date,
): Promise<RecognitionPage> {
  const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
  if (query.cursor !== undefined && !after) throw new BadCursor();
  const since = periodStart(query.period, now);
  const filter = {
    personId: viewer.personId,
    ...(since ? { since } : {}),
    ...(query.valueId !== undefined ? { valueId: query.valueId } : {}),
  };
  const [found, involved] = await Promise.all([
    deps.history.page(viewer.tenantId, filter, after, RECOGNITION_PAGE_SIZE + 1),
    deps.history.involving(viewer.tenantId, viewer.personId, since),
  ]);
  const named = valueNamer(viewer.settings);
  const items = found.slice(0, RECOGNITION_PAGE_SIZE).map((kudos) => itemOf(kudos, viewer.personId, named));
  const last = found.length > RECOGNITION_PAGE_SIZE ? items[items.length - 1] : undefined;

  const counts = new Map<string, ValueCount>();
  const totals = { received: 0, given: 0 };
  for (const kudos of involved) {
    const received = kudos.recipientIds.includes(viewer.personId);
    const given = kudos.giverId === viewer.personId;
    const value = named(kudos.valueId, kudos.valueName);
    const count = counts.get(value.id) ?? { value, received: 0, given: 0 };
    counts.set(value.id, count);
    if (received) count.received += 1;
    if (given) count.given += 1;
    if (query.valueId === undefined || query.valueId === kudos.valueId) {
      if (received) totals.received += 1;
      if (given) totals.given += 1;
    }
  }
  return {
    items,
    ...(last ? { next: encodeCursor({ createdAt: last.createdAt, id: last.id }) } : {}),
    counts: [...counts.values()].sort(
      (a, b) =>
        b.received + b.given - (a.received + a.given) ||
        a.value.name.localeCompare(b.value.name) ||
        a.value.id.localeCompare(b.value.id),
    ),
    totals,
  };
}

function itemOf(kudos: Recognition, viewerId: string, named: ReturnType<typeof valueNamer>): KudosItem {
  const text = shownText(kudos, viewerId);
  return {
    id: kudos.id,
    createdAt: kudos.createdAt,
    direction: kudos.recipientIds.includes(viewerId) ? 'received' : 'given',
    giver: { id: kudos.giver.id, name: kudos.giver.name },
    recipients: kudos.recipients.map((r) => ({ id: r.id, name: r.name })),
    value: named(kudos.value.id, kudos.value.name),
    ...(text !== undefined ? { text } : {}),
    place: kudos.place.kind,
    celebratedBy: kudos.celebrations.map((c) => ({ id: c.id, name: c.name })),
  };
}
