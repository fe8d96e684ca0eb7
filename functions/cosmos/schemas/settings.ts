import { z } from 'zod';
import { LANGUAGES } from '../../../core/shared';
import {
  defaultTenantSettings,
  type AuditEntry,
  type TeamSettings,
  type TenantSettings,
} from '../../../core/settings';

const DEFAULTS = defaultTenantSettings('', 'UTC');

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
    // null: no daily limit.
    dailyKudosLimit: z.number().nullable(),
    // Settings added later: a tenant stored before them reads with their defaults.
    reminderLeadDays: z.number().default(DEFAULTS.reminderLeadDays),
    weekendRule: z.enum(['previous-working-day', 'next-working-day', 'keep']).default(DEFAULTS.weekendRule),
    feb29Rule: z.enum(['feb28', 'mar1']).default(DEFAULTS.feb29Rule),
    milestones: z
      .object({
        birthdays: z.boolean(),
        anniversaries: z.boolean(),
        checkIns: z.array(z.union([z.literal(0), z.literal(7), z.literal(30), z.literal(90)])),
      })
      .default(() => structuredClone(DEFAULTS.milestones)),
    defaultCelebration: z.enum(['public', 'manager', 'off']).default(DEFAULTS.defaultCelebration),
    managerCopy: z.boolean().default(DEFAULTS.managerCopy),
    installForEveryone: z.boolean().default(DEFAULTS.installForEveryone),
    teamOwnersManageChannel: z.boolean().default(DEFAULTS.teamOwnersManageChannel),
    defaultLanguage: z.enum(LANGUAGES).default(DEFAULTS.defaultLanguage),
    calendarBriefs: z.boolean().default(DEFAULTS.calendarBriefs),
    weeklyNudge: z.boolean().default(DEFAULTS.weeklyNudge),
  })
  .passthrough() satisfies z.ZodType<TenantSettings, z.ZodTypeDef, unknown>;

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

/** One audit entry (document id `audit:<entry id>`); `type` is the store's. */
export const auditEntrySchema = z
  .object({
    tenantId: z.string(),
    id: z.string(),
    at: z.string(),
    by: z.object({ id: z.string(), name: z.string(), via: z.enum(['teams', 'cli', 'tab']) }),
    subject: z.enum(['admins', 'settings', 'values']),
    field: z.string(),
    from: z.unknown(),
    to: z.unknown(),
  })
  .passthrough() satisfies z.ZodType<AuditEntry, z.ZodTypeDef, unknown>;
