#!/usr/bin/env node
'use strict';
// The bundled CLI is built by `npm run build` (also run by `npm install` through `prepare`).
try {
  require('../dist/cli.js').main();
} catch (e) {
  if (e && e.code === 'MODULE_NOT_FOUND' && String(e.message).includes('dist/cli.js')) {
    process.stderr.write('qualframe: not built yet; run "npm run build" in the QualFrame folder\n');
    process.exitCode = 2;
  } else {
    throw e;
  }
}
