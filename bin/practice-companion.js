#!/usr/bin/env node
// The `practice-companion` command. It runs the compiled CLI in dist/, building dist/ first if it is
// missing or older than the sources (tsc's messages, if any, go to stderr, never into the answers).
'use strict';
const { main } = require(require('./compiled').compiled('bot/cli/main.js'));

main(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr }).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  },
);
