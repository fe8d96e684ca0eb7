import type { Credentials } from './api';

/** GET /tab/config.json. */
export type TabConfig = { mode: 'entra'; clientId: string; authority: string } | { mode: 'preview' };

/** Entra ID's multi-tenant authority, when config.json names none. */
const DEFAULT_AUTHORITY = 'https://login.microsoftonline.com/common';

/** Someone the local preview can act as (GET /tab/api/preview/people). */
export interface PreviewPerson {
  tenantId: string;
  id: string;
  name: string;
  manager: boolean;
  admin: boolean;
}

export const PREVIEW_HEADER = 'X-Moments-Preview-As';
const PREVIEW_KEY = 'moments.previewAs';

export async function loadConfig(): Promise<TabConfig> {
  const response = await fetch('/tab/config.json', { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`config.json: ${response.status}`);
  const config = (await response.json()) as Partial<TabConfig> & { clientId?: unknown; authority?: unknown };
  if (config.mode === 'entra' && typeof config.clientId === 'string') {
    const authority = typeof config.authority === 'string' ? config.authority : DEFAULT_AUTHORITY;
    return { mode: 'entra', clientId: config.clientId, authority };
  }
  if (config.mode === 'preview') return { mode: 'preview' };
  throw new Error('config.json: unknown mode');
}

/** The API scope of the tab's Entra app: `api://<the tab's host>/<clientId>/access_as_user`. */
export function apiScope(clientId: string, host = window.location.host): string {
  return `api://${host}/${clientId}/access_as_user`;
}

/**
 * Bearer tokens through Nested App Authentication: MSAL (loaded only in this mode) asks Teams for
 * a token silently, and with a popup when the user must consent or sign in again.
 */
export function entraCredentials(clientId: string, authority = DEFAULT_AUTHORITY): Credentials {
  const scopes = [apiScope(clientId)];
  let client: Promise<import('@azure/msal-browser').IPublicClientApplication> | undefined;
  const msal = import('@azure/msal-browser');
  return async () => {
    const { createNestablePublicClientApplication, InteractionRequiredAuthError } = await msal;
    client ??= createNestablePublicClientApplication({
      auth: { clientId, authority },
    });
    const pca = await client;
    const account = pca.getActiveAccount() ?? pca.getAllAccounts()[0];
    try {
      const result = await pca.acquireTokenSilent({ scopes, ...(account ? { account } : {}) });
      return { Authorization: `Bearer ${result.accessToken}` };
    } catch (error) {
      // Consent or a fresh sign-in is needed, or MSAL knows no account yet (outside Teams' broker).
      const noAccount = (error as { errorCode?: string } | null)?.errorCode === 'no_account_error';
      if (!(error instanceof InteractionRequiredAuthError) && !noAccount) throw error;
      const result = await pca.acquireTokenPopup({ scopes });
      pca.setActiveAccount(result.account);
      return { Authorization: `Bearer ${result.accessToken}` };
    }
  };
}

/** The preview person chosen earlier in this browser tab, as `<tenantId>/<personId>`. */
export function rememberedPreview(): string | undefined {
  try {
    return sessionStorage.getItem(PREVIEW_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

export function rememberPreview(key: string): void {
  try {
    sessionStorage.setItem(PREVIEW_KEY, key);
  } catch {
    // Storage can be off; the choice then lasts until the page reloads.
  }
}

export const previewKey = (person: Pick<PreviewPerson, 'tenantId' | 'id'>) =>
  `${person.tenantId}/${person.id}`;

/** The preview header for `key` (`<tenantId>/<personId>`). */
export function previewCredentials(key: () => string | undefined): Credentials {
  return async () => {
    const chosen = key();
    const headers: Record<string, string> = {};
    if (chosen) headers[PREVIEW_HEADER] = chosen;
    return headers;
  };
}
