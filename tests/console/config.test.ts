import { failure, load } from '../helpers/config';
import { APP_ID_URI, CLIENT_ID, LEAD, SIGNED_IN_ENV } from '../helpers/tenant-keys';

describe('console settings', () => {
  test('by default: local mode without an app id, no leads, suggestions kept 90 days', () => {
    const c = load({}).console;
    expect(c).toMatchObject({ localMode: true, suggestionRetentionDays: 90, clientId: undefined });
    expect(c.leadIds.size).toBe(0);
  });

  test('never local mode with an app id, nor in production', () => {
    expect(load(SIGNED_IN_ENV).console.localMode).toBe(false);
    expect(load({ ...SIGNED_IN_ENV, NODE_ENV: 'production' }).console.localMode).toBe(false);
  });

  test('PRACTICE_LEAD_AAD_IDS is read as lower-case GUIDs', () => {
    const c = load({ PRACTICE_LEAD_AAD_IDS: ` ${LEAD.toUpperCase()} , ${CLIENT_ID}` }).console;
    expect([...c.leadIds]).toEqual([LEAD, CLIENT_ID]);
  });

  test('PRACTICE_APPROVER_AAD_IDS is read as lower-case GUIDs; unset, there are no approvers', () => {
    expect(load({}).console.approverIds.size).toBe(0);
    const c = load({ PRACTICE_APPROVER_AAD_IDS: ` ${CLIENT_ID.toUpperCase()} ` }).console;
    expect([...c.approverIds]).toEqual([CLIENT_ID]);
  });

  test.each([
    [
      { PRACTICE_APPROVER_AAD_IDS: 'jo.smith@example.org' },
      'PRACTICE_APPROVER_AAD_IDS',
      /"jo.smith@example.org" is not an Entra object id: list the approvers' object ids/,
    ],
    [
      {
        ...SIGNED_IN_ENV,
        PRACTICE_LEAD_AAD_IDS: '',
        CONSOLE_CLIENT_ID: '',
        CONSOLE_APP_ID_URI: '',
        PRACTICE_APPROVER_AAD_IDS: LEAD,
      },
      'CONSOLE_CLIENT_ID',
      /PRACTICE_APPROVER_AAD_IDS is: set it to the Application \(client\) ID/,
    ],
    [
      { PRACTICE_LEAD_AAD_IDS: `${LEAD},jane@example.org` },
      'PRACTICE_LEAD_AAD_IDS',
      /"jane@example.org" is not an Entra object id: list the practice leads' object ids/,
    ],
    [{ CONSOLE_CLIENT_ID: 'console' }, 'CONSOLE_CLIENT_ID', /is not a client id/],
    [
      { CONSOLE_CLIENT_ID: CLIENT_ID, CONSOLE_APP_ID_URI: `https://x/${CLIENT_ID}` },
      'CONSOLE_APP_ID_URI',
      /use api:\/\/<your host name>\/<CONSOLE_CLIENT_ID>/,
    ],
    [
      { CONSOLE_CLIENT_ID: CLIENT_ID, CONSOLE_APP_ID_URI: 'api://x/00000000-0000-4000-8000-000000000000' },
      'CONSOLE_APP_ID_URI',
      /Application ID URI/,
    ],
    [{ SUGGESTION_RETENTION_DAYS: '0' }, 'SUGGESTION_RETENTION_DAYS', /whole number from 1 to 3650/],
    [{ SUGGESTION_RETENTION_DAYS: '30 days' }, 'SUGGESTION_RETENTION_DAYS', /whole number/],
    [
      { ...SIGNED_IN_ENV, CONSOLE_CLIENT_ID: '', CONSOLE_APP_ID_URI: '' },
      'CONSOLE_CLIENT_ID',
      /PRACTICE_LEAD_AAD_IDS is: set it to the Application \(client\) ID/,
    ],
  ])('a bad value names the variable and the fix: %j', (env, variable, message) => {
    const f = failure(env as Record<string, string>);
    expect(f.variable).toBe(variable);
    expect(f.message).toMatch(message);
  });

  test('the console settings are read', () => {
    const c = load({ ...SIGNED_IN_ENV, SUGGESTION_RETENTION_DAYS: '30' }).console;
    expect(c).toMatchObject({ clientId: CLIENT_ID, appIdUri: APP_ID_URI, suggestionRetentionDays: 30 });
  });
});
