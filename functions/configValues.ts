import { z } from 'zod';

/** The checks of single settings that functions/config.ts's schema is built from. */

export const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

/** Microsoft Graph v1.0 in the global cloud. */
export const DEFAULT_GRAPH_BASE_URL = 'https://graph.microsoft.com/v1.0';
/** Microsoft Entra ID in the global cloud: the tab's tokens are issued and their keys published here. */
export const DEFAULT_ENTRA_LOGIN_HOST = 'https://login.microsoftonline.com';
export const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

export const timeZone = z.string().refine(
  (zone) => {
    try {
      new Intl.DateTimeFormat('en-GB', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  },
  { message: 'must be an IANA time zone such as Europe/London or UTC' },
);

export const EMAIL = /^[^\s@,;]+@[^\s@,;]+\.[^\s@,;]+$/;
export const OBJECT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `MOMENTS_ADMINS`: e-mail addresses / UPNs or Entra object ids, comma-separated; lower-cased. */
export const namedAdmins = z
  .string()
  .default('')
  .transform((value) =>
    value
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry !== ''),
  )
  .superRefine((entries, ctx) => {
    for (const entry of entries) {
      if (!EMAIL.test(entry) && !OBJECT_ID.test(entry)) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          message: `"${entry}" is neither an e-mail address / UPN nor an Entra object id; write them comma-separated, e.g. MOMENTS_ADMINS=alex@contoso.com,00000000-0000-0000-0000-000000000000`,
        });
      }
    }
  })
  .transform((entries) => [...new Set(entries.map((entry) => entry.toLowerCase()))]);
