import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { validateManifest } from '../../scripts/app-package/schema';
import { buildInto, FAKE, tempDir } from '../manifest/helpers';

const ROOT = join(__dirname, '..', '..');
const CONSOLE = 'c0c0c0c0-1111-4222-8333-444444444444';

describe('the app package with the console', () => {
  const temp = tempDir();
  afterAll(() => temp.remove());

  test('names the console registration in webApplicationInfo and adds the Practice lead tab, and stays valid', async () => {
    const built = await buildInto(temp.dir, { CONSOLE_CLIENT_ID: CONSOLE });
    expect(await validateManifest(built.manifest)).toEqual([]);
    expect(built.manifest.webApplicationInfo).toEqual({ id: CONSOLE, resource: `api://${FAKE.APP_DOMAIN}/${CONSOLE}` });
    const tabs = built.manifest.staticTabs ?? [];
    expect(tabs.map((t) => t.entityId)).toEqual(['conversations', 'framework', 'practice-lead', 'about']);
    expect(tabs[2]).toMatchObject({
      name: 'Practice lead',
      contentUrl: `https://${FAKE.APP_DOMAIN}/console?theme={theme}`,
      scopes: ['personal'],
    });
    // The meeting permissions stay.
    expect(built.manifest.authorization?.permissions?.resourceSpecific).toHaveLength(2);
  });

  test('without one, the package is as before', async () => {
    const built = await buildInto(temp.dir);
    expect(built.manifest.webApplicationInfo?.id).toBe(FAKE.BOT_ID);
    expect((built.manifest.staticTabs ?? []).map((t) => t.entityId)).not.toContain('practice-lead');
  });

  test('a console client id that is not a GUID names the setting', async () => {
    await expect(buildInto(temp.dir, { CONSOLE_CLIENT_ID: 'console' })).rejects.toThrow(
      /CONSOLE_CLIENT_ID: "console" is not a GUID/,
    );
  });
});

describe('the Entra registration for single sign-on', () => {
  const aad = JSON.parse(readFileSync(join(ROOT, 'aad.manifest.json'), 'utf8')) as Record<string, unknown> & {
    oauth2Permissions: Array<{ value: string; type: string }>;
    preAuthorizedApplications: Array<{ appId: string }>;
    identifierUris: string[];
  };
  test('exposes access_as_user at api://<domain>/<client id>, pre-authorised for Teams desktop, mobile and web', () => {
    expect(aad.oauth2Permissions.map((p) => p.value)).toEqual(['access_as_user']);
    expect(aad.identifierUris).toEqual(['api://${{APP_DOMAIN}}/${{AAD_APP_CLIENT_ID}}']);
    expect(aad.preAuthorizedApplications.map((a) => a.appId).sort()).toEqual([
      '1fec8e78-bce4-4aaf-ab1b-5451cc387264',
      '5e3ce6c0-2b1f-4285-8d4b-75ee78787346',
    ]);
    expect(aad['accessTokenAcceptedVersion']).toBe(2);
  });

  test('m365agents.yml creates it before the App Service and updates it after', () => {
    const project = parseYaml(readFileSync(join(ROOT, 'm365agents.yml'), 'utf8')) as {
      provision: Array<{ uses: string; with?: Record<string, unknown> }>;
    };
    const order = project.provision.map((s) => s.uses);
    expect(order.indexOf('aadApp/create')).toBeLessThan(order.indexOf('arm/deploy'));
    expect(order.indexOf('aadApp/update')).toBeGreaterThan(order.indexOf('arm/deploy'));
    expect(project.provision.find((s) => s.uses === 'aadApp/update')?.with?.['manifestPath']).toBe(
      './aad.manifest.json',
    );
  });
});
