// npm run bench:console [-- --store sqlite|postgres|both] [--requests 300]
// Fills a store with a year of activity (1,000 conversations: 50 teams with weekly posts, 250 group
// chats, 700 personal chats; 36 entries asked every day; votes, not-sure answers, "Another prompt"
// presses, shares, meeting openers, suggestions), then measures the console's insights API over HTTP
// (12-week view) and the time until the page's first chart is drawn in headless Chromium.
// The last line printed is JSON.
import { parseArgs } from 'node:util';
import { createApp } from '../bot/app';
import { loadConfig } from '../bot/config';
import { createLogger } from '../bot/logger';
import { loadKnowledgeBase } from '../knowledge/kb/load';
import { openStore } from '../store/open';
import { CompiledQuery } from 'kysely';
import { openPostgres, openSqlite } from '../store/db';
import type { Db } from '../store/db';
import { launch, loopbackContext } from '../tests/tab/browser';
import { postgres, sqlite } from '../tests/helpers/stores';

const DAY = 86_400_000;
const WEEK = 7 * DAY;

/** A small seeded generator, so every run fills the same data. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

async function fill(
  db: Db,
  entryIds: readonly string[],
  frameworks: readonly string[],
  now: number,
): Promise<Record<string, number>> {
  const rnd = random(42);
  const counts: Record<string, number> = {};
  const add = (table: string) => (counts[table] = (counts[table] ?? 0) + 1);
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const start = now - 365 * DAY;
  await db.k.transaction().execute(async (k) => {
    // Plain INSERTs with ? placeholders ($1… on PostgreSQL): the fastest way to seed a year of rows.
    let n = 0;
    const placeholders = (text: string) =>
      db.dialect === 'postgres' ? ((n = 0), text.replace(/\?/g, () => `$${++n}`)) : text;
    const tx = {
      run: (text: string, params: readonly unknown[] = []) =>
        k.executeQuery(CompiledQuery.raw(placeholders(text), [...params])),
    };
    const conversation = async (id: string, kind: string, teamId: string | null) => {
      const reference = JSON.stringify({
        channelId: 'msteams',
        serviceUrl: 'https://smba.trafficmanager.net/emea/',
        conversation: { id, conversationType: kind },
      });
      await tx.run(
        'INSERT INTO conversations (id, kind, tenant_id, team_id, service_url, reference, status, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        [
          id,
          kind,
          '00000000-0000-4000-8000-000000000001',
          teamId,
          'https://smba.trafficmanager.net/emea/',
          reference,
          'active',
          start,
        ],
      );
      add('conversations');
    };
    const statuses = [
      'sent',
      'sent',
      'sent',
      'sent',
      'sent',
      'sent',
      'sent',
      'sent',
      'sent',
      'sent',
      'sent',
      'sent',
      'sent',
      'sent',
      'sent',
      'sent',
      'skipped',
      'missed',
      'failed',
      'uncertain',
    ];
    for (let t = 0; t < 50; t++) {
      const id = `19:channel-${t}@thread.tacv2`;
      const teamId = `19:team-${t}@thread.tacv2`;
      await conversation(id, 'channel', teamId);
      const spec = {
        kind: 'post',
        frameworkId: frameworks[t % frameworks.length],
        content: ['principle'],
        weekdays: [1],
        time: '09:00',
        timeZone: 'Europe/London',
        cadence: 'weekly',
        anchorWeek: '2025-01-06',
      };
      await tx.run(
        `INSERT INTO subscriptions (id, conversation_id, team_id, kind, spec, status, skip_next, rotation, next_slot_at, created_at, created_by) VALUES (?, ?, ?, 'post', ?, 'active', 0, ?, ?, ?, ?)`,
        [
          `sub-${t}`,
          id,
          teamId,
          JSON.stringify(spec),
          JSON.stringify({ cycle: 0, seen: [], promptsUsed: {} }),
          now + WEEK,
          start,
          'bench',
        ],
      );
      add('subscriptions');
      for (let w = 0; w < 52; w++) {
        const slot = start + w * WEEK + t * 60_000;
        const status = nth(statuses, Math.floor(rnd() * statuses.length));
        await tx.run(
          `INSERT INTO post_log (id, slot_key, subscription_id, conversation_id, team_id, slot_at, entry_id, status, attempts, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`,
          [
            `post-${t}-${w}`,
            `sub-${t}:${slot}`,
            `sub-${t}`,
            id,
            teamId,
            slot,
            entryIds[w % entryIds.length],
            status,
            slot,
            slot,
          ],
        );
        add('post_log');
      }
    }
    for (let g = 0; g < 250; g++) {
      const id = `19:group-${g}@thread.v2`;
      await conversation(id, 'groupChat', null);
      // Twenty of the group chats are recurring meetings with an opener each week.
      if (g < 20) {
        for (let w = 0; w < 52; w++) {
          const slot = start + w * WEEK + 2 * DAY + g * 60_000;
          await tx.run(
            `INSERT INTO post_log (id, slot_key, conversation_id, slot_at, entry_id, status, attempts, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'sent', 1, ?, ?)`,
            [`opener-${g}-${w}`, `meeting:${id}:${slot}`, id, slot, entryIds[(w + g) % entryIds.length], slot, slot],
          );
          add('post_log');
        }
      }
    }
    for (let p = 0; p < 700; p++) await conversation(`a:personal-${p}`, 'personal', null);

    for (let d = 0; d < 365; d++) {
      const dayIso = day(start + d * DAY);
      for (const entryId of entryIds) {
        const n = Math.floor(rnd() * 12);
        if (n > 0) {
          await tx.run('INSERT INTO asks (entry_id, day, count) VALUES (?, ?, ?)', [entryId, dayIso, n]);
          add('asks');
        }
      }
      for (let v = 0; v < 15; v++) {
        await tx.run('INSERT INTO votes (answer_id, voter, entry_id, day, helpful) VALUES (?, ?, ?, ?, ?)', [
          `answer-${d}-${v}`,
          `voter-${v}`,
          entryIds[Math.floor(rnd() * entryIds.length)],
          dayIso,
          rnd() < 0.8 ? 1 : 0,
        ]);
        add('votes');
      }
      const daily = async (metric: string, item: string, count: number) => {
        if (count <= 0) return;
        await tx.run('INSERT INTO daily_counts (day, metric, item, count) VALUES (?, ?, ?, ?)', [
          dayIso,
          metric,
          item,
          count,
        ]);
        add('daily_counts');
      };
      for (const f of frameworks) await daily('not-sure', f, Math.floor(rnd() * 8));
      for (let k = 0; k < 8; k++) await daily('another-prompt', nth(entryIds, d + k), 1 + Math.floor(rnd() * 4));
      for (let k = 0; k < 4; k++) await daily('extension-share', nth(entryIds, d * 3 + k), 1 + Math.floor(rnd() * 3));
      if (d >= 275 && d % 2 === 0) {
        await tx.run('INSERT INTO suggestions (id, text, framework_id, entry_id, day) VALUES (?, ?, ?, ?, ?)', [
          `sugg-${d}`,
          `A made-up question for the benchmark, number ${d}`,
          frameworks[d % frameworks.length],
          null,
          dayIso,
        ]);
        add('suggestions');
      }
    }
  });
  return counts;
}

/** `list[i]`, counting round: the lists here are never empty. */
function nth<T>(list: readonly T[], i: number): T {
  const item = list[i % list.length];
  if (item === undefined) throw new Error('nth: an empty list');
  return item;
}

