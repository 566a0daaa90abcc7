// Screenshots of cards as Teams' Adaptive Card renderer draws them (the `adaptivecards` package the
// Playground uses), in headless Chromium on this machine: no bot, no network.
//   npx tsx scripts/screenshot-cards.ts [output-folder]
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import {
  answerCard,
  digestCard,
  frameworkQuestionCard,
  noAnswerCard,
  scheduledPostCard,
  staffSupportCard,
  urgentCard,
} from '../cards';
import { displayTitle } from '../knowledge/kb/model';
import type { CardMessage } from '../cards';
import { loadKnowledgeBase } from '../knowledge/kb/load';
import { createSearch } from '../knowledge/search/answer';
import { CHROMIUM_ARGS, findChromium } from '../testkit/chromium';

const out = process.argv[2] ?? 'docs';

async function main(): Promise<void> {
  const loaded = loadKnowledgeBase();
  if (!loaded.ok) throw new Error('the knowledge base does not load');
  const kb = loaded.kb;
  const search = createSearch(kb);
  const answer = search.answer('how can I be more professionally curious', { defaultFramework: 'lbbd' });
  if (!answer.found) throw new Error('no answer');
  const notSure = search.answer('how do I book annual leave', { defaultFramework: 'lbbd' });
  if (notSure.found) throw new Error('expected no answer');
  const lbbd = kb.framework('lbbd');
  if (!lbbd) throw new Error('no lbbd framework');
  const entry = (id: string) => {
    const found = kb.entry(id);
    if (!found) throw new Error(`no entry ${id}`);
    return found;
  };
  const cards: Array<[string, CardMessage, boolean]> = [
    [
      'card-answer.png',
      answerCard({ kb, result: answer, answerId: 'screenshot-0001', chatFrameworkId: 'lbbd' }),
      false,
    ],
    [
      'card-answer-framework-says.png',
      answerCard({ kb, result: answer, answerId: 'screenshot-0002', reminder: ['name'], chatFrameworkId: 'lbbd' }),
      true,
    ],
    [
      'card-not-sure.png',
      noAnswerCard({
        kb,
        reason: notSure.reason,
        suggestions: notSure.suggestions.map((m) => m.entry),
        examples: lbbd.examples,
        signposts: lbbd.signposts,
      }),
      false,
    ],
    [
      'card-weekly-post.png',
      scheduledPostCard({
        kb,
        entry: entry('jersey-stable-relationships'),
        prompts: [0, 1],
        position: 4,
        of: 9,
        kindsInCycle: 1,
      }),
      false,
    ],
    ['card-urgent.png', urgentCard({ signposts: lbbd.signposts }), false],
    [
      'card-not-covered.png',
      noAnswerCard({
        kb,
        reason: 'not-covered',
        notCovered: 'Signs of Safety',
        suggestions: [],
        examples: lbbd.examples,
        signposts: lbbd.signposts,
      }),
      false,
    ],
    ['card-staff-support.png', staffSupportCard({ signposts: lbbd.signposts }), false],
    ['card-which-framework.png', frameworkQuestionCard({ kb, place: 'team', retentionDays: 90 }), false],
    [
      'digest-card.png',
      digestCard(
        {
          from: '2026-11-23',
          to: '2026-11-29',
          answered: 142,
          notSure: 9,
          helpful: 31,
          notHelpful: 4,
          postsSent: 48,
          postsFailed: 1,
          postsUncertain: 0,
          mostAsked: [
            { title: displayTitle(entry('lbbd-be-collaborative')), count: 23 },
            { title: displayTitle(entry('lbbd-relational-practice')), count: 17 },
            { title: displayTitle(entry('lbbd-compassion')), count: 12 },
          ],
          suggestionsWaiting: 3,
          notSureRate: { now: 6, before: 3, rising: true },
          notHelpfulEntries: [
            { title: displayTitle(entry('lbbd-trauma-informed-practice')), notHelpful: 3, helpful: 5 },
            { title: displayTitle(entry('lbbd-be-collaborative')), notHelpful: 1, helpful: 12 },
          ],
          published: [{ framework: 'Barking & Dagenham', version: 4, on: '2026-11-25' }],
          reviewsDue: [{ framework: 'Jersey', due: '2026-12-15' }],
        },
        'https://practice.example.org/console',
      ),
      false,
    ],
  ];

  // The Chromium the tests use (CHROMIUM_PATH, an installed one, or @sparticuz/chromium).
  const browser = await chromium.launch({ executablePath: (await findChromium()).executablePath, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 560, height: 800 }, deviceScaleFactor: 1 });
    await page.setContent(
      '<!doctype html><html><body style="margin:0;background:#f5f5f5;font-family:Segoe UI,Helvetica,Arial,sans-serif"><div id="card" style="width:480px;margin:16px;background:#fff;border:1px solid #e0e0e0;border-radius:6px;padding:0"></div></body></html>',
    );
    await page.addScriptTag({
      path: join(__dirname, '..', 'node_modules', 'adaptivecards', 'dist', 'adaptivecards.min.js'),
    });
    for (const [file, message, expand] of cards) {
      // Runs in the page (plain JS, so this file needs no DOM types).
      await page.evaluate(`(() => {
        const card = new AdaptiveCards.AdaptiveCard();
        card.hostConfig = new AdaptiveCards.HostConfig({ fontFamily: 'Segoe UI, Helvetica, Arial, sans-serif', supportsInteractivity: true, spacing: { small: 4, default: 8, medium: 16, large: 20, padding: 16 } });
        card.parse(${JSON.stringify(message.card)});
        document.getElementById('card').replaceChildren(card.render());
      })()`);
      if (expand) await page.getByRole('button', { name: 'Read the full text' }).click();
      await page.waitForTimeout(200);
      const path = join(out, file);
      await page.locator('#card').screenshot({ path });
      console.log(`saved ${path}`);
    }
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
