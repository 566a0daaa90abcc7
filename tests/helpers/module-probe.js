// Preloaded into a child process by tests/bot/telemetry.test.ts: reports, on exit, which telemetry
// modules were loaded, and which connections off this machine it refused (none leave it).
const Module = require('node:module');
const net = require('node:net');

const seen = new Set();
/** The package a request or a file belongs to, if it is a telemetry package. */
const telemetryPackage = (name) =>
  /(?:^|node_modules\/)(@azure\/monitor-opentelemetry[^/]*|@opentelemetry\/[^/]+)/.exec(name)?.[1];
const load = Module._load;
Module._load = function probe(request, ...rest) {
  const name = telemetryPackage(request);
  if (name) seen.add(name);
  return load.call(this, request, ...rest);
};
process.on('exit', () => {
  for (const file of Object.keys(require.cache)) {
    const name = telemetryPackage(file);
    if (name) seen.add(name);
  }
  process.stderr.write(`TELEMETRY-MODULES ${JSON.stringify([...seen].sort())}\n`);
});

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost|::ffff:127\.\d+\.\d+\.\d+)$/i;
const refused = new Set();
process.on('exit', () => process.stderr.write(`REFUSED-HOSTS ${JSON.stringify([...refused].sort())}\n`));
const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function guarded(...args) {
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  const host =
    typeof first === 'object' && first !== null
      ? first.path
        ? undefined
        : (first.host ?? 'localhost')
      : typeof first === 'number'
        ? typeof args[1] === 'string'
          ? args[1]
          : 'localhost'
        : undefined;
  if (host !== undefined && !LOOPBACK.test(host)) {
    // Nothing leaves the machine: the socket fails as an unreachable host would, and the host is reported.
    refused.add(host);
    process.nextTick(() =>
      this.destroy(
        Object.assign(new Error(`refused a connection to ${host}: tests stay on loopback`), { code: 'ECONNREFUSED' }),
      ),
    );
    return this;
  }
  return connect.apply(this, args);
};
