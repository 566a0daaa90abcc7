/**
 * Who may frame our pages (the tab, the console, the privacy notice and terms): Teams and the other
 * Microsoft 365 hosts, as listed in "Tab requirements"
 * (learn.microsoft.com/microsoftteams/platform/tabs/how-to/tab-requirements), and this server itself.
 * The one list: every page's Content-Security-Policy `frame-ancestors` is built from it.
 */
export const FRAME_ANCESTORS = [
  "'self'",
  ...['teams.microsoft.com', '*.teams.microsoft.com', '*.cloud.microsoft', '*.microsoft365.com', '*.office.com'],
  ...[
    'outlook.office.com',
    'outlook.office365.com',
    'outlook-sdf.office.com',
    'outlook-sdf.office365.com',
    'outlook.live.com',
  ],
].map((host) => (host.startsWith("'") ? host : `https://${host}`));

/** The `frame-ancestors` directive, from FRAME_ANCESTORS. */
export const FRAME_ANCESTORS_DIRECTIVE = `frame-ancestors ${FRAME_ANCESTORS.join(' ')}`;
