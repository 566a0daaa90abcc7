import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { METRICS } from '../../bot/telemetry';

const ROOT = join(__dirname, '..', '..');
const TLS = join(ROOT, 'tests', 'fixtures', 'tls');
const QUESTION = 'what does the A in CARES mean for Zebedee Quartermain';
const NOT_SURE = 'how do I fix the photocopier on floor nine';

/** A loopback stand-in for Application Insights' ingestion endpoint: keeps every envelope it is sent. */
async function startIngestion() {
  const bodies: string[] = [];
  const paths: string[] = [];
  // HTTPS, as the exporter will only send to HTTPS: a certificate for 127.0.0.1 that the child trusts.
  const server = createServer(
    { key: readFileSync(join(TLS, 'loopback.key')), cert: readFileSync(join(TLS, 'loopback.crt')) },
    (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const raw = Buffer.concat(chunks);
        paths.push(req.url ?? '');
        bodies.push((raw[0] === 0x1f && raw[1] === 0x8b ? gunzipSync(raw) : raw).toString('utf8'));
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ itemsReceived: 1, itemsAccepted: 1, errors: [] }));
      });
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return { url, bodies, paths, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

interface Envelope {
  name: string;
  data?: {
    baseType?: string;
    baseData?: {
      metrics?: Array<{ name: string; value: number; count?: number }>;
      properties?: Record<string, string>;
    };
  };
}

/** Runs a TypeScript file in a child process under tsx, with the module probe (which also keeps it on loopback). */
function runChild(args: string[], env: Record<string, string>, onStdout?: (out: string, kill: () => void) => void) {
  const child = spawn(
    process.execPath,
    ['--require', join(__dirname, '..', 'helpers', 'module-probe.js'), '--import', 'tsx', ...args],
    {
      cwd: ROOT,
      // The SDK's own reports to Microsoft ("statsbeat") are off: tests talk to this machine only.
      env: {
        PATH: process.env['PATH'] ?? '',
        ...(process.env['NODE_OPTIONS'] ? { NODE_OPTIONS: process.env['NODE_OPTIONS'] } : {}),
        HOME: process.env['HOME'] ?? '/tmp',
        APPLICATION_INSIGHTS_NO_STATSBEAT: 'true',
        APPLICATIONINSIGHTS_STATSBEAT_DISABLED: 'true',
        NODE_EXTRA_CA_CERTS: join(TLS, 'loopback.crt'),
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => {
    out += c.toString();
    onStdout?.(out, () => child.kill('SIGTERM'));
  });
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  const reported = (prefix: string) => {
    const line = err.split('\n').find((l) => l.startsWith(`${prefix} `));
    return line ? (JSON.parse(line.slice(prefix.length + 1)) as string[]) : undefined;
  };
  return new Promise<{
    code: number | null;
    out: string;
    err: string;
    modules: string[];
    refused: string[] | undefined;
  }>((resolve) =>
    child.on('exit', (code) =>
      resolve({ code, out, err, modules: reported('TELEMETRY-MODULES') ?? [], refused: reported('REFUSED-HOSTS') }),
    ),
  );
}

test('with APPLICATIONINSIGHTS_CONNECTION_STRING, answers, not-sure answers, posts by outcome and turn time reach the ingestion endpoint, and no text does', async () => {
  const ingestion = await startIngestion();
  let child: Awaited<ReturnType<typeof runChild>>;
  try {
    child = await runChild(
      [
        'tests/helpers/telemetry-run.ts',
        `InstrumentationKey=00000000-0000-4000-8000-000000000001;IngestionEndpoint=${ingestion.url}`,
        QUESTION,
        NOT_SURE,
      ],
      {},
    );
  } finally {
    await ingestion.close();
  }
  expect(child.code).toBe(0);
  // The only attempt off this machine is the distro's own look for Azure's instance metadata service (refused here; on a VM it answers locally).
  expect(child.refused).toBeDefined();
  expect(child.refused!.filter((host) => host !== '169.254.169.254')).toEqual([]);
  expect(child.out).toContain('POST-STATUS sent ATTEMPTS 2');

  expect(ingestion.paths.every((p) => p.startsWith('/v2'))).toBe(true);
  const envelopes = ingestion.bodies.flatMap((b) =>
    b
      .split('\n')
      .filter(Boolean)
      .flatMap((line) => ([] as Envelope[]).concat(JSON.parse(line) as Envelope | Envelope[])),
  );
  const points = envelopes
    .filter((e) => e.data?.baseType === 'MetricData')
    .flatMap((e) =>
      (e.data!.baseData!.metrics ?? []).map((m) => ({
        name: m.name,
        value: m.value,
        count: m.count,
        properties: e.data!.baseData!.properties ?? {},
      })),
    );
  const total = (name: string, outcome?: string) =>
    points
      .filter((p) => p.name === name && (outcome === undefined || p.properties['outcome'] === outcome))
      .reduce((n, p) => n + p.value, 0);
  expect(total(METRICS.answers, 'answered')).toBe(1);
  expect(total(METRICS.answers, 'not_sure')).toBe(1);
  expect(total(METRICS.posts, 'throttled')).toBe(1);
  expect(total(METRICS.posts, 'sent')).toBe(1);
  const turns = points.filter((p) => p.name === METRICS.turnDuration && p.properties['activity_type'] === 'message');
  expect(turns.reduce((n, p) => n + (p.count ?? 1), 0)).toBe(2);
  expect(turns[0]!.value).toBeGreaterThan(0);

  // Traces: one request per turn, named by its kind. The distro samples traces at 5 a second by
  // default, so of two turns a few milliseconds apart one or both are sent; the metrics above are exact.
  const requests = envelopes
    .filter((e) => e.data?.baseType === 'RequestData')
    .map((e) => (e.data!.baseData as { name?: string }).name);
  expect(requests.length).toBeGreaterThanOrEqual(1);
  expect(requests.length).toBeLessThanOrEqual(2);
  expect(new Set(requests)).toEqual(new Set(['turn message']));
  expect((envelopes[0] as { tags?: Record<string, string> }).tags?.['ai.cloud.role']).toBe('practice-companion');
  // Never any text a person typed.
  const everything = ingestion.bodies.join('\n');
  for (const words of ['Zebedee', 'Quartermain', 'photocopier', 'CARES mean']) expect(everything).not.toContain(words);
}, 30_000);

test('without the setting, the real service starts without loading any telemetry code; with it, the distro is loaded', async () => {
  let refusedWithout: string[] | undefined;
  const loaded = async (env: Record<string, string>) => {
    const run = await runChild(
      ['bot/index.ts'],
      { PORT: '0', HOST: '127.0.0.1', DATABASE_URL: 'sqlite::memory:', LOG_LEVEL: 'info', SCHEDULER: 'off', ...env },
      (out, kill) => {
        if (out.includes('"event":"listening"')) kill();
      },
    );
    expect(run.out).toContain('"event":"listening"');
    refusedWithout ??= run.refused;
    return run.modules;
  };
  expect(await loaded({})).toEqual([]);
  expect(refusedWithout).toEqual([]);
  // The distro itself comes in through import(); what it requires shows it was loaded.
  const withIt = await loaded({
    APPLICATIONINSIGHTS_CONNECTION_STRING:
      'InstrumentationKey=00000000-0000-4000-8000-000000000001;IngestionEndpoint=http://127.0.0.1:9/',
  });
  expect(withIt).toEqual(
    expect.arrayContaining(['@opentelemetry/api', '@opentelemetry/instrumentation-http', '@opentelemetry/sdk-node']),
  );
}, 60_000);
