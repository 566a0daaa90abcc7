import { createHash } from 'node:crypto';
import type { Routes } from '../platform/types';
import { typedTextNotice } from '../../cards';
import { FRAME_ANCESTORS_DIRECTIVE } from './framing';

// GET /privacy and GET /terms: the pages the Teams app manifest links to (developer.privacyUrl and
// termsOfUseUrl). Plain HTML, no scripts, readable without styles. Keep the privacy page true: it
// must match what store/ keeps and what the logs hold (tests/bot/privacy.test.ts checks the logs).

export interface LegalPageOptions {
  /** Who runs this copy of the service, e.g. "London Borough of Barking and Dagenham". */
  readonly organisation?: string;
  /** How to reach them about privacy, e.g. "the Data Protection Officer, dpo@example.gov.uk". */
  readonly contact?: string;
  /** Days a question sent to the practice team is kept (SUGGESTION_RETENTION_DAYS); 90 unless set. */
  readonly retentionDays?: number;
}

const CSS = `
body{margin:0;font:1.0625rem/1.6 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1b1b1b;background:#fff}
main{max-width:42rem;margin:0 auto;padding:1.5rem 1.25rem 3rem}
h1{font-size:1.75rem;line-height:1.25;margin:.5rem 0 1rem}
h2{font-size:1.25rem;margin:2rem 0 .5rem}
a{color:#0b5560}
a:focus{outline:3px solid #f2a900;outline-offset:2px}
li{margin:.35rem 0}
nav{font-size:.95rem;border-bottom:1px solid #d0d7d8;padding-bottom:.75rem}
@media (prefers-color-scheme:dark){body{color:#f0f0f0;background:#1b1f20}a{color:#8fd3dc}nav{border-color:#3a4446}}
`.trim();
const CSP = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(CSS).digest('base64')}'; ${FRAME_ANCESTORS_DIRECTIVE}; base-uri 'none'; form-action 'none'`;

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} – Practice Companion</title>
<style>${CSS}</style>
</head>
<body>
<main>
<nav aria-label="Practice Companion"><a href="/privacy">Privacy notice</a> · <a href="/terms">Terms of use</a></nav>
${body}
</main>
</body>
</html>
`;
}

function who(options: LegalPageOptions): { organisation: string; contact: string } {
  return {
    organisation: options.organisation
      ? escapeHtml(options.organisation)
      : 'the organisation that set it up for you, usually your employer',
    contact: options.contact
      ? escapeHtml(options.contact)
      : "your organisation's Data Protection Officer, or your service desk, who can pass your question on",
  };
}

export function privacyPage(options: LegalPageOptions = {}): string {
  const { organisation, contact } = who(options);
  const days = options.retentionDays ?? 90;
  return page(
    'Privacy notice',
    `<h1>Privacy notice</h1>
<p>Practice Companion is an app in Microsoft Teams. It answers questions about your organisation's practice framework: its values, principles and approaches. It can also post parts of the framework to a team on a schedule, and start meetings with a question to reflect on.</p>

<h2 id="responsible">Who is responsible</h2>
<p>Practice Companion is run by ${organisation}. They decide how it is used, and they are responsible for the information it keeps.</p>

<h2 id="typing">What you type</h2>
<p><strong>${typedTextNotice(days, 'Practice Companion')}</strong></p>
<p>When you ask a question, Practice Companion reads it, finds the part of the framework that answers it best, replies, and then forgets the question. Nothing you type is written to its logs.</p>
<p>When it cannot answer, or you say an answer did not help, it offers to send your question to the practice team who look after the framework. Only you can send your own question, and only if you choose to: you see it first and can change it. It is sent without your name, and it is refused if it looks as though it holds personal details. The practice team sees it in their console; it is deleted when they have dealt with it, or after ${days} ${days === 1 ? 'day' : 'days'} at the latest.</p>
<p>Microsoft Teams itself keeps the chat, as it keeps any chat, under your organisation's Teams settings. So please leave out names, ages, schools, reference numbers or anything else that could identify a child or family. If a question looks as though it includes such details, Practice Companion answers it and adds a gentle reminder.</p>
<p>Please do not type personal details about children, families or colleagues. Practice Companion reminds you if a question seems to contain a date of birth, a phone number, an NHS (National Health Service) number, an email address or a postcode.</p>

