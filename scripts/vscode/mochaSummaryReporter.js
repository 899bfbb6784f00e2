// @ts-check
/**
 * Mocha reporter for the harness: prints exactly what the `spec` reporter prints, and at the end
 * writes the run's counts as JSON to $MOCHA_SUMMARY_FILE, so `npm test` can total the tiers
 * without parsing text (also passes per file and the files with a failure, for the e2e re-run). Used for the unit tier (`npx mocha --reporter ...`) and the e2e tier.
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
    /** @type {Record<string, number>} */
    const passesByFile = {};
    /** @type {Set<string>} */
    const failedFiles = new Set();
    runner.on(Mocha.Runner.constants.EVENT_TEST_PASS, (test) => {
      if (test.file) passesByFile[test.file] = (passesByFile[test.file] ?? 0) + 1;
    });
    // Also fires for a failing hook (the "test" is then the hook).
    runner.on(Mocha.Runner.constants.EVENT_TEST_FAIL, (test) => {
      if (test.file) failedFiles.add(test.file);
    });
    runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
      if (!file) return;
      const { passes = 0, failures = 0, pending = 0, tests = 0 } = this.stats;
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, JSON.stringify({ passes, failures, pending, tests, passesByFile, failedFiles: [...failedFiles] }));
    });
  }
}

module.exports = SummaryReporter;
