import { z } from 'zod';
import type { TeamSettings, TenantSettings } from '../../../core/settings';

/** Tenant settings as stored (document id `tenant`); the store strips its `id` and `type`. */
export const tenantSettingsSchema = z
  .object({
    tenantId: z.string(),
    values: z.array(
      z.object({ id: z.string(), name: z.string(), retired: z.boolean().optional() }).passthrough(),
    ),
    sendHour: z.number(),
    digestDay: z.number(),
    digestHour: z.number(),
    defaultTimeZone: z.string(),
    adminIds: z.array(z.string()),
    dailyKudosLimit: z.number(),
  })
  .passthrough() satisfies z.ZodType<TenantSettings>;

/** A team's settings as stored (document id `team:<teamId>`). */
export const teamSettingsSchema = z
  .object({
    tenantId: z.string(),
    teamId: z.string(),
    recognitionChannelId: z.string().optional(),
  })
  .passthrough() satisfies z.ZodType<TeamSettings>;

/** When a job last completed for a tenant (document id `job:<job>`). */
export const jobRunSchema = z.object({ tenantId: z.string(), at: z.string().datetime() }).passthrough();
