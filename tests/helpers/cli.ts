import { PassThrough, Readable } from 'node:stream';
import { main as opsMain } from '../../bot/cli/main';
import { main } from '../../knowledge/cli/main';
import { clockOf } from '../../time/clock';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the `practice-companion` CLI in-process, capturing what it prints. */
export async function runCli(args: readonly string[], stdin = ''): Promise<CliRun> {
  const out = new PassThrough();
  const err = new PassThrough();
  const chunks = { out: [] as Buffer[], err: [] as Buffer[] };
  out.on('data', (c: Buffer) => chunks.out.push(c));
  err.on('data', (c: Buffer) => chunks.err.push(c));
  const code = await main(args, { stdin: Readable.from([stdin]), stdout: out, stderr: err });
  return {
    code,
    stdout: Buffer.concat(chunks.out).toString('utf8'),
    stderr: Buffer.concat(chunks.err).toString('utf8'),
  };
}

/** Runs the whole `practice-companion` command (data, backup, restore, then ask and kb) in-process, with exactly these settings. */
export async function runOps(args: readonly string[], env: Record<string, string>, now?: () => Date): Promise<CliRun> {
  const out = new PassThrough();
  const err = new PassThrough();
  const chunks = { out: [] as Buffer[], err: [] as Buffer[] };
  out.on('data', (c: Buffer) => chunks.out.push(c));
  err.on('data', (c: Buffer) => chunks.err.push(c));
  const code = await opsMain(args, {
    stdin: Readable.from(['']),
    stdout: out,
    stderr: err,
    env,
    cwd: '/nonexistent',
    ...(now && { clock: clockOf(now) }),
  });
  return {
    code,
    stdout: Buffer.concat(chunks.out).toString('utf8'),
    stderr: Buffer.concat(chunks.err).toString('utf8'),
  };
}
