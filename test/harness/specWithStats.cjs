// mocha's spec output for people, and its counts as JSON for run-all.mjs (`--reporter-option
// stats=FILE`): the harness reads numbers mocha wrote, not text it printed.
const fs = require('node:fs');
const Mocha = require('mocha');

class SpecWithStats extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    const file = options?.reporterOption?.stats;
    runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
      if (!file) return;
      const { passes, failures, pending, tests } = this.stats;
      fs.writeFileSync(file, JSON.stringify({ passed: passes, failed: failures, skipped: pending, tests }));
    });
  }
}

module.exports = SpecWithStats;
