import type { ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import ts from 'typescript';
import { issuedAnswers } from './soak-requests';
import type { IssuedAnswer } from './soak-requests';

/**
 * What the soak (bench/soak.ts) runs and reads beside the servers it measures: the fake Bot Connector they
 * reply through, the echo bot compiled to plain JavaScript, a free port, waiting for a server to answer,
 * asking a forked server over IPC, and a process's resident memory.
 */

/** A Bot Connector on loopback that accepts every reply and keeps the answer ids of the last few answer cards. */
export async function startConnector(answers: IssuedAnswer[]) {
  let received = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received++;
      if (req.url?.startsWith('/pc/') && chunks.length > 0) {
        try {
          issuedAnswers(JSON.parse(Buffer.concat(chunks).toString('utf8')), answers, 500);
        } catch {
          // not JSON: nothing to keep
        }
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `soak-${received}` }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, received: () => received, close: () => server.close() };
}

/** The echo bot compiled into dist/bench/, so that it runs as plain JavaScript, as the service does. */
export function compileEchoBot(root: string): string {
  const source = readFileSync(join(__dirname, 'echo-bot.ts'), 'utf8');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
  });
  mkdirSync(join(root, 'dist', 'bench'), { recursive: true });
  const out = join(root, 'dist', 'bench', 'echo-bot.js');
  writeFileSync(out, outputText);
  return out;
}

export function freePort(): Promise<number> {
  const probe = createServer();
  return new Promise((done, fail) => {
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => done(port));
    });
  });
}

export async function ready(url: string, path: string, method: string): Promise<void> {
  const began = Date.now();
  for (;;) {
    const ok = await fetch(`${url}${path}`, { method }).then(
      (r) => r.status < 500,
      () => false,
    );
    if (ok) return;
    if (Date.now() - began > 60_000) throw new Error(`${url} did not answer within 60 s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export function ask<T>(child: ChildProcess, message: Record<string, unknown>, type: string): Promise<T> {
  return new Promise((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`no ${type} answer in 60 s`)), 60_000);
    const on = (m: unknown) => {
      if (m !== null && typeof m === 'object' && (m as { type?: unknown }).type === type) {
        clearTimeout(timer);
        child.off('message', on);
        done(m as T);
      }
    };
    child.on('message', on);
    child.send(message);
  });
}

/**
 * The Node flags the service is deployed with: those of package.json's start script (`node <flags> bin/start.js`),
 * which infra/azure.bicep's startup command repeats, so the soak runs the service as App Service does.
 */
export function deployedFlags(root: string): string[] {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const start = /^node((?: --\S+)*) bin\/start\.js$/.exec(pkg.scripts['start'] ?? '');
  if (!start) throw new Error(`package.json's start script is not "node [flags] bin/start.js"`);
  return (start[1] ?? '').split(' ').filter((f) => f !== '');
}

/** Space-separated words, as the bench's flag options take them. */
export const words = (s: string) => s.split(' ').filter((f) => f !== '');

export function rssMb(pid: number | undefined): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}
