// `node --require ./bin/node20-preload.js …`: see ./node20.js. Does nothing on Node 22 and newer.
'use strict';
require('./node20').useNode20Sqlite();
