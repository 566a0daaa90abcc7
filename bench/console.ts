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
import { openPostgres, openSqlite } from '../store/db';
import { launch, loopbackContext } from '../testkit/browser';
import { postgres, sqlite } from '../testkit/stores';
import { fill } from './console-data';
import { percentile } from './stats';

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
        p50: round(percentile(insights, 50)),
        p95: round(percentile(insights, 95)),
        p99: round(percentile(insights, 99)),
        max: round(insights.at(-1) ?? NaN),
      },
      view12Weeks: { requests: view.length, p50: round(percentile(view, 50)), p99: round(percentile(view, 99)) },
      firstChartMs: { loads: firstChart.length, median: percentile(firstChart, 50), max: firstChart.at(-1) ?? NaN },
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
