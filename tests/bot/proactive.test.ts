import { classify, retryAfterMs } from '../../bot/teams/proactive';

const answered = (statusCode: number, retryAfter?: string) =>
  Object.assign(new Error(`status ${statusCode}`), {
    statusCode,
    response: { headers: { get: (name: string) => (name === 'retry-after' ? retryAfter : undefined) } },
  });

describe('what the scheduler does with each Bot Connector answer', () => {
  test('429 waits for Retry-After', () => {
    expect(classify(answered(429, '12'))).toMatchObject({ kind: 'retry', afterMs: 12_000 });
  });

  test.each([412, 500, 502, 503, 504])('%i is retried with backoff', (status) => {
    expect(classify(answered(status))).toMatchObject({ kind: 'retry', afterMs: 0 });
  });

  test('a network error (nothing answered) is retried with backoff', () => {
    expect(
      classify(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' })),
    ).toMatchObject({ kind: 'retry', afterMs: 0, error: expect.stringContaining('ECONNREFUSED') });
  });

  test.each([403, 404])('%i means the bot is gone from the conversation', (status) => {
    expect(classify(answered(status)).kind).toBe('gone');
  });

  test('other answers (400) fail without retrying', () => {
    expect(classify(answered(400)).kind).toBe('failed');
  });
});

describe('Retry-After', () => {
  const now = Date.parse('2026-11-23T09:00:00Z');
  test.each([
    ['3', 3000],
    ['0', 1000],
    [undefined, 1000],
    ['soon', 1000],
    ['Mon, 23 Nov 2026 09:00:30 GMT', 30_000],
    ['Mon, 23 Nov 2026 08:00:00 GMT', 1000],
    ['99999', 600_000],
  ])('%s waits %i ms', (value, ms) => {
    expect(retryAfterMs(value, now)).toBe(ms);
  });
});