<h2 id="kept">What it keeps</h2>
<ul>
<li><strong>Where it has been added</strong>: for each team, channel and chat, the reference codes Microsoft Teams uses for that conversation, and the address Teams gives for replying. This lets it post there later. It does not keep messages.</li>
<li><strong>Which framework each team or chat uses</strong>, if someone has chosen one.</li>
<li><strong>Scheduled posts and meeting openers</strong> that people set up: what to post, where, on which days and at what time, and which part of the framework comes next.</li>
<li><strong>A record of what it posted</strong>: which part of the framework, where, when, and whether it arrived.</li>
<li><strong>Answers to "Did this help?"</strong>: how many people found each part of the framework helpful or not, counted per day. So that you can change your answer, it keeps a one-way code made from your Teams account's reference code. The code cannot be turned back into your account or your name.</li>
<li><strong>Which parts of the framework answered questions</strong>: a count for each part, per day. Never the question.</li>
<li><strong>Questions you chose to send to the practice team</strong>: the text you sent, the framework, and the day. Not your name or where you asked. Deleted when the practice team has dealt with it, or after ${days} ${days === 1 ? 'day' : 'days'}.</li>
<li><strong>For practice leads</strong>: the personal chat their weekly summary goes to, and who saved or published each change to the framework (the reference code of their work account).</li>
<li><strong>A record of changes to settings</strong>: who made the change (the reference code Microsoft gives their work account, not their name), when, and what changed, for example which framework a team switched to.</li>
<li><strong>Technical logs</strong>, for keeping the service running: reference codes for messages and conversations, the kind of chat, which part of the framework answered, how sure the match was, and how long it took. Never what anyone typed.</li>
</ul>
<p>It keeps nothing else. It does not keep other message text, names, email addresses, files or pictures. It does not join, listen to, record or transcribe meetings: Teams tells it when a scheduled meeting starts, so that it can post a question to reflect on in the meeting chat.</p>

<h2 id="where">Where it is kept</h2>
<p>In a database run by ${organisation}: either a database file on the server that runs Practice Companion, or a separate database server, depending on how it was set up. Messages between Teams and Practice Companion pass through Microsoft's services, under your organisation's agreement with Microsoft.</p>

<h2 id="how-long">How long it is kept</h2>
<p>Questions sent to the practice team are deleted after ${days} ${days === 1 ? 'day' : 'days'} at the latest. How long the other records are kept is up to ${organisation}: each kind is deleted after a set number of days, and they can delete them at any time. When Practice Companion is removed from a team or chat, it stops posting there.</p>

<h2 id="contact">Your rights, and who to contact</h2>
<p>Data protection law gives you the right to ask what information is held about you, and to ask for it to be corrected or deleted. To ask, or with any question about this notice, contact ${contact}.</p>
`,
  );
}

export function termsPage(options: LegalPageOptions = {}): string {
  const { organisation, contact } = who(options);
  return page(
    'Terms of use',
    `<h1>Terms of use</h1>
<p>Practice Companion is provided by ${organisation} for people who work with children and families. By using it you agree to these terms.</p>

<h2 id="for">What it is for</h2>
<p>It is a quick way to find and reflect on your organisation's practice framework. It supports conversations, supervision and reflection. It does not replace them, and it does not replace professional judgement, your organisation's policies and procedures, or legal advice.</p>

<h2 id="answers">Its answers</h2>
<p>Answers come from the framework's own words, and each one says where it comes from. It can still pick the wrong part of the framework, so check the source if it matters. When it is not sure, it says so and offers the closest matches instead of guessing.</p>

<h2 id="use">Using it well</h2>
<ul>
<li>Do not type personal details about children, families or colleagues, and do not use it for case records.</li>
<li>It is not a way to raise a concern about a child. If you are worried about a child's safety, follow your safeguarding procedures straight away.</li>
<li>Scheduled posts and meeting openers appear for everyone in that team or chat. Set them up only where people expect them.</li>
</ul>

<h2 id="availability">Availability and changes</h2>
<p>Practice Companion is provided as it is. It may sometimes be unavailable, and it may change. These terms may change too; this page always shows the current version.</p>

<h2 id="help">Getting help</h2>
<p>For help with Practice Companion, or a question about these terms, contact ${contact}. Type <strong>help</strong> in a chat with it to see what it can do. How it handles information is in the <a href="/privacy">privacy notice</a>.</p>
`,
  );
}

const HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'public, max-age=3600',
};

/** Serves GET /privacy and GET /terms. The pages are built once. */
export function registerLegalPages(server: Routes, options: LegalPageOptions = {}): void {
  const pages = { '/privacy': privacyPage(options), '/terms': termsPage(options) };
  for (const [path, html] of Object.entries(pages)) {
    server.get(path, (_req, res) => {
      res.sendRaw(200, html, HEADERS);
    });
  }
}
