import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { newestBundledSchemaVersion, validateManifest } from '../../scripts/app-package/schema';
import { TEMPLATE_PATH } from '../../scripts/package';
import { buildInto, FAKE, tempDir } from './helpers';
import type { BuiltZip } from './helpers';

const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string };

let temp: ReturnType<typeof tempDir>;
let built: BuiltZip;
beforeAll(async () => {
  temp = tempDir();
  built = await buildInto(temp.dir);
});
afterAll(() => temp.remove());

describe('npm run package: the zip', () => {
  test('holds exactly manifest.json, color.png and outline.png, at its root', () => {
    expect(built.names).toEqual(['color.png', 'manifest.json', 'outline.png']);
  });

  test('carries the committed icons unchanged', async () => {
    expect(
      (await built.file('color.png')).equals(readFileSync(join(__dirname, '..', '..', 'manifest', 'color.png'))),
    ).toBe(true);
    expect(
      (await built.file('outline.png')).equals(readFileSync(join(__dirname, '..', '..', 'manifest', 'outline.png'))),
    ).toBe(true);
  });

  test('is the same, byte for byte, when built twice from the same settings', async () => {
    const again = await buildInto(temp.dir);
    expect(again.bytes.equals(built.bytes)).toBe(true);
  });
});

describe('the manifest', () => {
  test('passes the JSON schema that @microsoft/app-manifest bundles, checked offline', async () => {
    expect(await validateManifest(built.manifest)).toEqual([]);
  });

  test('uses the newest schema version bundled, which is 1.24 or later (the first to allow 12 bot commands)', () => {
    const newest = newestBundledSchemaVersion();
    expect(built.manifest.manifestVersion).toBe(newest);
    expect(Number(newest.split('.')[1])).toBeGreaterThanOrEqual(24);
    // The $schema URL has no locale, so nothing resolves it to a fetch (../shared/teams-platform.md).
    expect(built.manifest.$schema).toBe(
      `https://developer.microsoft.com/json-schemas/teams/v${newest}/MicrosoftTeams.schema.json`,
    );
  });

  test('takes its ids and domain from the settings, and its name and version from package.json', () => {
    const m = built.manifest;
    expect(m.id).toBe(FAKE.TEAMS_APP_ID);
    expect(m.bots?.[0]?.botId).toBe(FAKE.BOT_ID);
    expect(m.composeExtensions?.[0]?.botId).toBe(FAKE.BOT_ID);
    expect(m.webApplicationInfo?.id).toBe(FAKE.BOT_ID);
    expect(m.validDomains).toEqual([FAKE.APP_DOMAIN]);
    expect(m.name.short).toBe('Practice Companion');
    expect(m.version).toBe(pkg.version);
  });

  test('links to the privacy notice and terms of use that the bot itself serves', () => {
    expect(built.manifest.developer.privacyUrl).toBe(`https://${FAKE.APP_DOMAIN}/privacy`);
    expect(built.manifest.developer.termsOfUseUrl).toBe(`https://${FAKE.APP_DOMAIN}/terms`);
    expect(built.manifest.developer.websiteUrl).toBe(`https://${FAKE.APP_DOMAIN}/terms#help`);
  });

  test('every web address in it is on the configured domain', () => {
    const urls = JSON.stringify(built.manifest).match(/https:\/\/[^"\s]+/g) ?? [];
    const ours = urls.filter(
      (u) => !u.startsWith('https://developer.microsoft.com/json-schemas/') && u !== 'https://RscPermission',
    );
    expect(ours.length).toBeGreaterThan(0);
    for (const url of ours) expect(new URL(url.replace('{theme}', 'x')).hostname).toBe(FAKE.APP_DOMAIN);
  });

  test('installs the bot in personal chats, teams and group chats', () => {
    expect(built.manifest.bots?.[0]?.scopes).toEqual(['personal', 'team', 'groupChat']);
  });

  test('asks resource-specific consent to learn when meetings start, in meeting chats and channel meetings', () => {
    expect(built.manifest.webApplicationInfo?.resource).toBe('https://RscPermission');
    expect(built.manifest.authorization?.permissions?.resourceSpecific).toEqual([
      { name: 'OnlineMeeting.ReadBasic.Chat', type: 'Application' },
      { name: 'ChannelMeeting.ReadBasic.Group', type: 'Application' },
    ]);
  });

  test('has one search message extension, searchFramework, with one parameter named query, run at once on opening', () => {
    const extension = built.manifest.composeExtensions;
    expect(extension).toHaveLength(1);
    expect(extension?.[0]?.commands).toHaveLength(1);
    const command = extension?.[0]?.commands?.[0];
    expect(command).toMatchObject({ id: 'searchFramework', type: 'query', initialRun: true });
    expect(command?.parameters?.map((p) => p.name)).toEqual(['query']);
  });

  test('has the bot chat and the Framework tab as personal tabs, the tab following the Teams theme', () => {
    const tabs = built.manifest.staticTabs ?? [];
    expect(tabs.map((t) => t.entityId)).toEqual(['conversations', 'framework', 'about']);
    expect(tabs[1]).toMatchObject({
      name: 'Framework',
      contentUrl: `https://${FAKE.APP_DOMAIN}/tab?theme={theme}`,
      scopes: ['personal'],
    });
  });
});

describe('the template', () => {
  const template = readFileSync(TEMPLATE_PATH, 'utf8');

  test('holds no real ids or domains: only ${{placeholders}}', () => {
    expect(template).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i);
    expect(template).not.toMatch(/azurewebsites\.net|devtunnels\.ms|ngrok/);
    expect(template).toContain('"id": "${{TEAMS_APP_ID}}"');
    expect(template).toContain('"botId": "${{BOT_ID}}"');
  });

  test('names the same schema version in $schema and manifestVersion', () => {
    const t = JSON.parse(template) as { $schema: string; manifestVersion: string };
    expect(t.$schema).toContain(`/v${t.manifestVersion}/`);
  });
});
