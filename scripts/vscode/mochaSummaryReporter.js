// @ts-check
/**
 * Mocha reporter for the harness: prints exactly what the `spec` reporter prints, and at the end
 * writes the run's counts as JSON to $MOCHA_SUMMARY_FILE, so `npm test` can total the tiers
 * without parsing text. Used for the unit tier (`npx mocha --reporter ...`) and the e2e tier.
 */
const fs = require('fs');
const path = require('path');
const Mocha = require('mocha');

class SummaryReporter extends Mocha.reporters.Spec {
  /**
   * @param {import('mocha').Runner} runner
   * @param {import('mocha').MochaOptions} options
   */
  constructor(runner, options) {
    super(runner, options);
    const file = process.env.MOCHA_SUMMARY_FILE;
    runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
      if (!file) return;
      const { passes = 0, failures = 0, pending = 0, tests = 0 } = this.stats;
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, JSON.stringify({ passes, failures, pending, tests }));
    });
  }
}

module.exports = SummaryReporter;
