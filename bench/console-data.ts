// The data `npm run bench:console` measures against: a year of activity in 1,000 conversations, seeded
// so that every run fills the same rows.
import { CompiledQuery } from 'kysely';
import type { Db } from '../store/db';
import { utcDay } from '../time/clock';

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

/** Inserts the year's rows straight into the tables; returns how many went into each. */
export async function fill(
  db: Db,
  entryIds: readonly string[],
  frameworks: readonly string[],
  now: number,
): Promise<Record<string, number>> {
  const rnd = random(42);
  const counts: Record<string, number> = {};
  const add = (table: string) => (counts[table] = (counts[table] ?? 0) + 1);
  const day = (ms: number) => utcDay(new Date(ms));
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
    // 16 in 20 sent, then one each of the other outcomes.
    const statuses = [...Array<string>(16).fill('sent'), 'skipped', 'missed', 'failed', 'uncertain'];
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
