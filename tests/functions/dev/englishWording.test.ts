import { adminChangeText, settingProblemText } from '../../../functions/dev/jobs/englishWording';

// The jobs CLI words what core reports in its own English, as operators have always read it.
describe('the jobs CLI’s English', () => {
  it('words admin changes and refusals', () => {
    const adele = { id: 'adele', name: 'Adele Vance' };
    const listed = { ...adele, named: false, listed: true };
    expect(adminChangeText({ ok: true, outcome: 'unchanged', person: adele, admins: [listed] })).toBe(
      'Adele Vance is already an admin. Nothing was changed.',
    );
    expect(adminChangeText({ ok: true, outcome: 'added', person: adele, admins: [listed] })).toBe(
      'Adele Vance is now a Moments admin.',
    );
    expect(
      adminChangeText({ ok: false, code: 'ADMINS.UNKNOWN_PERSON', target: 'sam@contoso.com', email: true }),
    ).toBe(
      "Nobody in this tenant's directory has the e-mail sam@contoso.com. Import or sync people first, or give their Entra object id. Nothing was changed.",
    );
    expect(adminChangeText({ ok: false, code: 'ADMINS.NAMED_IN_SETTING', person: adele })).toContain(
      'Adele Vance is named in the MOMENTS_ADMINS app setting and stays an admin as long as it names them',
    );
  });

  it('words settings problems', () => {
    expect(settingProblemText({ field: 'sendHour', code: 'range', given: '24', min: 0, max: 23 })).toBe(
      'sendHour must be a whole number from 0 to 23; “24” is not.',
    );
    expect(settingProblemText({ field: 'digestDay', code: 'weekday', given: 'Funday' })).toBe(
      'digestDay must be a weekday (Monday … Sunday, or 1 … 7); “Funday” is not.',
    );
    expect(
      settingProblemText({ field: 'checkIns', code: 'checkIns', given: '14', days: [0, 7, 30, 90] }),
    ).toBe(
      'checkIns must be the new-hire check-in days to keep, from 0, 7, 30 and 90 (e.g. 0,30), or none; “14” is not.',
    );
  });
});
