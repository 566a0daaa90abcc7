// A stand-in for the Teams web client: a page at https://teams.microsoft.com (served by the test
// browser, never fetched) that frames the tab and answers teams-js the way Teams does, over
// postMessage. It answers "initialize" and "getContext" (and "authentication.getAuthToken" when given
// a token), and can send "themeChange".

export const TEAMS_HOST_URL = 'https://teams.microsoft.com/_fake-host';

/**
 * The host page, framing `tabUrl`. `theme` is what getContext reports, with `place` (a team or chat
 * id); `authToken` is what getAuthToken gives (none: it fails).
 */
export function fakeTeamsHostPage(
  tabUrl: string,
  theme: string,
  options: { place?: { teamId?: string; chatId?: string }; authToken?: string } = {},
): string {
  const { place = {}, authToken } = options;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Fake Teams host</title></head>
<body style="margin:0">
<iframe id="tab" title="Framework" src="${tabUrl}" style="border:0;width:100vw;height:100vh"></iframe>
<script>
  const frame = document.getElementById('tab');
  window.received = [];
  window.theme = ${JSON.stringify(theme)};
  window.authToken = ${JSON.stringify(authToken ?? null)};
  window.addEventListener('message', (event) => {
    if (event.source !== frame.contentWindow || typeof event.data !== 'object' || !event.data.func) return;
    const message = event.data;
    window.received.push(message.func);
    const reply = (args) => event.source.postMessage({ id: message.id, uuidAsString: message.uuidAsString, args }, event.origin);
    if (message.func === 'initialize') {
      // [frame context, client type, runtime config, the SDK version the host supports]
      reply(['content', 'web', JSON.stringify({ apiVersion: message.args[1], supports: {} }), '2.58.0']);
    } else if (message.func === 'getContext') {
      reply([{ theme: window.theme, locale: 'en-gb', frameContext: 'content', hostClientType: 'web', entityId: 'framework', ...${JSON.stringify(place)} }]);
    } else if (message.func === 'authentication.getAuthToken') {
      // [success, token or reason], as Teams answers.
      reply(window.authToken ? [true, window.authToken] : [false, 'resourceDisabled']);
    }
  });
  window.changeTheme = (theme) => frame.contentWindow.postMessage({ func: 'themeChange', args: [theme] }, new URL(frame.src).origin);
</script>
</body></html>`;
}
