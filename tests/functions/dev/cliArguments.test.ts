import { parseArguments } from '../../../functions/dev/jobs/cli';
import { cliLogLine } from '../../../functions/dev/jobs/jobRuntime';

describe('the jobs CLI command line', () => {
  it('reads the command, its arguments and the common options, in any order', () => {
    expect(parseArguments(['import-people', '--tenant', 't1', 'people.csv', '--dry-run', '--json'])).toEqual({
      command: 'import-people',
      args: ['people.csv'],
      tenantId: 't1',
      dryRun: true,
      json: true,
      help: false,
    });
    expect(parseArguments(['milestones', '--at=2026-03-01T10:00+01:00', '-h'])).toMatchObject({
      command: 'milestones',
      at: new Date('2026-03-01T09:00:00Z'),
      help: true,
    });
  });

  it('takes everything after -- as arguments', () => {
    expect(parseArguments(['import-people', '--', '--odd-name.csv']).args).toEqual(['--odd-name.csv']);
  });

  it.each([
    [['x', '--bogus'], 'Unknown option --bogus.'],
    [['x', '--tenant'], '--tenant needs a value.'],
    [['x', '--tenant', '--json'], '--tenant needs a value.'],
    [['x', '--json=yes'], '--json takes no value.'],
    [['x', '--tenant', 'a', '--tenant=b'], '--tenant is given twice.'],
    [['x', '--tenant', '  '], '--tenant needs a tenant id.'],
    [['x', '--at', '2026-02-30T09:00:00Z'], /--at "2026-02-30T09:00:00Z" is not an ISO 8601 instant/],
    [['x', '--at', '2026-03-01T09:00:00'], /is not an ISO 8601 instant with a zone/],
  ])('refuses %j with a usage error', (argv, message) => {
    expect(() => parseArguments(argv)).toThrow(message);
  });
});

describe('the jobs CLI log lines', () => {
  it('print the level, the message and the other fields as JSON, never [object Object]', () => {
    const line = cliLogLine({
      time: '2027-03-10T09:00:00.000Z',
      level: 'warn',
      message: 'send deferred',
      app: 'moments',
      job: true,
      tenantId: 't1',
      error: { name: 'RestError', message: 'Teams answered 503' },
    });
    expect(line).toBe(
      'warn: send deferred {"tenantId":"t1","error":{"name":"RestError","message":"Teams answered 503"}}',
    );
    expect(cliLogLine({ time: 'x', level: 'error', message: 'failed' })).toBe('error: failed');
  });
});
