import { defaultTenantSettings, isAdmin } from '../../../core/settings';

const ALEX = '00000000-0000-4000-8000-0000000000a1';
const MEGAN = '00000000-0000-4000-8000-0000000000b2';

describe('isAdmin', () => {
  const settings = { ...defaultTenantSettings('tenant-a', 'UTC'), adminIds: [ALEX] };

  it('is true for someone on the tenant’s admin list', () => {
    expect(isAdmin(settings, ALEX)).toBe(true);
  });

  it('is false for anyone else, and for an empty caller id', () => {
    expect(isAdmin(settings, MEGAN)).toBe(false);
    expect(isAdmin(settings, '')).toBe(false);
    expect(isAdmin({ adminIds: [''] }, '')).toBe(false);
  });

  it('a tenant without admins, or without settings, has no admin', () => {
    expect(isAdmin(defaultTenantSettings('tenant-a', 'UTC'), ALEX)).toBe(false);
    expect(isAdmin(undefined, ALEX)).toBe(false);
  });

  it('an admin of one tenant is not an admin of another', () => {
    const other = { ...defaultTenantSettings('tenant-b', 'UTC'), adminIds: [MEGAN] };
    expect(isAdmin(other, ALEX)).toBe(false);
  });
});
