// The unit project runs without jest's global setup: no PostgreSQL, no Chromium, no dist/. So that a
// test which needs PostgreSQL fails here instead of quietly using one that happens to be about
// (TEST_DATABASE_URL set in the shell), the variable is removed for unit tests. Processes (the
// compiled service, a browser, the CLI) are refused by ./no-child-processes.ts.
delete process.env['TEST_DATABASE_URL'];
