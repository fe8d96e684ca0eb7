import { ConversationBook } from '../../core/delivery';
import type { PersonalAppInstaller } from '../../core/people';
import { defaultTenantSettings } from '../../core/settings';
import { loadConfig, localToolingEnv } from '../../functions/config';
import { installPassFor, type PeopleSyncRuntime } from '../../functions/peopleSync';
import {
  MemoryConversationStore,
  MemoryErasureRegister,
  MemoryPeopleDirectory,
  MemorySettingsStore,
  RecordingLogger,
} from '../support/fakes';

const T = 'tenant-a';
const installer: PersonalAppInstaller = { install: async () => ({ kind: 'installed' }) };

async function runtimeWith(installForEveryone: boolean) {
  const settings = new MemorySettingsStore();
  await settings.saveTenant({ ...defaultTenantSettings(T, 'UTC'), installForEveryone });
  const logger = new RecordingLogger();
  const runtime: PeopleSyncRuntime = {
    config: loadConfig(localToolingEnv({})),
    logger,
    now: () => new Date('2027-03-11T03:30:00Z'),
    stores: { people: new MemoryPeopleDirectory(), erasures: new MemoryErasureRegister(), settings },
    conversations: new ConversationBook(new MemoryConversationStore(), logger),
  };
  return { runtime, logger };
}

describe('installPassFor', () => {
  it('installs for people only when the tenant turned installForEveryone on', async () => {
    const off = await runtimeWith(false);
    expect(await installPassFor(off.runtime, T, () => installer)).toBeUndefined();
    const on = await runtimeWith(true);
    expect((await installPassFor(on.runtime, T, () => installer))?.installer).toBe(installer);
  });

  it('installs for nobody without the app catalog id, and says why', async () => {
    const { runtime, logger } = await runtimeWith(true);
    expect(await installPassFor(runtime, T)).toBeUndefined();
    expect(JSON.stringify(logger.lines)).toContain('TEAMS_APP_CATALOG_ID is not set');
  });
});
