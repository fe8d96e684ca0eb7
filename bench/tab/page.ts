/** tab-page: the built page in Chromium (to come with scripts/buildTab.ts). */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { LocalCosmosServer } from '../../functions/dev/local/cosmosServer';
import type { BenchContext } from '../lib/context';
import { note } from '../lib/report';

const PROJECT_ROOT = path.resolve(__dirname, '..', '..');

export async function benchPage(options: {
  context: BenchContext;
  cosmos: LocalCosmosServer;
  database: string;
  tenantId: string;
  personId: string;
}): Promise<void> {
  if (!existsSync(path.join(PROJECT_ROOT, 'scripts', 'buildTab.ts'))) {
    note('tab-page: left out, scripts/buildTab.ts is not in this tree');
    return;
  }
  void options;
}
