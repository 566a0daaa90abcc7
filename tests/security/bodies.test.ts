// Finding 1: multipart uploads landed in $TMPDIR before sign-in. Finding 2: a plain HTML form could
// drive a local bot. Finding 3: a bad body's first characters were logged. Finding 4: malformed
// requests got 500s with library text. Finding 9: HEAD /api/messages warned in the log.
import { mkdtempSync, readdirSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useBot } from '../../testkit/app-harness';
import { activity } from '../helpers/fixtures';

const APP = {
  MicrosoftAppId: '7c1e5a2b-3d4f-4a6b-8c9d-0e1f2a3b4c5d',
  MicrosoftAppPassword: 'secret',
  MicrosoftAppType: 'SingleTenant',
  MicrosoftAppTenantId: '3d5f3b7a-8c2e-4f1a-9b6d-2e7c4a1f0b93',
};
const STACK = /\bat .+[(\s].+:\d+:\d+|node_modules|Error:/;

const bot = useBot({ options: () => ({ http: true }) });
let tmp: string;
const originalTmp = process.env['TMPDIR'];

beforeAll(() => {
  // Anything a parser spills to disk lands in os.tmpdir(), which reads TMPDIR: a folder of our own, empty.
  tmp = mkdtempSync(join(tmpdir(), 'pc-sec-tmp-'));
  process.env['TMPDIR'] = tmp;
});
afterAll(() => {
  if (originalTmp === undefined) delete process.env['TMPDIR'];
  else process.env['TMPDIR'] = originalTmp;
});

/** A raw request, so the body and headers are exactly what an attacker would send. */
function send(
  url: string,
  options: {
    method?: string;
    path?: string;
    headers?: Record<string, string | number>;
    body?: Buffer | string;
    chunks?: number;
  },
): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${url}${options.path ?? '/api/messages'}`,
      { method: options.method ?? 'POST', headers: options.headers ?? {} },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }),
        );
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) => {
      // The server may answer and close before the whole upload is written: that is the point.
      if (error.code === 'EPIPE' || error.code === 'ECONNRESET') resolve({ status: -1, body: '', headers: {} });
      else reject(error);
    });
    if (options.body !== undefined) {
      const body = Buffer.isBuffer(options.body) ? options.body : Buffer.from(options.body);
      const n = options.chunks ?? 1;
      const size = Math.ceil(body.length / n);
      for (let i = 0; i < n; i++) req.write(body.subarray(i * size, (i + 1) * size));
    }
    req.end();
  });
}

function multipart(fileBytes: number): { body: Buffer; type: string } {
  const boundary = '----pcboundary7MA4YWxkTrZu0gW';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="type"\r\n\r\nmessage\r\n--${boundary}\r\nContent-Disposition: form-data; name="upload"; filename="big.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    body: Buffer.concat([head, Buffer.alloc(fileBytes, 0x61), tail]),
    type: `multipart/form-data; boundary=${boundary}`,
  };
}

const modes: Array<[string, Record<string, string>]> = [
  ['anonymous (local)', {}],
  ['with an app id (production)', { ...APP, NODE_ENV: 'production' }],
];

describe.each(modes)('request bodies, %s', (_mode, env) => {
  test('a 5 MB multipart upload with no token gets 415 (or 401 before reading), and nothing lands in $TMPDIR', async () => {
    const app = await bot.start(env);
    const before = readdirSync(tmp);
    const { body, type } = multipart(5 * 1024 * 1024);
    const res = await send(app.url, {
      headers: { 'content-type': type, 'content-length': body.length },
      body,
      chunks: 20,
    });
    expect(res.status === 415 || res.status === 401 || res.status === -1).toBe(true);
    // Give a parser that might still be writing time to do so, then look.
    await new Promise((r) => setTimeout(r, 200));
    expect(readdirSync(tmp)).toEqual(before);
    expect(bot.connector.requests).toHaveLength(0);
  });

  test.each([
    ['multipart/form-data', multipart(1000).type, multipart(1000).body],
    [
      'a form with nested keys',
      'application/x-www-form-urlencoded',
      `type=message&text=schedule+post+now&serviceUrl=${encodeURIComponent('http://127.0.0.1:9/')}&conversation[id]=x&from[id]=y&channelData[tenant][id]=z`,
    ],
    ['XML', 'application/xml', '<?xml version="1.0"?><activity><type>message</type></activity>'],
    ['text/xml', 'text/xml', '<activity/>'],
    ['plain text', 'text/plain', '{"type":"message"}'],
    ['no content type', '', '{"type":"message"}'],
    ['a JSON look-alike', 'application/jsonp', '{"type":"message"}'],
  ])('%s → 415 with a fixed message, no turn, nothing in $TMPDIR', async (_label, type, body) => {
    const app = await bot.start(env);
    const before = readdirSync(tmp);
    const headers: Record<string, string> = type ? { 'content-type': type } : {};
    if (env['MicrosoftAppId']) headers['authorization'] = 'Bearer x.y.z';
    const res = await send(app.url, { headers, body });
    expect(res.status).toBe(415);
    expect(JSON.parse(res.body)).toEqual({
      code: 'UnsupportedMediaType',
      message: 'Send the activity as JSON (Content-Type: application/json).',
    });
    expect(readdirSync(tmp)).toEqual(before);
    expect(bot.connector.requests).toHaveLength(0);
  });
});

describe('JSON bodies', () => {
  test('JSON with a charset is accepted', async () => {
    const app = await bot.start();
    const res = await send(app.url, {
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify(activity('personal-message', bot.connector.url)),
    });
    expect(res.status).toBe(200);
    expect(bot.connector.requests).toHaveLength(1);
  });

  test('over 256 KB → 413 with a fixed message, whether or not Content-Length says so', async () => {
    const app = await bot.start();
    const big = JSON.stringify(activity('personal-message', bot.connector.url, { text: 'a'.repeat(300 * 1024) }));
    const declared = await send(app.url, {
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(big) },
      body: big,
    });
    expect(declared.status === 413 || declared.status === -1).toBe(true);
    const chunked = await send(app.url, {
      headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      body: big,
      chunks: 10,
    });
    expect(chunked.status === 413 || chunked.status === -1).toBe(true);
    for (const res of [declared, chunked].filter((r) => r.status === 413))
      expect(JSON.parse(res.body)).toEqual({ code: 'PayloadTooLarge', message: 'The request is too large.' });
    expect(bot.connector.requests).toHaveLength(0);
  });

  test.each([
    ['not JSON', '{"type": "message", "text": "Zephyrine secret'],
    ['a JSON array', '[{"type":"message"}]'],
    ['JSON null', 'null'],
    ['a string', '"message"'],
    ['an empty body', ''],
    ['an activity without a type', '{"text":"Zephyrine secret","serviceUrl":"http://127.0.0.1:9/"}'],
    ['a type that is not a string', '{"type":{"Zephyrine":"secret"},"serviceUrl":"http://127.0.0.1:9/"}'],
  ])('%s → 400 with a fixed message; no body text in the reply or the log', async (_label, body) => {
    const app = await bot.start();
    const warn = jest.spyOn(console, 'warn');
    const error = jest.spyOn(console, 'error');
    try {
      const res = await send(app.url, { headers: { 'content-type': 'application/json' }, body });
      expect(res.status).toBe(400);
      expect(JSON.parse(res.body)).toEqual({
        code: 'BadRequest',
        message: 'The request is not a Bot Framework activity in JSON.',
      });
      expect(res.body).not.toMatch(STACK);
      expect(app.logs.join('\n')).not.toMatch(/Zephyrine|secret|"type"/);
      expect(warn).not.toHaveBeenCalled();
      expect(error).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
      error.mockRestore();
    }
    expect(bot.connector.requests).toHaveLength(0);
  });
});

describe('other methods on /api/messages', () => {
  test('HEAD (the Agents Playground sends it on every connection) gets a quiet 200 and no warning in the log', async () => {
    const app = await bot.start();
    const res = await send(app.url, { method: 'HEAD' });
    expect(res.status).toBe(200);
    const lines = app.logs.map((l) => JSON.parse(l) as { level: number });
    expect(lines.filter((l) => l.level >= 40)).toEqual([]);
  });

  test('GET gets 405 with a fixed message and no warning', async () => {
    const app = await bot.start();
    const res = await send(app.url, { method: 'GET' });
    expect(res.status).toBe(405);
    expect(JSON.parse(res.body)).toEqual({ code: 'MethodNotAllowed', message: 'Send activities with POST.' });
    expect(app.logs.map((l) => JSON.parse(l) as { level: number }).filter((l) => l.level >= 40)).toEqual([]);
  });
});
