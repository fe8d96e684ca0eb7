import { DEMO_IDS, DEMO_TENANT_ID } from '../../functions/dev/local/demoOrg';
import { startTestApp, type TestApp } from '../support/localApp';
import type { PlaygroundClient } from '../support/playground';

// Team set-up in the Playground's team: the recognition channel, settings, values and stats.
let app: TestApp;
let playground: PlaygroundClient;
beforeAll(async () => {
  app = await startTestApp({ playground: true });
  playground = app.playground!;
}, 120_000);
afterAll(async () => app?.stop());

const GENERAL = '19:product-team-general@thread.tacv2';
const KUDOS = '19:product-team-kudos@thread.tacv2';
const textOf = (value: unknown) => JSON.stringify(value);
const replyIn = (conversationId: string, includes: string) =>
  playground.waitForMessage(
    (m) => m.conversationId.startsWith(conversationId) && textOf(m).includes(includes),
  );

describe('team set-up', () => {
  it('only admins can choose the recognition channel', async () => {
    await playground.send(KUDOS, 'use this channel for kudos', { mentionBot: true, from: '29:meganb' });
    await replyIn(KUDOS, 'Only Moments admins can change this. Ask Alex Wilber.');
    expect(
      (await app.app.runtime.stores.settings.team(DEMO_TENANT_ID, GENERAL))?.recognitionChannelId,
    ).toBeUndefined();
  });

  it('an admin sets it, and kudos given in General with “also post” appear in the Kudos channel', async () => {
    await playground.send(KUDOS, 'use this channel for kudos', { mentionBot: true });
    await replyIn(KUDOS, 'Done: kudos given anywhere in this team');
    expect((await app.app.runtime.stores.settings.team(DEMO_TENANT_ID, GENERAL))?.recognitionChannelId).toBe(
      KUDOS,
    );

    const fetched = await playground.invoke({
      name: 'composeExtension/fetchTask',
      conversationId: GENERAL,
      value: { commandId: 'sendKudos', commandContext: 'compose' },
    });
    const form = (
      fetched.task as { value: { card: { content: { actions: Array<{ data: { submissionId: string } }> } } } }
    ).value.card.content;
    expect(textOf(form)).toContain('Also post it in the team');
    await playground.invoke({
      name: 'composeExtension/submitAction',
      conversationId: GENERAL,
      value: {
        commandId: 'sendKudos',
        commandContext: 'compose',
        data: {
          verb: 'sendKudos',
          submissionId: form.actions[0]!.data.submissionId,
          recipients: DEMO_IDS.isaiah,
          value: 'ownership',
          message: 'You owned the incident review end to end.',
          postToChannel: 'true',
        },
      },
    });
    const posted = await replyIn(KUDOS, 'You owned the incident review end to end.');
    expect(textOf(posted.attachments)).toContain('Isaiah Langer');
  });

  it('settings shows the channel, times, admins and values', async () => {
    await playground.send(KUDOS, 'settings', { mentionBot: true });
    const card = textOf((await replyIn(KUDOS, 'Moments settings')).attachments);
    expect(card).toContain('This channel');
    expect(card).toContain('09:00 in each person’s time zone');
    expect(card).toContain('Monday 08:00');
    expect(card).toContain('Alex Wilber');
    expect(card).toContain('Customer first');
  });

  it('admins add, rename and retire values; retired values are no longer offered; bad input changes nothing', async () => {
    await playground.send(GENERAL, 'values add Courage', { mentionBot: true });
    await replyIn(GENERAL, 'Added “Courage” (#courage).');
    await playground.send(GENERAL, 'values rename courage to Brave calls', { mentionBot: true });
    await replyIn(GENERAL, 'Renamed “Courage” to “Brave calls”.');
    await playground.send(GENERAL, 'values retire innovation', { mentionBot: true });
    await replyIn(GENERAL, 'Retired “Innovation”.');
    await playground.send(GENERAL, 'values add Teamwork', { mentionBot: true });
    await replyIn(GENERAL, '“Teamwork” is already a value. Nothing was changed.');
    await playground.send(GENERAL, 'values add Sneaky', { mentionBot: true, from: '29:meganb' });
    await replyIn(GENERAL, 'Only Moments admins can change this.');
    // A mistyped value: the reply names the values, and the command it points to answers.
    await playground.send(GENERAL, 'values retire bravery', { mentionBot: true });
    const unknown = await replyIn(GENERAL, 'There is no value called “bravery”.');
    expect(unknown.text).toContain('“Teamwork”, “Customer first”, “Ownership”');
    expect(unknown.text).toContain('“Brave calls”; retired: “Innovation”.');
    expect(unknown.text).toContain('Type “settings” to see them');
    expect(unknown.text).toContain('Nothing was changed.');
    await playground.send(GENERAL, 'settings', { mentionBot: true });
    expect(textOf((await replyIn(GENERAL, 'Moments settings')).attachments)).toContain('Brave calls');
    const settings = await app.app.runtime.stores.settings.tenant(DEMO_TENANT_ID);
    expect(settings?.values.map((v) => `${v.id}:${v.name}${v.retired ? ':retired' : ''}`)).toEqual(
      expect.arrayContaining(['courage:Brave calls', 'innovation:Innovation:retired']),
    );
    expect(settings?.values.some((v) => v.name === 'Sneaky')).toBe(false);
    // Each change that was made is in the audit trail, newest first; the refused ones are not.
    const trail = (await app.app.runtime.stores.audit.all(DEMO_TENANT_ID)).filter(
      (e) => e.subject === 'values',
    );
    expect(trail.map(({ field, from, to, by }) => ({ field, from, to, via: by.via }))).toEqual([
      {
        field: 'innovation',
        from: { name: 'Innovation', retired: false },
        to: { name: 'Innovation', retired: true },
        via: 'teams',
      },
      {
        field: 'courage',
        from: { name: 'Courage', retired: false },
        to: { name: 'Brave calls', retired: false },
        via: 'teams',
      },
      { field: 'courage', to: { name: 'Courage', retired: false }, via: 'teams' },
    ]);
    const fetched = await playground.invoke({
      name: 'composeExtension/fetchTask',
      conversationId: GENERAL,
      value: { commandId: 'sendKudos', commandContext: 'compose' },
    });
    expect(textOf(fetched)).toContain('"title":"Brave calls","value":"courage"');
    expect(textOf(fetched)).not.toContain('"value":"innovation"');
  });

  it('stats in the channel shows this month’s coverage for the team in numbers, and names nobody', async () => {
    await playground.send(GENERAL, 'stats', { mentionBot: true });
    const card = textOf((await replyIn(GENERAL, 'Recognition this month')).attachments);
    expect(card).toContain('"title":"Kudos","value":"1"');
    expect(card).toContain('"title":"People recognised","value":"1 of 6"');
    expect(card).toContain('Ownership (1)');
    expect(card).toContain('Not recognised in the last 30 days: 5');
    expect(card).toContain('shown only in a personal chat with Moments');
    // Not even the admin who asked sees a name here: everyone in the channel would.
    for (const name of ['Adele Vance', 'Alex Wilber', 'Diego Siciliani', 'Lee Gu', 'Megan Bowen']) {
      expect(card).not.toContain(name);
    }
  });

  it('stats in the admin’s personal chat names the organisation’s people not recognised lately', async () => {
    const personal = playground.personalChatId();
    await playground.send(personal, 'stats');
    const card = textOf((await replyIn(personal, 'Recognition this month')).attachments);
    expect(card).toContain('Everyone in your organisation');
    expect(card).toContain('"title":"People recognised","value":"1 of 6"');
    expect(card).toContain('Adele Vance, Alex Wilber, Diego Siciliani, Lee Gu, Megan Bowen');
  });
});
