import { ERASED_REASON, importPeople, registerMembers, type Person, syncPeople } from '../../../core/people';
import { saveMySettings, forgetPerson } from '../../../core/privacy';
import { ConversationBook } from '../../../core/delivery';
import {
  MemoryConversationStore,
  MemoryErasureRegister,
  MemoryPeopleDirectory,
  MemoryRecognitionStore,
  MemorySettingsStore,
  RecordingLogger,
} from '../../support/fakes';

const T = 'tenant-a';
/** The day the imports run: the files' dates are checked against it. */
const NOW = new Date('2026-12-07T09:00:00Z');
const SAM = '00000000-0000-4000-8000-00000000005a';
const LEE = '00000000-0000-4000-8000-0000000000ee';
const person = (id: string, displayName: string): Person => ({
  tenantId: T,
  id,
  displayName,
  email: `${displayName.toLowerCase()}@contoso.example`,
  timeZone: 'Europe/London',
  celebrate: { birthday: 'public', anniversary: 'public' },
});

/** Sam asked to be forgotten; Lee did not. */
async function afterSamForgotten() {
  const people = new MemoryPeopleDirectory([person(SAM, 'Sam'), person(LEE, 'Lee')]);
  const erasures = new MemoryErasureRegister();
  const logger = new RecordingLogger();
  await forgetPerson(
    {
      people,
      recognitions: new MemoryRecognitionStore(),
      conversations: new ConversationBook(new MemoryConversationStore(), logger),
      settings: new MemorySettingsStore(),
      erasures,
      logger,
    },
    T,
    SAM,
    { now: new Date('2027-03-11T09:00:00Z') },
  );
  await people.remove(T, LEE); // Lee simply left; HR may add them again.
  return { people, erasures };
}

describe('someone who asked to be forgotten stays forgotten', () => {
  it('forget me records them, by id whatever its case, in their tenant only', async () => {
    const { people, erasures } = await afterSamForgotten();
    expect(await people.get(T, SAM)).toBeUndefined();
    expect(await erasures.erasedAmong(T, [SAM.toUpperCase(), LEE])).toEqual(new Set([SAM.toUpperCase()]));
    expect(await erasures.erasedAmong('tenant-b', [SAM])).toEqual(new Set());
  });

  it('an HR import refuses their row with a reason, and imports the others', async () => {
    const { people, erasures } = await afterSamForgotten();
    const file = `id,displayName\n${SAM},Sam\n${LEE},Lee`;
    const report = await importPeople(people, file, { tenantId: T, now: NOW, erasures });
    expect(report).toMatchObject({ imported: 1, refused: [{ rowNumber: 2, reason: ERASED_REASON }] });
    expect(await people.get(T, SAM)).toBeUndefined();
    expect(await people.get(T, LEE)).toBeDefined();
  });

  it('a Graph sync leaves them out and says how many', async () => {
    const { people, erasures } = await afterSamForgotten();
    const report = await syncPeople(
      people,
      {
        async *users() {
          yield { id: SAM, displayName: 'Sam', accountEnabled: true };
          yield { id: LEE, displayName: 'Lee', accountEnabled: true };
        },
      },
      { tenantId: T, now: new Date('2027-03-12T00:00:00Z'), erasures },
    );
    expect(report).toMatchObject({ added: 1, forgotten: 1 });
    expect(await people.get(T, SAM)).toBeUndefined();
  });

  it('a Teams roster or a mention does not add them, nor offer them', async () => {
    const { people, erasures } = await afterSamForgotten();
    const kept = await registerMembers(
      { people, erasures },
      T,
      [
        { id: SAM, displayName: 'Sam' },
        { id: LEE, displayName: 'Lee' },
      ],
      '19:team',
    );
    expect(kept.map((m) => m.id)).toEqual([LEE]);
    expect(await people.get(T, SAM)).toBeUndefined();
    expect((await people.get(T, LEE))?.teamIds).toEqual(['19:team']);
  });

  it('saving my settings themselves brings them back, and imports then apply again', async () => {
    const { people, erasures } = await afterSamForgotten();
    const saved = await saveMySettings(
      people,
      {
        tenantId: T,
        personId: SAM,
        displayName: 'Sam',
        input: {
          birthdayMonth: '',
          birthdayDay: '',
          celebrateBirthday: 'off',
          celebrateAnniversary: 'manager',
          timeZone: 'Europe/London',
        },
      },
      erasures,
    );
    expect(saved.ok).toBe(true);
    expect(await erasures.erasedAmong(T, [SAM])).toEqual(new Set());
    const report = await importPeople(people, `id,displayName\n${SAM},Sam Smith`, {
      tenantId: T,
      now: NOW,
      erasures,
    });
    expect(report).toMatchObject({ updated: 1, refused: [] });
  });
});
