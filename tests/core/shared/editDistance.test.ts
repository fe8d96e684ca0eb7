import { editDistance } from '../../../core/shared';

describe('editDistance', () => {
  it.each([
    ['help', 'help', 0],
    ['hlep', 'help', 1],
    ['kudo', 'kudos', 1],
    ['setings', 'settings', 1],
    ['my setting', 'my settings', 1],
    ['notse', 'notes', 1],
    ['', 'help', 4],
    ['digest', '', 6],
    ['kitten', 'sitting', 3],
  ])('%s → %s is %i', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
    expect(editDistance(b, a)).toBe(distance);
  });
});
