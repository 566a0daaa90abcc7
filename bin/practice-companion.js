#!/usr/bin/env node
// The `practice-companion` command. It runs the TypeScript sources directly through tsx.
const { register } = require('tsx/cjs/api');

register();
const { main } = require('../bot/cli.ts');

main(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr }).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  },
);
