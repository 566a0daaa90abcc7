/**
 * Who may frame our pages (the tab, the console, the privacy notice and terms): the one list, from
 * which every page's Content-Security-Policy `frame-ancestors` is built. Only what hosting the app
 * needs, as Microsoft lists the hosts in "Tab requirements"
 * (learn.microsoft.com/microsoftteams/platform/tabs/how-to/tab-requirements), host by host rather than
 * its wildcards: `*.cloud.microsoft`, `*.office.com` and `*.microsoft365.com` would also let every
 * other Microsoft 365 web app on those domains frame the console.
 *
 * - Teams on the web, and the desktop client (which shows the same pages): teams.microsoft.com and
 *   its subdomains, and teams.cloud.microsoft, where Microsoft is moving them. Teams on phones opens a
 *   tab in its own web view, not in a frame, so it needs no entry.
 * - Outlook, which shows a personal tab in a frame (manifest 1.13 and later) for work accounts:
 *   outlook.office.com, outlook.office365.com and outlook.cloud.microsoft. Not outlook.live.com
 *   (personal Microsoft accounts: this is an app for an organisation's staff) and not outlook-sdf.*
 *   (Microsoft's own test ring).
 * - The Microsoft 365 app (microsoft365.com, office.com, m365.cloud.microsoft), on the web and in its
 *   desktop app, which shows personal tabs the same way.
 * - This server itself ('self').
 */
export const FRAME_ANCESTORS = [
  "'self'",
  ...['teams.microsoft.com', '*.teams.microsoft.com', 'teams.cloud.microsoft'],
  ...['outlook.office.com', 'outlook.office365.com', 'outlook.cloud.microsoft'],
  ...['www.microsoft365.com', 'www.office.com', 'm365.cloud.microsoft'],
].map((host) => (host.startsWith("'") ? host : `https://${host}`));

/** The `frame-ancestors` directive, from FRAME_ANCESTORS. */
export const FRAME_ANCESTORS_DIRECTIVE = `frame-ancestors ${FRAME_ANCESTORS.join(' ')}`;
