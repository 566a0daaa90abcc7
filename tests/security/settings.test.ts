// Finding 8: settings that should be refused were accepted. Finding 2: a local bot listened on every interface.
import { failure, load } from '../helpers/config';

const APP = '7c1e5a2b-3d4f-4a6b-8c9d-0e1f2a3b4c5d';
const TENANT = '3d5f3b7a-8c2e-4f1a-9b6d-2e7c4a1f0b93';
const single = {
  MicrosoftAppId: APP,
  MicrosoftAppType: 'SingleTenant',
  MicrosoftAppTenantId: TENANT,
  MicrosoftAppPassword: 's',
};

describe('NODE_ENV is read without regard to case', () => {
  test.each(['Production', 'PRODUCTION', ' production '])('NODE_ENV=%p without an app id refuses to start', (value) => {
    const f = failure({ NODE_ENV: value });
    expect(f.variable).toBe('MicrosoftAppId');
    expect(f.message).toMatch(/NODE_ENV is production/);
  });

  test('NODE_ENV=Production with an app id is production', () => {
    expect(load({ ...single, NODE_ENV: 'Production' }).production).toBe(true);
  });
});

describe('app and tenant ids must be GUIDs', () => {
  test.each(['bot-app-id', 'app', '7c1e5a2b3d4f4a6b8c9d0e1f2a3b4c5d', `${APP}x`])(
    'MicrosoftAppId=%p is refused, naming the variable and what to use',
    (id) => {
      const f = failure({ ...single, MicrosoftAppId: id });
      expect(f.variable).toBe('MicrosoftAppId');
      expect(f.message).toMatch(
        /is not an app id: use the Application \(client\) ID of your Azure Bot registration, a GUID such as 00000000-0000-0000-0000-000000000000/,
      );
    },
  );

  test('an upper-case GUID is accepted', () => {
    expect(load({ ...single, MicrosoftAppId: APP.toUpperCase() }).anonymous).toBe(false);
  });

  test.each(['contoso.onmicrosoft.com', 'tenant'])('MicrosoftAppTenantId=%p is refused, naming the variable', (id) => {
    const f = failure({ ...single, MicrosoftAppTenantId: id });
    expect(f.variable).toBe('MicrosoftAppTenantId');
    expect(f.message).toMatch(/is not a tenant id: use the Directory \(tenant\) ID/);
  });
});

describe('MultiTenant in production needs a tenant allow-list', () => {
  const multi = { MicrosoftAppId: APP, MicrosoftAppType: 'MultiTenant', MicrosoftAppPassword: 's' };

  test('refused without ALLOWED_TENANTS, naming ALLOWED_TENANTS and the fix', () => {
    const f = failure({ ...multi, NODE_ENV: 'production' });
    expect(f.variable).toBe('ALLOWED_TENANTS');
    expect(f.message).toMatch(/MultiTenant.*list the tenant ids/);
  });

  test('accepted with ALLOWED_TENANTS', () => {
    expect(load({ ...multi, NODE_ENV: 'production', ALLOWED_TENANTS: TENANT }).appType).toBe('MultiTenant');
  });

  test('accepted outside production (a developer trying a registration)', () => {
    expect(load(multi).appType).toBe('MultiTenant');
  });
});

describe('where the service listens', () => {
  test('anonymous, with no HOST: loopback only', () => {
    expect(load({})).toMatchObject({ host: '127.0.0.1', hostExplicit: false });
  });

  test('anonymous, with HOST set: that address, marked explicit so the start warns', () => {
    expect(load({ HOST: '0.0.0.0' })).toMatchObject({ host: '0.0.0.0', hostExplicit: true });
  });

  test('with an app id and no HOST: every interface, as a hosted bot needs', () => {
    expect(load(single)).toMatchObject({ host: '0.0.0.0', hostExplicit: false });
  });
});

describe('ALLOWED_SERVICE_URLS', () => {
  test('unset: null (loopback only in anonymous mode)', () => {
    expect(load({}).allowedServiceUrls).toBeNull();
  });

  test('a list of https addresses is read', () => {
    expect(
      load({ ALLOWED_SERVICE_URLS: 'https://smba.trafficmanager.net/emea/, https://smba.trafficmanager.net/uk/' })
        .allowedServiceUrls,
    ).toEqual(['https://smba.trafficmanager.net/emea/', 'https://smba.trafficmanager.net/uk/']);
  });

  test.each(['smba.trafficmanager.net', 'ftp://example.com/', 'https://'])(
    '%p is refused, naming the variable and the fix',
    (value) => {
      const f = failure({ ALLOWED_SERVICE_URLS: value });
      expect(f.variable).toBe('ALLOWED_SERVICE_URLS');
      expect(f.message).toMatch(/is not a service address: list http\(s\) addresses/);
    },
  );
});
