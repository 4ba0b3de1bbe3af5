// `npm run build`: the Apps Script bundle into dist/ (see build-gas.js), and what runs
// outside vitest into build/: the `ladder` CLI, the benchmark and the example maker.
import { build } from 'esbuild';
import { buildGas } from './build-gas.js';

const common = { bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'warning' };

await Promise.all([
  buildGas(),
  build({ ...common, entryPoints: ['src/local/cli-main.ts'], outfile: 'build/ladder.js' }),
  build({ ...common, entryPoints: ['bench/bench.ts'], outfile: 'build/bench.js' }),
  build({ ...common, entryPoints: ['scripts/make-example.ts'], outfile: 'build/make-example.js' }),
]).catch((error) => {
  console.error(error.message);
  process.exit(1);
});
