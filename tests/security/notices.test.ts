// Third probe, finding 10: notices promised too much. /privacy said "What you type is never stored" and
// never mentioned suggestions; docs/data-protection.md said in one place that suggestions were not built
// and in another described their table; the cards said "I keep no text you type"; the export notes said
// no question text is stored. Now one sentence says it everywhere, with the retention setting's days.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { helpCard, welcomeCard, frameworkQuestionCard, typedTextNotice } from '../../cards';
import { aboutCard } from '../../cards';
import { dataHandling } from '../../bot/teams/commands';
import { privacyPage } from '../../bot/web/legal';
import { loadConfig } from '../../bot/config';
import { startApp } from '../../testkit/app-harness';
import { runOps } from '../helpers/cli';
import { cardText } from '../helpers/adaptive-cards';
import { loadOrThrow } from '../../testkit/kb';

const ROOT = join(__dirname, '..', '..');
const kb = loadOrThrow();

/** The promise, after its subject ("I keep" on cards, "Practice Companion keeps" elsewhere). */
const promise = (days: number) =>
  `no text you type, except a question you choose to send to the practice team, which is checked for personal details and deleted after ${days} days. Teams keeps the chat.`;

/** What no notice may say any more. */
const OVERPROMISES = [
  /never stored/i,
  /what you type is never/i,
  /stores no message text/i,
  /I keep no text you type\./,
  /I never keep or log what you type/i,
  /No text that anyone typed is stored/i,
  /is not built yet/i,
  /nothing a person typed is kept/i,
];
const plain = (html: string) => html.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');

describe('the privacy notice says the same, true thing everywhere, in step with SUGGESTION_RETENTION_DAYS', () => {
  test('the words themselves', () => {
    expect(typedTextNotice(30)).toBe(`I keep ${promise(30)}`);
    expect(typedTextNotice(30, 'Practice Companion')).toBe(`Practice Companion keeps ${promise(30)}`);
    expect(typedTextNotice(1)).toContain('deleted after 1 day.');
  });

  test('on the welcome, help and which-framework cards, and the about card', () => {
    const cards = [
      welcomeCard({ kb, frameworkId: 'lbbd', examples: [], retentionDays: 30 }),
      helpCard({ place: 'personal', lists: [], canSwitchFramework: true, examples: [], retentionDays: 30 }),
      frameworkQuestionCard({ kb, place: 'team', retentionDays: 30 }),
      aboutCard({ version: '1', kb, dataHandling: dataHandling(30) }),
    ];
    for (const message of cards) {
      const text = cardText(message.card);
      expect(text).toContain(promise(30));
      for (const wrong of OVERPROMISES) expect(text).not.toMatch(wrong);
    }
  });

  test('on /privacy, served with the setting', async () => {
    const app = await startApp({ SUGGESTION_RETENTION_DAYS: '30' }, { http: true });
    try {
      const html = await (await fetch(`${app.url}/privacy`)).text();
      expect(plain(html)).toContain(`Practice Companion keeps ${promise(30)}`);
      for (const wrong of OVERPROMISES) expect(plain(html)).not.toMatch(wrong);
    } finally {
      await app.close();
    }
    expect(plain(privacyPage({ retentionDays: 7 }))).toContain(promise(7));
  });

  test('in the export notes', async () => {
    const run = await runOps(['data', 'export', '--user', '6f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e5f'], {
      DATABASE_URL: 'sqlite::memory:',
      SUGGESTION_RETENTION_DAYS: '45',
    });
    expect(run.code).toBe(0);
    const notes = (JSON.parse(run.stdout) as { notes: string[] }).notes.join(' ');
    expect(notes).toContain(`Practice Companion keeps ${promise(45)}`);
    for (const wrong of OVERPROMISES) expect(notes).not.toMatch(wrong);
  });

  test('in docs/data-protection.md, with the default', () => {
    const days = loadConfig({}, '/nonexistent').console.suggestionRetentionDays;
    const doc = readFileSync(join(ROOT, 'docs', 'data-protection.md'), 'utf8').replace(/\s+/g, ' ');
    expect(doc).toContain(`Practice Companion keeps ${promise(days)}`);
    for (const wrong of OVERPROMISES) expect(doc).not.toMatch(wrong);
  });

  test('and the README does not promise more', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8').replace(/\s+/g, ' ');
    for (const wrong of OVERPROMISES) expect(readme).not.toMatch(wrong);
  });
});
