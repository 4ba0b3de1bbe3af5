// Builds what runs outside vitest: the `ladder` CLI, the benchmark and the example maker.
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'warning' };

await Promise.all([
  build({ ...common, entryPoints: ['src/local/cli-main.ts'], outfile: 'build/ladder.js' }),
  build({ ...common, entryPoints: ['bench/bench.ts'], outfile: 'build/bench.js' }),
  build({ ...common, entryPoints: ['scripts/make-example.ts'], outfile: 'build/make-example.js' }),
]);
