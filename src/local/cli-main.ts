/**
 * The process around the CLI: wires stdout and stderr, and makes sure that whatever
 * happens (a bug, a broken pipe, an error thrown inside a library's stream) ends in one
 * line and an exit code, never a stack trace.
 */
import { main } from './cli';

function fail(error: unknown): never {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`ladder: unexpected error: ${message.split('\n')[0]}\n`);
  process.exit(1);
}

process.on('uncaughtException', fail);
process.on('unhandledRejection', fail);
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  fail(error);
});

main(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  interactive: process.stdout.isTTY === true,
}).then((code) => {
  process.exitCode = code;
}, fail);
