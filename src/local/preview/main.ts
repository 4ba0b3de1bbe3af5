/**
 * `npm start [-- FILE.xlsx]`: the local preview. Without a file it opens a fresh copy of the
 * bundled example (build/tesla-preview.xlsx), so trying it never changes the repository;
 * with one, it opens that file and saves the sidebar's changes into it (keeping FILE.bak).
 */
import { constants, unlinkSync } from 'node:fs';
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cleanStaleTemps, FileInUse, lockBeside, lockPathOf, realFile } from '../file-guard';
import { openXlsxPort } from '../xlsx-port';
import { checkFile, WorkbookFileError } from '../xlsx-read-objects';
import { createPreviewServer } from './server';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

async function main(): Promise<void> {
  const args = process.argv.slice(2).filter((arg) => arg !== '--');
  const example = join(root, 'examples', 'tesla.xlsx');
  const path = resolve(args[0] ?? join(root, 'build', 'tesla-preview.xlsx'));
  if (!args[0]) {
    await mkdir(join(root, 'build'), { recursive: true });
    await copyFile(example, path, constants.COPYFILE_EXCL).catch(() => undefined);
  }
  // Clear messages for a missing or wrong file come before anything else.
  await checkFile(path);
  // One preview per file, so two never write over each other's changes; a killed save's leftovers go.
  const real = await realFile(path).catch(() => path);
  const lock = await lockPathOf(real).catch(() => null);
  const release = await lockBeside(real);
  // The bundled example starts afresh each time, once this preview holds it.
  if (!args[0]) await copyFile(example, path);
  const stop = () => {
    void release().finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  process.once('exit', () => {
    try {
      if (lock) unlinkSync(lock);
    } catch {
      // Already gone.
    }
  });
  await cleanStaleTemps(real);
  const port = await openXlsxPort(path);
  const pages = {
    page: await readFile(join(root, 'build', 'preview.html'), 'utf8'),
    sidebar: await readFile(join(root, 'dist', 'sidebar.html'), 'utf8'),
  };
  const server = createPreviewServer(port, pages);
  const listenPort = Number(process.env.PORT ?? 8080);
  server.on('error', (error: NodeJS.ErrnoException) => {
    const reason = error.code === 'EADDRINUSE' ? `port ${listenPort} is in use (set PORT to another one)` : error.message;
    process.stderr.write(`ladder preview: ${reason}\n`);
    process.exit(2);
  });
  server.listen(listenPort, '127.0.0.1', () => {
    process.stdout.write(`Ladder preview of ${port.path}\n  http://localhost:${listenPort}\n(Ctrl+C to stop)\n`);
    if (port.readOnly) process.stdout.write(`Note: ${port.readOnly}\n`);
  });
}

main().catch((error: unknown) => {
  const message =
    error instanceof WorkbookFileError || error instanceof FileInUse
      ? error.message
      : `could not start (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`;
  process.stderr.write(`ladder preview: ${message}\n`);
  process.exit(2);
});