const pct = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
const round = (n: number) => Math.round(n * 100) / 100;

async function runOne(backend: 'sqlite' | 'postgres', requests: number) {
  const loaded = loadKnowledgeBase();
  if (!loaded.ok) throw new Error('the knowledge base failed to load');
  const kb = loaded.kb;
  const db = await (backend === 'postgres' ? postgres : sqlite).fresh();
  const store = await openStore(db.url); // runs the migrations
  const sql = backend === 'postgres' ? await openPostgres(db.url, 1) : openSqlite(db.url.slice('sqlite:'.length));
  const filledAt = Date.now();
  const rows = await fill(
    sql,
    kb.entries.filter((e) => e.kind !== 'overview').map((e) => e.id),
    kb.frameworks.map((f) => f.id),
    Date.now(),
  );
  await sql.close();
  const fillSeconds = (Date.now() - filledAt) / 1000;

  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', SCHEDULER: 'off' }, '/nonexistent');
  const app = createApp({ config, kb, store, logger: createLogger(config), version: 'bench' });
  const url = await app.server.listen(0, '127.0.0.1');
  try {
    const get = async (path: string) => {
      const t = process.hrtime.bigint();
      const res = await fetch(`${url}${path}`);
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
      return Number(process.hrtime.bigint() - t) / 1e6;
    };
    for (let i = 0; i < 20; i++) await get('/api/console/insights?weeks=12');
    const insights: number[] = [];
    for (let i = 0; i < requests; i++) insights.push(await get('/api/console/insights?weeks=12'));
    const view: number[] = [];
    for (let i = 0; i < Math.ceil(requests / 3); i++) view.push(await get('/api/console/view?weeks=12'));
    insights.sort((a, b) => a - b);
    view.sort((a, b) => a - b);

    // The page: from navigation to the first chart in the document, five loads in a fresh context each.
    const browser = await launch();
    const firstChart: number[] = [];
    try {
      for (let i = 0; i < 6; i++) {
        const { context } = await loopbackContext(browser);
        const page = await context.newPage();
        const t = Date.now();
        await page.goto(`${url}/console`);
        await page.locator('svg.chart').first().waitFor({ state: 'attached', timeout: 10_000 });
        if (i > 0) firstChart.push(Date.now() - t); // the first load also starts the browser's caches
        await context.close();
      }
    } finally {
      await browser.close();
    }
    firstChart.sort((a, b) => a - b);
    return {
      store: backend,
      rows,
      fillSeconds: round(fillSeconds),
      insights12Weeks: {
        requests,
        p50: round(pct(insights, 50)),
        p95: round(pct(insights, 95)),
        p99: round(pct(insights, 99)),
        max: round(insights.at(-1) ?? NaN),
      },
      view12Weeks: { requests: view.length, p50: round(pct(view, 50)), p99: round(pct(view, 99)) },
      firstChartMs: { loads: firstChart.length, median: pct(firstChart, 50), max: firstChart.at(-1) ?? NaN },
    };
  } finally {
    await app.server.close(1000);
    await db.drop();
  }
}

async function main() {
  const { values } = parseArgs({
    options: { store: { type: 'string', default: 'both' }, requests: { type: 'string', default: '300' } },
  });
  const stores = values.store === 'both' ? (['sqlite', 'postgres'] as const) : [values.store as 'sqlite' | 'postgres'];
  const requests = Number(values.requests);
  const results = [];
  for (const s of stores) {
    const r = await runOne(s, requests);
    console.log(
      `${s}: filled ${JSON.stringify(r.rows)} in ${r.fillSeconds} s; insights (12 weeks) p50 ${r.insights12Weeks.p50} ms, p99 ${r.insights12Weeks.p99} ms (target 100); page view p99 ${r.view12Weeks.p99} ms; first chart median ${r.firstChartMs.median} ms, max ${r.firstChartMs.max} ms (target 1000)`,
    );
    results.push(r);
  }
  console.log(JSON.stringify(results));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
