// Third probe, findings 1, 2 and 11: local mode (no app id) answered any Host and any Origin, so a web
// page whose name rebinds to 127.0.0.1 was same-origin with the service and could read suggestions, save
// and publish a draft; HOST=0.0.0.0 opened the console to the network; and a plain cross-site
// <form method=post> could restore or check the draft, as those routes read no body.
import { request } from 'node:http';
import { startApp } from '../../testkit/app-harness';
import type { RunningApp } from '../../testkit/app-harness';
import { startFakeConnector } from '../../testkit/fake-connector';
import type { FakeConnector } from '../../testkit/fake-connector';
import { activity } from '../helpers/fixtures';
import { SIGNED_IN_ENV } from '../helpers/tenant-keys';
import { CONSOLE_CALL_HEADER } from '../../bot/web/console/routes';

jest.setTimeout(30_000);

interface Raw {
  status: number;
  body: string;
}

/** A request with exactly these headers (fetch will not set Host), to the app on 127.0.0.1. */
function raw(app: RunningApp, method: string, path: string, headers: Record<string, string>, body?: string) {
  const { port } = new URL(app.url);
  return new Promise<Raw>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers, setHost: false }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString('utf8')));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

let app: RunningApp;
let connector: FakeConnector;
let port: string;
beforeEach(async () => {
  connector = await startFakeConnector();
  app = await startApp({ DEFAULT_FRAMEWORK: 'lbbd' }, { http: true });
  port = new URL(app.url).port;
});
afterEach(async () => {
  await app.close();
  await connector.close();
});

const REBIND = () => `rebind.attacker.example:${port}`;

async function entry(id: string) {
  const res = await raw(app, 'GET', '/api/console/frameworks/lbbd', { host: `localhost:${port}` });
  const f = JSON.parse(res.body) as {
    entries: Array<Record<string, unknown>>;
    etags: { entries: Record<string, string> };
  };
  return { entry: f.entries.find((e) => e['id'] === id)!, etag: f.etags.entries[id]! };
}

describe('DNS rebinding: without an app id, only a loopback Host on our own port is answered', () => {
  test('the probe: read suggestions, save an entry, publish, all under a rebinding Host, are refused and change nothing', async () => {
    const host = REBIND();
    expect((await raw(app, 'GET', '/api/console/suggestions', { host })).status).toBe(403);
    const { entry: respect, etag } = await entry('lbbd-respect');
    const save = await raw(
      app,
      'PUT',
      '/api/console/frameworks/lbbd/draft/entries/lbbd-respect',
      { host, 'content-type': 'application/json' },
      JSON.stringify({ entry: { ...respect, summary: 'Visit https://evil.example/help for help.' }, etag }),
    );
    expect(save.status).toBe(403);
    const publish = await raw(
      app,
      'POST',
      '/api/console/frameworks/lbbd/publish',
      { host, 'content-type': 'application/json' },
      JSON.stringify({ note: 'x' }),
    );
    expect(publish.status).toBe(403);
    expect(await app.store.frameworkVersions?.draft('lbbd')).toBeUndefined();
    expect(await app.store.frameworkVersions?.newest('lbbd')).toBeUndefined();
    // The log says what kind of refusal, never the Host the caller wrote.
    expect(app.logs.join('\n')).toContain('"event":"local-refused"');
    expect(app.logs.join('\n')).not.toContain('attacker.example');
  });

  test.each([
    ['GET', '/tab'],
    ['GET', '/api/tab/search?q=respect'],
    ['GET', '/api/console/session'],
    ['GET', '/console'],
    ['GET', '/healthz'],
  ])('%s %s under a rebinding Host is 403', async (method, path) => {
    expect((await raw(app, method, path, { host: REBIND() })).status).toBe(403);
  });

  test('/api/messages under a rebinding Host is 403, and the turn never runs', async () => {
    const res = await raw(
      app,
      'POST',
      '/api/messages',
      { host: REBIND(), 'content-type': 'application/json' },
      JSON.stringify(activity('personal-message', connector.url)),
    );
    expect(res.status).toBe(403);
    expect(connector.requests).toHaveLength(0);
  });

  test.each([
    ['localhost', () => `localhost:${port}`],
    ['127.0.0.1', () => `127.0.0.1:${port}`],
    ['[::1]', () => `[::1]:${port}`],
    ['LOCALHOST in capitals', () => `LOCALHOST:${port}`],
  ])('%s with our port is answered', async (_label, host) => {
    expect((await raw(app, 'GET', '/api/console/session', { host: host() })).status).toBe(200);
  });

  test.each([
    ['no port', () => 'localhost'],
    ['another port', () => `localhost:${Number(port) === 1 ? 2 : 1}`],
    ['a name that only starts like localhost', () => `localhost.attacker.example:${port}`],
    ['127.0.0.1 followed by more', () => `127.0.0.1.attacker.example:${port}`],
    ['a private address', () => `192.168.1.20:${port}`],
    ['an empty Host', () => ''],
  ])('%s is refused', async (_label, host) => {
    expect((await raw(app, 'GET', '/api/console/session', { host: host() })).status).toBe(403);
  });

  test('with an app id, a hosted name is answered as before (sign-in protects it)', async () => {
    const hosted = await startApp({ ...SIGNED_IN_ENV, DEFAULT_FRAMEWORK: 'lbbd' }, { http: true });
    try {
      const res = await raw(hosted, 'GET', '/healthz', { host: 'practice-companion.azurewebsites.net' });
      expect(res.status).toBe(200);
    } finally {
      await hosted.close();
    }
  });
});

