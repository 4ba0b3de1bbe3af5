// `npm run build`: the Apps Script bundle into dist/ (see build-gas.js), and what runs
// outside vitest into build/: the `ladder` CLI, the benchmark and the example maker.

import { mkdir, writeFile } from 'node:fs/promises';
import { build } from 'esbuild';
import { buildGas } from './build-gas.js';
import { buildSidebarHtml } from './build-sidebar.js';

/** @type {import('esbuild').BuildOptions} */
const common = { bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'warning' };

await Promise.all([
  buildGas(),
  build({ ...common, entryPoints: ['src/local/cli-main.ts'], outfile: 'build/ladder.js' }),
  build({ ...common, entryPoints: ['bench/bench.ts'], outfile: 'build/bench.js' }),
  build({ ...common, entryPoints: ['scripts/make-example.ts'], outfile: 'build/make-example.js' }),
  build({ ...common, entryPoints: ['src/local/preview/main.ts'], outfile: 'build/preview.js' }),
  mkdir('build', { recursive: true }).then(async () =>
    writeFile(
      'build/preview.html',
      await buildSidebarHtml({
        entry: 'src/local/preview/page/page.tsx',
        template: 'src/local/preview/page/index.html',
        style: 'src/local/preview/page/page.css',
      }),
    ),
  ),
]).catch((error) => {
  console.error(error.message);
  process.exit(1);
});
