import type { HttpRequest } from '@azure/functions';
import type { TabCaller } from '../../core/insights';
import type { Logger } from '../../core/shared';
import { ApiFailure } from './http';
import { PREVIEW_HEADER, previewCallerOf } from './preview';
import type { TabTokens } from './tokens';

/** How the API knows who calls: tokens when the tab's app is configured, the preview header locally. */
export interface CallerSources {
  /** Absent without `TAB_CLIENT_ID`. */
  tokens?: TabTokens;
  /** The local preview (the bot's anonymous local mode): the preview header names the caller. */
  preview: boolean;
  logger: Logger;
}

/**
 * Who calls, from the bearer token (tenant and user from `tid` and `oid` only) or, in the local
 * preview, from its header. Throws {@link ApiFailure}: 401 without a valid one, 503 when the tab's
 * app is not configured, or Entra ID's keys cannot be had.
 */
export async function callerOf(request: HttpRequest, sources: CallerSources): Promise<TabCaller> {
  const authorization = request.headers.get('authorization');
  if (sources.tokens && (authorization || !sources.preview)) {
    const check = await sources.tokens.check(authorization);
    if (check.ok) return check.caller;
    if (check.problem === 'token.keysUnavailable') {
      sources.logger.error("the tab could not read the tenant's signing keys", { error: check.error });
      throw new ApiFailure(503, check.problem);
    }
    throw new ApiFailure(401, check.problem);
  }
  if (sources.preview) {
    const header = request.headers.get(PREVIEW_HEADER);
    if (!header) throw new ApiFailure(401, 'token.missing');
    const caller = previewCallerOf(header);
    if (!caller) throw new ApiFailure(401, 'preview.badCaller');
    return caller;
  }
  throw new ApiFailure(503, 'tab.notConfigured');
}