describe('without an app id, only our own Origin', () => {
  test.each([
    ['another site', 'https://evil.example'],
    ['null (a sandboxed frame, a no-referrer form)', 'null'],
    ['our host over https', () => `https://localhost:${port}`],
    ['another loopback port', () => `http://localhost:${Number(port) === 1 ? 2 : 1}`],
    ['another loopback name', () => `http://127.0.0.1:${port}`],
  ])('%s is refused, for reads and writes', async (_label, origin) => {
    const o = typeof origin === 'function' ? origin() : origin;
    const host = `localhost:${port}`;
    expect((await raw(app, 'GET', '/api/console/suggestions', { host, origin: o })).status).toBe(403);
    const restore = await raw(app, 'POST', '/api/console/frameworks/lbbd/versions/0/restore', {
      host,
      origin: o,
      [CONSOLE_CALL_HEADER]: 'console',
    });
    expect(restore.status).toBe(403);
    expect(await app.store.frameworkVersions?.draft('lbbd')).toBeUndefined();
  });

  test("the service's own Origin is answered", async () => {
    const host = `localhost:${port}`;
    const res = await raw(app, 'POST', '/api/console/frameworks/lbbd/versions/0/restore', {
      host,
      origin: `http://${host}`,
      [CONSOLE_CALL_HEADER]: 'console',
    });
    expect(res.status).toBe(200);
  });
});

describe('a plain cross-site form post cannot change anything', () => {
  // What <form method=post> can send: a simple content type and no custom header. Browsers old enough
  // to send no Origin exist, so the content type is checked too.
  const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

  test.each([
    ['POST', '/api/console/frameworks/lbbd/versions/0/restore'],
    ['POST', '/api/console/frameworks/lbbd/draft/check'],
    ['POST', '/api/console/frameworks/lbbd/draft/preview'],
    ['POST', '/api/console/frameworks/lbbd/publish'],
    ['PUT', '/api/console/frameworks/lbbd/draft/entries/lbbd-respect'],
    ['DELETE', '/api/console/frameworks/lbbd/draft'],
    ['POST', '/api/console/suggestions/abc'],
  ])('%s %s as a form (no Origin) is 415 and changes nothing', async (method, path) => {
    // A form cannot send DELETE; a fetch() without a header or JSON can, with no body.
    const res = await raw(
      app,
      method,
      path,
      { host: `localhost:${port}`, ...FORM },
      method === 'DELETE' ? undefined : 'note=x',
    );
    expect(res.status).toBe(415);
    expect(await app.store.frameworkVersions?.draft('lbbd')).toBeUndefined();
  });

  test('text/plain, the other type a form may send, is refused the same way', async () => {
    const res = await raw(
      app,
      'POST',
      '/api/console/frameworks/lbbd/versions/0/restore',
      { host: `localhost:${port}`, 'content-type': 'text/plain' },
      '{}',
    );
    expect(res.status).toBe(415);
  });

  test('from a page elsewhere (Origin set) the form is refused before anything else', async () => {
    const res = await raw(
      app,
      'POST',
      '/api/console/frameworks/lbbd/versions/0/restore',
      { host: `localhost:${port}`, origin: 'https://evil.example', ...FORM },
      '',
    );
    expect(res.status).toBe(403);
  });

  test("the console's own calls (its header, or JSON) go through", async () => {
    const host = `localhost:${port}`;
    const header = { host, [CONSOLE_CALL_HEADER]: 'console' };
    expect((await raw(app, 'POST', '/api/console/frameworks/lbbd/versions/0/restore', header)).status).toBe(200);
    expect((await raw(app, 'DELETE', '/api/console/frameworks/lbbd/draft', header)).status).toBe(200);
    const json = await raw(
      app,
      'POST',
      '/api/console/frameworks/lbbd/draft/preview',
      { host, 'content-type': 'application/json' },
      JSON.stringify({ entryId: 'lbbd-respect' }),
    );
    expect(json.status).toBe(200);
  });
});

describe('HOST set to a network address with no app id', () => {
  test('the console and the editor are closed: no local mode, every call refused', async () => {
    const open = await startApp({ DEFAULT_FRAMEWORK: 'lbbd', HOST: '0.0.0.0' }, { http: true });
    try {
      const host = `localhost:${new URL(open.url).port}`;
      const session = await raw(open, 'GET', '/api/console/session', { host });
      expect(session.status).toBe(403);
      expect(session.body).not.toContain('localMode');
      expect(JSON.parse(session.body)).toMatchObject({ code: 'ConsoleClosed' });
      for (const [method, path] of [
        ['GET', '/api/console/suggestions'],
        ['GET', '/api/console/frameworks/lbbd'],
        ['POST', '/api/console/frameworks/lbbd/versions/0/restore'],
      ] as const) {
        const res = await raw(open, method, path, { host, [CONSOLE_CALL_HEADER]: 'console' });
        expect(res.status).toBe(403);
      }
      expect(await open.store.frameworkVersions?.draft('lbbd')).toBeUndefined();
    } finally {
      await open.close();
    }
  });
});
