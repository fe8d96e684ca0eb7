import type { Person } from '../../../core/people';
import {
  callerIsAdmin,
  defaultTenantSettings,
  isAdmin,
  isNamedAdmin,
  tenantAdmins,
} from '../../../core/settings';
import { MemoryPeopleDirectory, MemorySettingsStore } from '../../support/fakes';

const ALEX = '00000000-0000-4000-8000-0000000000a1';
const MEGAN = '00000000-0000-4000-8000-0000000000b2';
const ADELE = '00000000-0000-4000-8000-0000000000c3';

const person = (tenantId: string, id: string, displayName: string, email?: string): Person => ({
  tenantId,
  id,
  displayName,
  ...(email ? { email } : {}),
  celebrate: { birthday: 'manager', anniversary: 'manager' },
});

describe('isAdmin', () => {
  const settings = { ...defaultTenantSettings('tenant-a', 'UTC'), adminIds: [ALEX] };

  it('is true for someone on the tenant’s admin list', () => {
    expect(isAdmin(settings, { id: ALEX })).toBe(true);
  });

  it('is false for anyone else, and for an empty caller id', () => {
    expect(isAdmin(settings, { id: MEGAN })).toBe(false);
    expect(isAdmin(settings, { id: '' })).toBe(false);
    expect(isAdmin({ adminIds: [''] }, { id: '' })).toBe(false);
    expect(isAdmin(settings, { id: '' }, [''])).toBe(false);
  });

  it('a tenant without admins, or without settings, has no admin', () => {
    expect(isAdmin(defaultTenantSettings('tenant-a', 'UTC'), { id: ALEX })).toBe(false);
    expect(isAdmin(undefined, { id: ALEX })).toBe(false);
  });

  it('an admin of one tenant is not an admin of another', () => {
    const other = { ...defaultTenantSettings('tenant-b', 'UTC'), adminIds: [MEGAN] };
    expect(isAdmin(other, { id: ALEX })).toBe(false);
  });

  it('MOMENTS_ADMINS makes someone an admin by object id, whatever the case, even with no settings', () => {
    expect(isAdmin(undefined, { id: MEGAN }, [MEGAN.toUpperCase()])).toBe(true);
    expect(isAdmin(settings, { id: MEGAN }, [ADELE])).toBe(false);
  });

  it('MOMENTS_ADMINS makes someone an admin by their directory e-mail, compared without case', () => {
    expect(isAdmin(undefined, { id: MEGAN, email: 'MeganB@Contoso.com' }, ['meganb@contoso.com'])).toBe(true);
    expect(isNamedAdmin(['meganb@contoso.com'], { id: MEGAN })).toBe(false);
    expect(isNamedAdmin(['meganb@contoso.com'], { id: MEGAN, email: 'megan@contoso.com' })).toBe(false);
    // An e-mail entry never matches an id, nor an id entry an e-mail.
    expect(isNamedAdmin(['meganb@contoso.com'], { id: 'meganb@contoso.com' })).toBe(false);
    expect(isNamedAdmin([MEGAN], { id: ALEX, email: MEGAN })).toBe(false);
  });
});

describe('callerIsAdmin and tenantAdmins', () => {
  const world = (named: string[], adminIds: string[] = []) => {
    const people = new MemoryPeopleDirectory([
      person('tenant-a', ALEX, 'Alex Wilber', 'alexw@contoso.com'),
      person('tenant-a', MEGAN, 'Megan Bowen', 'meganb@contoso.com'),
      person('tenant-b', ADELE, 'Adele Vance', 'alexw@contoso.com'),
    ]);
    const settings = new MemorySettingsStore();
    void settings.saveTenant({ ...defaultTenantSettings('tenant-a', 'UTC'), adminIds });
    return { people, settings, namedAdmins: named };
  };

  it('reads the caller’s e-mail from the directory of their own tenant', async () => {
    const deps = world(['alexw@contoso.com']);
    expect(await callerIsAdmin(deps, 'tenant-a', ALEX)).toBe(true);
    expect(await callerIsAdmin(deps, 'tenant-a', MEGAN)).toBe(false);
    // Adele has the same e-mail in another tenant: named there too, as the setting says.
    expect(await callerIsAdmin(deps, 'tenant-b', ADELE)).toBe(true);
    expect(await callerIsAdmin(deps, 'tenant-b', ALEX)).toBe(false);
  });

  it('lists listed and named admins by name, marking who MOMENTS_ADMINS names', async () => {
    const deps = world(['alexw@contoso.com'], [MEGAN, ALEX]);
    expect(await tenantAdmins(deps, 'tenant-a')).toEqual([
      { id: ALEX, name: 'Alex Wilber', email: 'alexw@contoso.com', listed: true, named: true },
      { id: MEGAN, name: 'Megan Bowen', email: 'meganb@contoso.com', listed: true, named: false },
    ]);
  });

  it('a named id is found whatever its case; an entry matching nobody here is not listed', async () => {
    const deps = world([MEGAN.toUpperCase(), 'nobody@contoso.com']);
    expect((await tenantAdmins(deps, 'tenant-a')).map((a) => [a.name, a.named, a.listed])).toEqual([
      ['Megan Bowen', true, false],
    ]);
    expect(await tenantAdmins(world([]), 'tenant-a')).toEqual([]);
    expect(await tenantAdmins(world([]), 'tenant-new')).toEqual([]);
  });
});
