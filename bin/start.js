#!/usr/bin/env node
// `npm start`: runs the compiled service (dist/bot/index.js), building it first if dist/ is missing
// or older than the sources. In production dist/ is built once, at deployment (see docs/deploy.md).
'use strict';
require(require('./compiled').compiled('bot/index.js'));
