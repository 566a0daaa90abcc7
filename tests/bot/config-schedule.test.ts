import { failure, load } from '../helpers/config';

describe('configuration: storage, schedules and the legal pages', () => {
  test('defaults: SQLite under data/, anyone may change schedules, 6 hours grace, 50 and 7 a second, London', () => {
    expect(load({})).toMatchObject({
      databaseUrl: 'sqlite:data/practice-companion.db',
      adminIds: null,
      schedule: {
        enabled: true,
        graceMs: 6 * 3_600_000,
        ratePerSecond: 50,
        conversationRatePerSecond: 7,
        defaultTimeZone: 'Europe/London',
      },
      organisation: undefined,
      privacyContact: undefined,
    });
  });

  test('set values are read, ids in lower case', () => {
    const config = load({
      DATABASE_URL: 'postgres://app@db.example:5432/pc',
      ADMIN_AAD_IDS: 'AAAAAAAA-2222-4333-8444-555555555555, 66666666-7777-4888-9999-000000000000',
      SCHEDULER: 'OFF',
      SCHEDULE_GRACE_HOURS: '1.5',
      SEND_RATE_PER_SECOND: '25',
      DEFAULT_TIME_ZONE: 'America/New_York',
      ORGANISATION_NAME: 'Anytown Council',
    });
    expect(config.databaseUrl).toBe('postgres://app@db.example:5432/pc');
    expect([...config.adminIds!]).toEqual([
      'aaaaaaaa-2222-4333-8444-555555555555',
      '66666666-7777-4888-9999-000000000000',
    ]);
    expect(config.schedule).toMatchObject({
      enabled: false,
      graceMs: 5_400_000,
      ratePerSecond: 25,
      defaultTimeZone: 'America/New_York',
    });
    expect(config.organisation).toBe('Anytown Council');
  });

  test.each([
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL', /use sqlite:path\/to\/file.db .* or postgres:\/\//],
    [{ ADMIN_AAD_IDS: 'alex@example.org' }, 'ADMIN_AAD_IDS', /"alex@example.org" is not an Entra object id/],
    [{ SCHEDULER: 'sometimes' }, 'SCHEDULER', /is not on or off/],
    [{ SCHEDULE_GRACE_HOURS: '-2' }, 'SCHEDULE_GRACE_HOURS', /is not a number of hours/],
    [{ SEND_RATE_PER_SECOND: 'fast' }, 'SEND_RATE_PER_SECOND', /is not a number of messages per second/],
    [{ SEND_RATE_PER_CONVERSATION: '0' }, 'SEND_RATE_PER_CONVERSATION', /is not a number of messages per second/],
    [{ DEFAULT_TIME_ZONE: 'London' }, 'DEFAULT_TIME_ZONE', /use an IANA name such as Europe\/London/],
    [{ DEFAULT_TIME_ZONE: 'Mars/Olympus' }, 'DEFAULT_TIME_ZONE', /is not a time zone/],
  ])('%j is refused, naming %s and how to fix it', (env, variable, message) => {
    const f = failure(env as Record<string, string>);
    expect(f.variable).toBe(variable);
    expect(f.message).toMatch(message);
  });
});
