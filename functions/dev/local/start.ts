import './quietTestMode';
import path from 'node:path';
import { ConfigError } from '../../config';
import { startLocalApp } from './localApp';
import { DEMO_TENANT_ID } from './demoOrg';

const USAGE = `Usage: npm start [-- --reset] [-- --no-playground]
  --reset          start with empty local data (the demo organisation is seeded again)
  --no-playground  run the bot and scheduler only (npm run start:bot), e.g. behind a dev tunnel`;

async function main(argv: string[]): Promise<void> {
  const unknown = argv.filter((arg) => !['--reset', '--no-playground', '--help'].includes(arg));
  if (argv.includes('--help') || unknown.length > 0) {
    if (unknown.length > 0) console.error(`Unknown option: ${unknown.join(' ')}`);
    console.error(USAGE);
    process.exit(unknown.length > 0 ? 2 : 0);
  }
  const projectRoot = path.resolve(__dirname, '..', '..', '..');
  const app = await startLocalApp({
    projectRoot,
    env: process.env,
    reset: argv.includes('--reset'),
    playground: !argv.includes('--no-playground'),
    tab: true,
  });
  const lines = [
    '',
    'Moments is running.',
    app.playgroundUrl
      ? `  Teams (Agents Playground):  ${app.playgroundUrl}  ← open this and say "help"`
      : undefined,
    app.tabUrl
      ? `  Moments tab (preview):      ${app.tabUrl}  ← open in a browser, "Preview as" a demo person`
      : undefined,
    `  Bot endpoint:               ${app.botUrl}`,
    `  Cosmos DB:                  ${app.cosmosEndpoint}${app.dataFile ? ` (local; data kept in ${path.relative(projectRoot, app.dataFile)})` : ''}`,
    app.seeded > 0 ? `  Demo organisation seeded:   ${app.seeded} people` : undefined,
    `  Demo tenant id:             ${DEMO_TENANT_ID}  (for npm run job -- … --tenant)`,
    app.scheduler
      ? `  Scheduler:                  ${Object.entries(app.scheduler.next())
          .map(([name, at]) => `${name} next at ${at.toISOString()}`)
          .join(', ')}`
      : undefined,
    '  Press Ctrl+C to stop.',
    '',
  ];
  console.log(lines.filter((line) => line !== undefined).join('\n'));
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping Moments…`);
    void app.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
