// Finding 7: redact() logged `postgres://u:Top@Secret-PW@host/db` as `:***@Secret-PW@…`, and a
// ?password=… in full.
import fc from 'fast-check';
import { redact } from '../../store/open';
import { failure } from '../helpers/config';

describe('redact', () => {
  test.each([
    ['postgres://u:Top@Secret-PW@host/db', 'postgres://u:***@host/db'],
    ['postgres://u:Top%40Secret-PW@host:5432/db', 'postgres://u:***@host:5432/db'],
    ['postgres://u@host/db?password=Top-Secret', 'postgres://u@host/db?password=***'],
    [
      'postgresql://host/db?sslmode=require&sslpassword=Key-Phrase&sslkey=%2Fkeys%2Fclient.key',
      'postgresql://host/db?sslmode=require&sslpassword=***&sslkey=***',
    ],
    ['postgres://u:pa/ss#wo?rd@host/db', 'postgres://u:***@host/db'],
    ['postgres://u:p@host/db?PassWord=x', 'postgres://u:***@host/db?PassWord=***'],
    ['sqlite:data/practice-companion.db', 'sqlite:data/practice-companion.db'],
    ['sqlite::memory:', 'sqlite::memory:'],
    ['postgres://postgres@127.0.0.1:5432/test', 'postgres://postgres@127.0.0.1:5432/test'],
  ])('%s → %s', (url, expected) => {
    expect(redact(url)).toBe(expected);
  });

  // Parts other than the password are drawn from characters that cannot spell it, so finding the
  // password (or its encoded form) in the output can only mean it survived.
  const plain = fc.stringMatching(/^[a-z0-9]{1,12}$/);
  const password = fc.string({ minLength: 1, maxLength: 24, unit: 'binary' }).map((s) => `PW${s}`);
  const encodings = (pw: string) => [pw, encodeURIComponent(pw), pw.replace(/@/g, '%40')].filter((s) => s.length >= 3);

  test('no password in the user info survives, typed raw or encoded', () => {
    fc.assert(
      fc.property(
        plain,
        password,
        plain,
        fc.option(fc.integer({ min: 1, max: 65535 })),
        plain,
        fc.boolean(),
        (user, pw, host, port, db, encode) => {
          const url = `postgres://${user}:${encode ? encodeURIComponent(pw) : pw}@${host}${port === null ? '' : `:${port}`}/${db}`;
          const out = redact(url);
          for (const form of encodings(pw)) expect(out).not.toContain(form);
          // Not a piece of it either: exactly the address with the password replaced.
          expect(out).toBe(`postgres://${user}:***@${host}${port === null ? '' : `:${port}`}/${db}`);
        },
      ),
      { numRuns: 2000 },
    );
  });

  test('no password, sslpassword or sslkey in the query survives', () => {
    fc.assert(
      fc.property(
        plain,
        plain,
        fc.constantFrom('password', 'sslpassword', 'sslkey', 'PASSWORD', 'SslKey'),
        password,
        fc.array(fc.tuple(plain, plain), { maxLength: 3 }),
        (host, db, key, pw, others) => {
          const params = [...others.map(([k, v]) => `x${k}=${v}`), `${key}=${encodeURIComponent(pw)}`];
          const url = `postgres://${host}/${db}?${params.join('&')}`;
          const out = redact(url);
          for (const form of encodings(pw)) expect(out).not.toContain(form);
          expect(out).toBe(
            `postgres://${host}/${db}?${[...others.map(([k, v]) => `x${k}=${v}`), `${key}=***`].join('&')}`,
          );
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('a DATABASE_URL the service cannot use', () => {
  test('is named in the error without its password', () => {
    const f = failure({ DATABASE_URL: 'mysql://admin:Top@Secret-PW@db.internal/app' });
    expect(f.variable).toBe('DATABASE_URL');
    expect(f.message).toContain('mysql://admin:***@db.internal/app');
    expect(f.message).not.toMatch(/Top|Secret/);
  });
});
