// Third probe, a point to settle: frame-ancestors listed Microsoft's wider Microsoft 365 hosts
// (*.cloud.microsoft, *.office.com, *.microsoft365.com, Outlook's test ring and consumer Outlook), so
// any web app on those domains could frame the console. Now only what Teams, Outlook and the Microsoft
// 365 app need to host the personal tab, host by host.
import { FRAME_ANCESTORS, FRAME_ANCESTORS_DIRECTIVE } from '../../bot/web/framing';
import { CONTENT_SECURITY_POLICY } from '../../bot/web/assets';

describe('frame-ancestors', () => {
  test('names exactly the hosts Teams (web, desktop), Outlook and the Microsoft 365 app need, and this server', () => {
    expect([...FRAME_ANCESTORS].sort()).toEqual(
      [
        "'self'",
        'https://teams.microsoft.com',
        'https://*.teams.microsoft.com',
        'https://teams.cloud.microsoft',
        'https://outlook.office.com',
        'https://outlook.office365.com',
        'https://outlook.cloud.microsoft',
        'https://www.microsoft365.com',
        'https://www.office.com',
        'https://m365.cloud.microsoft',
      ].sort(),
    );
  });

  test.each([
    'https://*.cloud.microsoft',
    'https://*.office.com',
    'https://*.microsoft365.com',
    'https://outlook-sdf.office.com',
    'https://outlook-sdf.office365.com',
    'https://outlook.live.com',
  ])('does not let %s frame our pages', (host) => {
    expect(FRAME_ANCESTORS).not.toContain(host);
    expect(CONTENT_SECURITY_POLICY.split(' ')).not.toContain(host);
  });

  test("every host is https, and the only wildcard is Teams' own subdomains", () => {
    for (const host of FRAME_ANCESTORS.filter((h) => h !== "'self'")) expect(host).toMatch(/^https:\/\/[a-z0-9.*-]+$/);
    expect(FRAME_ANCESTORS.filter((h) => h.includes('*'))).toEqual(['https://*.teams.microsoft.com']);
    expect(CONTENT_SECURITY_POLICY).toContain(FRAME_ANCESTORS_DIRECTIVE);
  });
});
