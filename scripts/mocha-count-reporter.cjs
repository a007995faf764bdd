// Mocha's spec reporter, plus the counts written to a file, so `npm test` can print one line
// of its own counted from the real runs (CI does not read mocha's summary).
const fs = require('node:fs');
const path = require('node:path');
const Mocha = require('mocha');

class CountReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    const out = process.env.QUALFRAME_TEST_COUNTS;
    runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
      if (!out) return;
      fs.mkdirSync(path.dirname(out), { recursive: true });
      const { passes, failures, pending } = runner.stats;
      fs.writeFileSync(out, JSON.stringify({ passed: passes, failed: failures, skipped: pending }));
    });
  }
}
module.exports = CountReporter;
