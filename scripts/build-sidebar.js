// Builds a Preact page into one self-contained HTML file: a template with its styles and
// its bundled script inlined. Used for the sidebar (sidebar/) and the preview page.
import { readFile } from 'node:fs/promises';
import { build } from 'esbuild';

/** Makes text safe to inline in a <script> or <style> element. @param {string} text */
function inlineSafe(text) {
  return text.replace(/<\/(script|style)/gi, '<\\/$1');
}

export async function buildSidebarHtml({
  entry = 'sidebar/src/main.tsx',
  template = 'sidebar/index.html',
  style = 'sidebar/src/style.css',
} = {}) {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2019',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    minify: true,
    write: false,
    legalComments: 'none',
    charset: 'utf8',
    logLevel: 'warning',
  });
  const [html, css] = await Promise.all([readFile(template, 'utf8'), readFile(style, 'utf8')]);
  return html.replace('/*STYLE*/', () => inlineSafe(css)).replace('/*SCRIPT*/', () => inlineSafe(result.outputFiles[0]?.text ?? ''));
}
