// The unit project's `node:child_process`: unit tests start no processes (no compiled service, no
// browser, no PostgreSQL, no CLI). A test that needs one is an integration test: name it
// `*.integration.test.ts`. See jest.config.js.
function refuse(name: string): never {
  throw new Error(
    `child_process.${name}: unit tests start no processes; name this test file *.integration.test.ts (see jest.config.js)`,
  );
}

export const spawn = () => refuse('spawn');
export const spawnSync = () => refuse('spawnSync');
export const fork = () => refuse('fork');
export const exec = () => refuse('exec');
export const execSync = () => refuse('execSync');
export const execFile = () => refuse('execFile');
export const execFileSync = () => refuse('execFileSync');
