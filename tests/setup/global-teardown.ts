// Jest global teardown: stops the embedded PostgreSQL started by ./global-setup.ts (if any) and waits
// until it has stopped and its folder is removed. Closing its standard input is the signal; the same
// happens by itself if jest dies without getting here.
import type { ChildProcess } from 'node:child_process';

const state = globalThis as typeof globalThis & { practiceCompanionSetup?: { postgres?: ChildProcess } };

export default async function globalTeardown(): Promise<void> {
  const child = state.practiceCompanionSetup?.postgres;
  if (!child) return;
  state.practiceCompanionSetup = {};
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.stdin?.end();
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, 20_000).unref());
    await Promise.race([exited, timeout]);
    if (child.exitCode === null) child.kill('SIGKILL');
  }
  child.stdout?.destroy();
  child.stderr?.destroy();
  child.unref();
}
