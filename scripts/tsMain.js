/**
 * Runs the `main(argv)` of a TypeScript module through tsx and exits with the code it resolves to
 * (1, with the stack, when it throws). The npm script entry points (start.js, test.js) use it.
 */
module.exports = function runTsMain(modulePath) {
  require('tsx/cjs');
  const { main } = require(modulePath);
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err) => {
      console.error(err && err.stack ? err.stack : err);
      process.exit(1);
    },
  );
};
