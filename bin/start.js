#!/usr/bin/env node
// `npm start`: runs the compiled service (dist/bot/index.js), building it first if dist/ is missing
// or older than the sources. In production dist/ is built once, at deployment (see docs/deploy.md).
// It is started as `node --max-semi-space-size=16 bin/start.js` (package.json, infra/azure.bicep): V8 sizes its
// heap before any script runs, so the flag that bounds the young generation cannot be set from here.
'use strict';
require(require('./compiled').compiled('bot/index.js'));
