/** Command-line entry point (placeholder until the CLI lands). */
console.log('aws-ml-study: CLI coming');
