import { manifestValues, PackageConfigError } from '../../scripts/app-package/values';
import { FAKE } from './helpers';

const pkg = { name: 'practice-companion', version: '0.1.0' };
const values = (env: Record<string, string | undefined>) => manifestValues(env, pkg);

/** The PackageConfigError thrown for `env`: its variable and message. */
function failure(env: Record<string, string | undefined>): { variable: string; message: string } {
  try {
    values(env);
  } catch (error) {
    if (error instanceof PackageConfigError) return { variable: error.variable, message: error.message };
    throw error;
  }
  throw new Error('expected a PackageConfigError');
}

describe('the package settings', () => {
  test('come from TEAMS_APP_ID, BOT_ID and APP_DOMAIN, with the name and version from package.json', () => {
    expect(values(FAKE)).toEqual({
      ...FAKE,
      APP_NAME: 'Practice Companion',
      APP_VERSION: '0.1.0',
      ORGANISATION_NAME: 'Practice Companion',
      SUPPORT_URL: `https://${FAKE.APP_DOMAIN}/terms#help`,
    });
  });

  test("take the bot id from MicrosoftAppId, the service's own setting, when BOT_ID is not set", () => {
    expect(
      values({
        TEAMS_APP_ID: FAKE.TEAMS_APP_ID,
        MicrosoftAppId: FAKE.BOT_ID.toUpperCase(),
        APP_DOMAIN: FAKE.APP_DOMAIN,
      }).BOT_ID,
    ).toBe(FAKE.BOT_ID);
  });

  test('take the domain from PUBLIC_URL when APP_DOMAIN is not set', () => {
    expect(values({ ...FAKE, APP_DOMAIN: undefined, PUBLIC_URL: 'https://Companion.Example.gov.uk/' }).APP_DOMAIN).toBe(
      'companion.example.gov.uk',
    );
  });

  test('let the publisher, support page and a name suffix be set', () => {
    const v = values({
      ...FAKE,
      ORGANISATION_NAME: 'Anytown Council',
      SUPPORT_URL: 'https://intranet.anytown.example/help',
      APP_NAME_SUFFIX: 'test',
    });
    expect(v).toMatchObject({
      ORGANISATION_NAME: 'Anytown Council',
      SUPPORT_URL: 'https://intranet.anytown.example/help',
      APP_NAME: 'Practice Companion (test)',
    });
  });

  test.each([
    [
      'no TEAMS_APP_ID',
      { ...FAKE, TEAMS_APP_ID: undefined },
      'TEAMS_APP_ID',
      /is not set\. It is the Teams app id: a GUID/,
    ],
    [
      'a TEAMS_APP_ID that is not a GUID',
      { ...FAKE, TEAMS_APP_ID: 'practice-companion' },
      'TEAMS_APP_ID',
      /"practice-companion" is not a GUID/,
    ],
    ['no bot id at all', { ...FAKE, BOT_ID: '' }, 'MicrosoftAppId', /is not set\. Set BOT_ID \(or MicrosoftAppId\)/],
    [
      'BOT_ID and MicrosoftAppId that differ',
      { ...FAKE, MicrosoftAppId: '99999999-9999-4999-8999-999999999999' },
      'BOT_ID',
      /differs from MicrosoftAppId/,
    ],
    [
      'the same GUID for the app and the bot',
      { ...FAKE, TEAMS_APP_ID: FAKE.BOT_ID },
      'TEAMS_APP_ID',
      /give the Teams app its own GUID/,
    ],
    ['no domain', { ...FAKE, APP_DOMAIN: undefined }, 'APP_DOMAIN', /is not set: set APP_DOMAIN to the host name/],
    [
      'a domain given as a URL',
      { ...FAKE, APP_DOMAIN: 'https://pc.example.org/' },
      'APP_DOMAIN',
      /give the host name only/,
    ],
    ['localhost', { ...FAKE, APP_DOMAIN: 'localhost' }, 'APP_DOMAIN', /is not a domain name/],
    [
      'a PUBLIC_URL over http',
      { ...FAKE, APP_DOMAIN: undefined, PUBLIC_URL: 'http://pc.example.org' },
      'PUBLIC_URL',
      /must be an https:\/\/ address/,
    ],
    [
      'a PUBLIC_URL with a path',
      { ...FAKE, APP_DOMAIN: undefined, PUBLIC_URL: 'https://pc.example.org/bot' },
      'PUBLIC_URL',
      /no port or path/,
    ],
    [
      'a publisher name over 32 characters',
      { ...FAKE, ORGANISATION_NAME: 'The London Borough of Barking and Dagenham' },
      'ORGANISATION_NAME',
      /longer than the 32 characters/,
    ],
    [
      'a support page that is not https',
      { ...FAKE, SUPPORT_URL: 'intranet/help' },
      'SUPPORT_URL',
      /must be an https:\/\/ address/,
    ],
  ])('refuse %s, naming the variable and how to fix it', (_what, env, variable, message) => {
    const f = failure(env);
    expect(f.variable).toBe(variable);
    expect(f.message).toMatch(new RegExp(`^${variable}: `));
    expect(f.message).toMatch(message);
  });

  test('refuse a package.json version Teams would reject', () => {
    expect(() => manifestValues(FAKE, { ...pkg, version: '1.0.0-beta.1' })).toThrow(/Teams needs MAJOR\.MINOR\.PATCH/);
  });
});
