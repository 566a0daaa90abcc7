// Loaded with `--require` (and `--expose-gc`) by bench/soak.ts into the two servers it measures, never by
// the service itself. It answers the benchmark over the IPC channel that `fork` opens to its own child:
// nothing listens on a port, and a process started any other way has no channel and so no probe.
//   { type: 'soak-sample' }            -> a full collection, then process.memoryUsage() and V8's heap spaces
//   { type: 'soak-snapshot', path }    -> a heap snapshot written to path
'use strict';
const { getHeapSpaceStatistics, writeHeapSnapshot } = require('node:v8');

const gc = globalThis.gc;
if (typeof process.send === 'function' && typeof gc === 'function') {
  process.on('message', (message) => {
    if (message === null || typeof message !== 'object') return;
    if (message.type === 'soak-sample') {
      // Twice: the first collection's finalisers and weak callbacks may free more on the second.
      gc();
      gc();
      const spaces = Object.fromEntries(getHeapSpaceStatistics().map((s) => [s.space_name, s.space_size]));
      process.send({ type: 'soak-sample', memory: process.memoryUsage(), spaces });
    } else if (message.type === 'soak-snapshot' && typeof message.path === 'string') {
      writeHeapSnapshot(message.path);
      process.send({ type: 'soak-snapshot', path: message.path });
    }
  });
  // The channel must not keep the process alive once the server has closed.
  process.channel?.unref();
}
