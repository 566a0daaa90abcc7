import { format } from 'node:util';

/**
 * Some libraries report errors that a test expects by printing them (botbuilder's CloudAdapter prints a
 * refused sign-in with console.error, and an activity with no type with console.warn, stack and all).
 * Between start() and stop(), console.error and console.warn write here instead, one string per call,
 * for the test to look at; a passing test then prints nothing.
 */
export function captureConsole(): { readonly lines: string[]; start(): void; stop(): void } {
  const lines: string[] = [];
  const original = { error: console.error, warn: console.warn };
  return {
    lines,
    start() {
      lines.length = 0;
      console.error = (...args: unknown[]) => void lines.push(format(...args));
      console.warn = (...args: unknown[]) => void lines.push(format(...args));
    },
    stop() {
      console.error = original.error;
      console.warn = original.warn;
    },
  };
}
