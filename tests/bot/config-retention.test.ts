import { RETENTION_DEFAULTS } from '../../bot/config';
import { failure, load } from '../helpers/config';

describe('retention and monitoring settings', () => {
  test('retention defaults: votes 90 days, counts 730, post log 365, audit 365, removed chats 30', () => {
    expect(load({}).retention).toEqual({
      votesDays: 90,
      askCountsDays: 730,
      postLogDays: 365,
      auditDays: 365,
      goneConversationsDays: 30,
    });
    expect(RETENTION_DEFAULTS).toEqual({
      RETAIN_VOTES_DAYS: 90,
      RETAIN_ASK_COUNTS_DAYS: 730,
      RETAIN_POST_LOG_DAYS: 365,
      RETAIN_AUDIT_DAYS: 365,
      RETAIN_GONE_CONVERSATIONS_DAYS: 30,
    });
  });

  test('each RETAIN_ setting takes a whole number of days', () => {
    expect(
      load({
        RETAIN_VOTES_DAYS: '30',
        RETAIN_ASK_COUNTS_DAYS: '400',
        RETAIN_POST_LOG_DAYS: ' 90 ',
        RETAIN_AUDIT_DAYS: '2555',
        RETAIN_GONE_CONVERSATIONS_DAYS: '1',
      }).retention,
    ).toEqual({
      votesDays: 30,
      askCountsDays: 400,
      postLogDays: 90,
      auditDays: 2555,
      goneConversationsDays: 1,
    });
  });

  test.each([
    ['RETAIN_VOTES_DAYS', '0'],
    ['RETAIN_ASK_COUNTS_DAYS', '-5'],
    ['RETAIN_POST_LOG_DAYS', '1.5'],
    ['RETAIN_AUDIT_DAYS', 'a year'],
    ['RETAIN_GONE_CONVERSATIONS_DAYS', '99999'],
  ])('%s=%s is refused, naming the variable and the fix', (variable, value) => {
    const { variable: named, message } = failure({ [variable]: value });
    expect(named).toBe(variable);
    expect(message).toContain(
      `"${value}" is not a number of days: use a whole number from 1 to 36500, e.g. ${RETENTION_DEFAULTS[variable as keyof typeof RETENTION_DEFAULTS]} (the default)`,
    );
  });

  test('APPLICATIONINSIGHTS_CONNECTION_STRING: unset means no monitoring; a value that is not a connection string is refused', () => {
    expect(load({}).applicationInsightsConnectionString).toBeUndefined();
    const good =
      'InstrumentationKey=00000000-0000-4000-8000-000000000001;IngestionEndpoint=https://uksouth-1.in.applicationinsights.azure.com/';
    expect(load({ APPLICATIONINSIGHTS_CONNECTION_STRING: good }).applicationInsightsConnectionString).toBe(good);
    const bad = failure({ APPLICATIONINSIGHTS_CONNECTION_STRING: '00000000-0000-4000-8000-000000000001' });
    expect(bad.variable).toBe('APPLICATIONINSIGHTS_CONNECTION_STRING');
    expect(bad.message).toContain('is not an Application Insights connection string');
  });
});
