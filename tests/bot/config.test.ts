import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../bot/config';
import { failure, load } from '../helpers/config';

const TENANT = '3d5f3b7a-8c2e-4f1a-9b6d-2e7c4a1f0b93';
const APP = '7c1e5a2b-3d4f-4a6b-8c9d-0e1f2a3b4c5d';

describe('configuration', () => {
  test('with nothing set: anonymous local mode on port 3978', () => {
    const config = load({});
    expect(config).toMatchObject({
      port: 3978,
      anonymous: true,
      appId: '',
      production: false,
      allowedTenants: null,
      logLevel: 'info',
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  test('NODE_ENV=production without MicrosoftAppId refuses to start, saying what to set', () => {
    const f = failure({ NODE_ENV: 'production' });
    expect(f.variable).toBe('MicrosoftAppId');
    expect(f.message).toMatch(/Set MicrosoftAppId, MicrosoftAppType and MicrosoftAppTenantId/);
  });

  test('UserAssignedMSI with a password refuses to start, naming MicrosoftAppPassword', () => {
    expect(
      failure({
        MicrosoftAppId: APP,
        MicrosoftAppType: 'UserAssignedMSI',
        MicrosoftAppTenantId: TENANT,
        MicrosoftAppPassword: 'secret',
      }).variable,
    ).toBe('MicrosoftAppPassword');
  });

  test('SingleTenant without a tenant id refuses to start, naming MicrosoftAppTenantId', () => {
    expect(
      failure({ MicrosoftAppId: APP, MicrosoftAppType: 'SingleTenant', MicrosoftAppPassword: 'secret' }).variable,
    ).toBe('MicrosoftAppTenantId');
  });

  test('SingleTenant without a password refuses to start, naming MicrosoftAppPassword', () => {
    expect(
      failure({ MicrosoftAppId: APP, MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: TENANT }).variable,
    ).toBe('MicrosoftAppPassword');
  });

  test('a password without an app id is inconsistent', () => {
    expect(failure({ MicrosoftAppPassword: 'secret' }).variable).toBe('MicrosoftAppPassword');
  });

  test('an unknown app type is refused, listing the types', () => {
    expect(failure({ MicrosoftAppId: APP, MicrosoftAppType: 'Personal' }).message).toMatch(
      /use SingleTenant or UserAssignedMSI/,
    );
  });

  test('app type is case-insensitive, as botbuilder reads it', () => {
    expect(
      load({
        MicrosoftAppId: APP,
        MicrosoftAppType: 'singletenant',
        MicrosoftAppTenantId: TENANT,
        MicrosoftAppPassword: 's',
      }).appType,
    ).toBe('SingleTenant');
  });

  test('a complete SingleTenant setup is accepted and is not anonymous', () => {
    const config = load({
      MicrosoftAppId: APP,
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppTenantId: TENANT,
      MicrosoftAppPassword: 's',
      NODE_ENV: 'production',
    });
    expect(config).toMatchObject({ anonymous: false, production: true, appType: 'SingleTenant' });
  });

  test('UserAssignedMSI needs no password', () => {
    expect(
      load({ MicrosoftAppId: APP, MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: TENANT }).anonymous,
    ).toBe(false);
  });

  test.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ LOG_LEVEL: 'chatty' }, 'LOG_LEVEL'],
    [{ ALLOWED_TENANTS: `${TENANT},not-a-tenant` }, 'ALLOWED_TENANTS'],
  ])('a bad value %p is refused, naming %s', (env, variable) => {
    expect(failure(env).variable).toBe(variable);
  });

  test('ALLOWED_TENANTS is a comma-separated list, compared case-insensitively', () => {
    const config = load({ ALLOWED_TENANTS: ` ${TENANT.toUpperCase()} , 11111111-2222-4333-8444-555555555555 ` });
    expect([...(config.allowedTenants ?? [])]).toEqual([TENANT, '11111111-2222-4333-8444-555555555555']);
  });

  test('.env fills in what the environment does not set; the environment wins', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pc-env-'));
    writeFileSync(join(dir, '.env'), 'PORT=4000\nDEFAULT_FRAMEWORK=jersey\n');
    expect(loadConfig({ PORT: '5000' }, dir)).toMatchObject({ port: 5000, defaultFramework: 'jersey' });
  });
});
