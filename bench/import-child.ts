/**
 * Cold import of a module in a fresh process (the Functions entry point, or nothing as the
 * floor): prints the milliseconds from process start to before and after the import.
 */
const target = process.argv[2];
const before = performance.now();
// A plain require: the cold import itself is what is timed.
// eslint-disable-next-line @typescript-eslint/no-require-imports
if (target) require(target);
const after = performance.now();
process.stdout.write(JSON.stringify({ before, after }) + '\n');
process.exit(0);
