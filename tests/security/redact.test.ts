// Finding 7: redact() logged `postgres://u:Top@Secret-PW@host/db` as `:***@Secret-PW@…`, and a
// ?password=… in full.
import fc from 'fast-check';
import { openStore, redact, scrub } from '../../store/open';
import { failure } from '../helpers/config';
import { runOps } from '../helpers/cli';
import { fuzz } from '../../testkit/fuzz';

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
      fuzz(2000),
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
      fuzz(2000),
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

// Third probe, finding 9: a slightly malformed address printed its password, because the user info was
// read only after "://": `postgres:/admin:Pa55-Secret-8@db…` or `postgres: //admin:…`.
describe('redact, on addresses that are not quite right', () => {
  const SECRET = 'Pa55-Secret-8';
  test.each([
    'postgres:/admin:Pa55-Secret-8@db.internal/app',
    'postgres: //admin:Pa55-Secret-8@db.internal/app',
    'postgres:admin:Pa55-Secret-8@db.internal/app',
    'postgres:///admin:Pa55-Secret-8@db.internal/app',
    'postgres:\\\\admin:Pa55-Secret-8@db.internal/app',
    ' postgres://admin:Pa55-Secret-8@db.internal/app',
    'postgres ://admin:Pa55-Secret-8@db.internal/app',
    'postgres://admin : Pa55-Secret-8 @ db.internal/app',
    'postgres://admin:Pa55-Secret-8 @db.internal/app',
    'postgres://:Pa55-Secret-8@db.internal/app',
    'postgres://admin:Pa55-Secret-8/app',
    'postgres:admin:Pa55-Secret-8',
    'admin:Pa55-Secret-8@db.internal/app',
    'Pa55-Secret-8@db.internal',
    'postgres//admin:Pa55-Secret-8@db.internal/app',
    'postgres://admin:Pa55-Secret-8@db.internal/app?application_name=a@b',
  ])('%s keeps its password to itself', (url) => {
    expect(redact(url)).not.toContain(SECRET);
    expect(redact(url)).not.toContain('Secret');
  });

  test('what is not secret is kept, so the message still helps', () => {
    expect(redact('postgres:/admin:Pa55-Secret-8@db.internal/app')).toBe('postgres:/admin:***@db.internal/app');
    expect(redact('postgres: //admin:Pa55-Secret-8@db.internal/app')).toBe('postgres: //admin:***@db.internal/app');
    expect(redact('sqlite::memory:')).toBe('sqlite::memory:');
    expect(redact('sqlite:data/practice-companion.db')).toBe('sqlite:data/practice-companion.db');
    expect(redact('postgres://db.internal:5432/app')).toBe('postgres://db.internal:5432/app');
    expect(redact('postgres://[::1]:5432/app')).toBe('postgres://[::1]:5432/app');
  });

  // Malformed schemes, spaces and single (or no, or back) slashes, around a password of any characters.
  const plain = fc.stringMatching(/^[a-z0-9]{1,12}$/);
  const password = fc.string({ minLength: 1, maxLength: 24, unit: 'binary' }).map((s) => `PW${s}`);
  const encodings = (pw: string) => [pw, encodeURIComponent(pw), pw.replace(/@/g, '%40')].filter((s) => s.length >= 3);
  const scheme = fc.constantFrom('postgres', 'postgresql', 'POSTGRES', 'mysql', 'pg', 'postgres+ssl', 'sqlite');
  const between = fc.constantFrom(':', ': ', ' :', ' : ', ':/', ': /', '://', ': //', ' ://', ':///', ':\\\\', '://  ');
  const around = fc.constantFrom('', ' ', '  ');

  test('no password survives a malformed scheme, spaces or slashes', () => {
    fc.assert(
      fc.property(
        around,
        scheme,
        between,
        plain,
        around,
        password,
        around,
        plain,
        fc.option(fc.integer({ min: 1, max: 65535 })),
        plain,
        fc.boolean(),
        (lead, s, sep, user, gap1, pw, gap2, host, port, db, encode) => {
          const url = `${lead}${s}${sep}${user}${gap1}:${gap1}${encode ? encodeURIComponent(pw) : pw}${gap2}@${host}${port === null ? '' : `:${port}`}/${db}`;
          const out = redact(url);
          for (const form of encodings(pw)) expect(out).not.toContain(form);
        },
      ),
      fuzz(3000),
    );
  });

  test('nor one typed where the host goes, with no "@"', () => {
    fc.assert(
      fc.property(scheme, between, plain, password, plain, (s, sep, user, pw, db) => {
        fc.pre(!/[/?#@\\[\]]/.test(pw) && !/^\d*$/.test(pw.slice(2)));
        const out = redact(`${s}${sep}${user}:${pw}/${db}`);
        for (const form of encodings(pw)) expect(out).not.toContain(form);
      }),
      fuzz(2000),
    );
  });

  test('a malformed DATABASE_URL never shows its password: not at start, not from the command line', async () => {
    for (const url of [
      'postgres:/admin:Pa55-Secret-8@db.internal/app',
      'postgres: //admin:Pa55-Secret-8@db.internal/app',
    ]) {
      const f = failure({ DATABASE_URL: url });
      expect(f.variable).toBe('DATABASE_URL');
      expect(f.message).not.toContain(SECRET);
      const run = await runOps(['data', 'export', '--user', '6f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e5f'], {
        DATABASE_URL: url,
      });
      expect(run.code).not.toBe(0);
      expect(`${run.stdout}${run.stderr}`).not.toContain(SECRET);
    }
  });

  test("a library's error that repeats the password is cleaned before it is shown", async () => {
    // A port that is not a number: the driver refuses the address; its message is shown after ours.
    const url = `postgres://admin:${SECRET}@127.0.0.1:notaport/app`;
    const error = await openStore(url).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(error?.message).toMatch(/^Could not open the PostgreSQL database at postgres:\/\/admin:\*\*\*@/);
    expect(error?.message).not.toContain(SECRET);
    expect(scrub(`password authentication failed: ${SECRET} (${encodeURIComponent(SECRET)})`, url)).not.toContain(
      SECRET,
    );
  });
});
