import { z } from 'zod';
import type { Person } from '../../../core/people';
import { LANGUAGES } from '../../../core/shared';

// Stored documents are checked for the shape the code relies on (types, enums), not re-validated
// for formats: whatever wrote them validated those, and a stricter reader would hide records that
// work today. Unknown fields pass through, so a field added by a newer deployment survives a
// read-modify-write by an older one.

const celebration = z.enum(['public', 'manager', 'off']);

/** A person as stored in the `people` container (see personDocument.ts for the derived fields). */
export const personSchema = z
  .object({
    tenantId: z.string(),
    id: z.string(),
    displayName: z.string(),
    email: z.string().optional(),
    managerId: z.string().optional(),
    timeZone: z.string().optional(),
    birthday: z.string().optional(),
    hireDate: z.string().optional(),
    // Each preference is absent until someone sets it (the tenant's default applies meanwhile);
    // documents from before always hold both, and keep applying (core/people/celebrations.ts).
    celebrate: z
      .object({ birthday: celebration.optional(), anniversary: celebration.optional() })
      .passthrough(),
    celebrateSource: z.enum(['self', 'import']).optional(),
    lastRecognisedOn: z.string().optional(),
    teamIds: z.array(z.string()).optional(),
    mutedReminders: z.array(z.string()).optional(),
    digest: z
      .object({ enabled: z.boolean(), day: z.number().optional(), hour: z.number().optional() })
      .passthrough()
      .optional(),
    ownSettings: z.literal(true).optional(),
    locale: z.string().optional(),
    language: z.enum(LANGUAGES).optional(),
    calendarBriefs: z
      .object({ leadMinutes: z.union([z.literal(5), z.literal(10), z.literal(15)]) })
      .passthrough()
      .optional(),
    weeklyNudge: z
      .object({ enabled: z.boolean(), day: z.number().optional(), hour: z.number().optional() })
      .passthrough()
      .optional(),
  })
  .passthrough() satisfies z.ZodType<Person>;
