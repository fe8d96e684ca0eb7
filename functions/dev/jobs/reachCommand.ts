import { takeReachCensus } from '../../../core/delivery';
import { SOURCE_LANGUAGE } from '../../../core/shared';
import { translatorFor } from '../../../bot/i18n/translator';
import { describeCensus } from '../../../bot/reach/wording';
import { UsageError, type JobCommand } from './job';

/** `reach --tenant ID`: who Moments can message in a tenant, and who not and why. */
export const reachCommand: JobCommand = {
  name: 'reach',
  summary: 'Count who Moments can message in a tenant, and name who it cannot and why',
  usage: [
    'reach --tenant ID [--json]',
    '',
    'Counts the people of the tenant’s directory Moments can message: through a personal chat with',
    'Moments, or through a team or group chat it is in (it opens a personal chat when it has',
    'something to send). Lists everyone else with the reason. Reads the whole tenant.',
  ].join('\n'),
  async run(ctx, args) {
    if (args.length > 0) throw new UsageError(`reach takes no arguments, got: ${args.join(' ')}`);
    const tenantId = ctx.requireTenant();
    const target = await ctx.open();
    const census = await takeReachCensus(target.runtime.reachRoll, tenantId);
    // The CLI speaks English, whatever the tenant's language.
    const english = translatorFor(SOURCE_LANGUAGE);
    ctx.print(
      ctx.json ? JSON.stringify({ command: 'reach', census }, null, 2) : describeCensus(english, census),
    );
  },
};
