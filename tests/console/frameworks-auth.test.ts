// The framework editor signed in through Teams: nothing is read before sign-in, and a lead's edits
// and publishes are recorded under their Entra object id.
import { startApp } from '../../testkit/app-harness';
import type { RunningApp } from '../../testkit/app-harness';
import { LEAD, NOT_LEAD, SIGNED_IN_ENV, startTenantKeys } from '../helpers/tenant-keys';
import type { TenantKeys } from '../helpers/tenant-keys';
import { CONSOLE_REPLIES } from '../../bot/web/console/auth';

jest.setTimeout(60_000);

const ROUTES: ReadonlyArray<[string, string]> = [
  ['GET', 'lbbd'],
  ['GET', 'lbbd/draft'],
  ['PUT', 'lbbd/draft/entries/lbbd-compassion'],
  ['PUT', 'lbbd/draft/framework'],
  ['PUT', 'lbbd/draft/signposts'],
  ['DELETE', 'lbbd/draft'],
  ['POST', 'lbbd/draft/check'],
  ['POST', 'lbbd/draft/preview'],
  ['POST', 'lbbd/draft/entries/lbbd-compassion/wording'],
  ['POST', 'lbbd/publish'],
  ['GET', 'lbbd/export'],
  ['GET', 'lbbd/versions'],
  ['POST', 'lbbd/versions/0/restore'],
  ['POST', 'lbbd/versions/1/undo'],
  ['POST', 'lbbd/sign-off'],
];

describe('the framework editor, signed in', () => {
  let keys: TenantKeys;
  let app: RunningApp;
  beforeAll(async () => {
    keys = await startTenantKeys();
    app = await startApp({ ...SIGNED_IN_ENV, DEFAULT_FRAMEWORK: 'lbbd' }, { http: true, consoleKeysUrl: keys.keysUrl });
  });
  afterAll(async () => {
    await app.close();
    await keys.close();
  });

  const send = async (method: string, path: string, token: string | undefined, body?: string) => {
    const res = await fetch(`${app.url}/api/console/frameworks/${path}`, {
      method,
      headers: {
        ...(token !== undefined && { authorization: `Bearer ${token}` }),
        ...(body !== undefined && { 'content-type': 'application/json' }),
      },
      ...(body !== undefined && { body }),
    });
    const text = await res.text();
    return {
      status: res.status,
      text,
      json: (() => {
        try {
          return JSON.parse(text) as Record<string, unknown>;
        } catch {
          return {};
        }
      })(),
    };
  };

  test.each(ROUTES)('%s %s without a token is the fixed 401, before the body is read', async (method, path) => {
    // Not JSON, and over every limit: read before sign-in, it would be 400 or 413.
    const res = await send(method, path, undefined, method === 'GET' ? undefined : `{${'x'.repeat(300_000)}`);
    expect(res.status).toBe(401);
    expect(res.json).toEqual(CONSOLE_REPLIES[401]);
  });

  test.each(ROUTES)('%s %s as someone who is not a lead is the fixed 403', async (method, path) => {
    const res = await send(method, path, await keys.token({ oid: NOT_LEAD }), method === 'GET' ? undefined : '{}');
    expect(res.status).toBe(403);
    expect(res.json).toEqual(CONSOLE_REPLIES[403]);
  });

  test("a lead's save, review details, signposts and publish are recorded under their object id", async () => {
    const token = await keys.token();
    const f = (await send('GET', 'lbbd', token)).json as {
      framework: Record<string, unknown>;
      signposts: Record<string, unknown>;
      etags: { framework: string; signposts: string };
    };
    const review = {
      ...f.framework,
      reviewed_by: 'Jo Smith, Principal Social Worker',
      reviewed_on: '2026-11-30',
      review_due: '2026-11-01',
    };
    // The validator's own words for a review due before it was done, beside the field.
    const bad = await send(
      'PUT',
      'lbbd/draft/framework',
      token,
      JSON.stringify({ value: review, etag: f.etags.framework }),
    );
    expect(bad.status).toBe(400);
    expect(bad.json['problems']).toEqual([
      expect.objectContaining({
        field: 'framework.review_due',
        message: 'is not after reviewed_on (2026-11-30): give the date the next review is due',
      }),
    ]);
    expect(
      (
        await send(
          'PUT',
          'lbbd/draft/framework',
          token,
          JSON.stringify({ value: { ...review, review_due: '2027-11-30' }, etag: f.etags.framework }),
        )
      ).status,
    ).toBe(200);
    const signposts = {
      ...f.signposts,
      urgent: {
        text: 'If a child is in immediate danger, call 999. Otherwise call the duty team on 020 8227 3852.',
        link: 'https://www.lbbd.gov.uk/children-and-families',
      },
    };
    const badLink = await send(
      'PUT',
      'lbbd/draft/signposts',
      token,
      JSON.stringify({
        value: { ...signposts, urgent: { ...signposts.urgent, link: 'http://insecure.example' } },
        etag: f.etags.signposts,
      }),
    );
    expect(badLink.status).toBe(400);
    expect(badLink.json['problems']).toEqual([
      expect.objectContaining({
        field: 'signposts.urgent.link',
        message: 'must be a web address starting https://, or left out',
      }),
    ]);
    expect(
      (await send('PUT', 'lbbd/draft/signposts', token, JSON.stringify({ value: signposts, etag: f.etags.signposts })))
        .status,
    ).toBe(200);

    const draft = (await send('GET', 'lbbd/draft', token)).json as {
      draft: { updatedBy: string };
      problems: unknown[];
    };
    expect(draft.draft.updatedBy).toBe(LEAD);
    expect(draft.problems).toEqual([]);
    const published = await send(
      'POST',
      'lbbd/publish',
      token,
      JSON.stringify({ note: 'Local duty team and the first review' }),
    );
    expect(published.status).toBe(200);
    const history = (await send('GET', 'lbbd/versions', token)).json as {
      versions: Array<{ publishedBy: string; diff: { changes: Array<{ field: string }> } }>;
    };
    expect(history.versions[0]?.publishedBy).toBe(LEAD);
    expect(history.versions[0]?.diff.changes.map((c) => c.field).sort()).toEqual([
      'framework.review_due',
      'framework.reviewed_by',
      'framework.reviewed_on',
      'signposts.urgent',
    ]);
    expect(await app.store.auditLog(['framework:lbbd'], 5)).toEqual([
      expect.objectContaining({ actor: LEAD, action: 'framework-published' }),
    ]);
    // Live: the bot's signposts and the framework's review are the new ones.
    expect(app.app.deps.kb.framework('lbbd')?.signposts.urgent.link).toBe(
      'https://www.lbbd.gov.uk/children-and-families',
    );
    expect(app.app.deps.kb.framework('lbbd')?.review).toEqual({
      by: 'Jo Smith, Principal Social Worker',
      on: '2026-11-30',
      due: '2027-11-30',
    });
  });
});
