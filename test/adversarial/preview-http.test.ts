/**
 * The preview's HTTP surface, tried as an attacker would: a foreign Host (DNS rebinding), calls
 * without the page's session token or from another origin, a page on another loopback port in
 * Chromium, framing, a client that never finishes its body, and a request Node cannot parse.
 * Each is refused, the file on disk is unchanged, and the preview goes on serving.
 */
import { createHash } from 'node:crypto';
import { copyFile, readFile } from 'node:fs/promises';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createPreviewServer } from '../../src/local/preview/server';
import { openXlsxPort } from '../../src/local/xlsx-port';
import { launchChromium } from '../fixtures/browser';
import { tempDir } from '../fixtures/xlsx';

const TOKEN = 'a'.repeat(48);
let dir: string;
let cleanup: () => Promise<void>;
let server: Server;
let port: number;
let file: string;

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  file = join(dir, 'plan.xlsx');
  await copyFile('examples/tesla.xlsx', file);
  const pages = { page: await readFile('build/preview.html', 'utf8'), sidebar: await readFile('dist/sidebar.html', 'utf8') };
  server = createPreviewServer(await openXlsxPort(file), pages, TOKEN);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  server?.close();
  await cleanup();
});

const sha = async () =>
  createHash('sha256')
    .update(await readFile(file))
    .digest('hex');

/** A raw HTTP request with the headers given (Node's client sets Host from them). */
function ask(
  path: string,
  { method = 'GET', headers = {}, body }: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method, headers: { host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const DECLINE = JSON.stringify({ sheet: 'Roadmap', key: 'R-8', reason: 'x', action: 'remove' });

describe('who may talk to the preview', () => {
  test('a foreign Host (a rebound DNS name) gets nothing, not even the page', async () => {
    for (const path of ['/', '/api/grid']) {
      const answer = await ask(path, { headers: { host: `evil.example:${port}`, 'x-ladder-session': TOKEN } });
      expect(answer.status).toBe(421);
      expect(answer.body).not.toContain('Roadster');
    }
  });

  test('its own page carries the session token, and a call with it is answered', async () => {
    const page = await ask('/');
    expect(page.status).toBe(200);
    expect(page.body).toContain(`<meta name="ladder-session" content="${TOKEN}">`);
    const grid = await ask('/api/grid', { headers: { 'x-ladder-session': TOKEN } });
    expect(grid.status).toBe(200);
    expect(grid.body).toContain('Roadster');
  });

  test('a call without the token, or with another, or from another origin, is refused and writes nothing', async () => {
    const before = await sha();
    const json = { 'content-type': 'application/json' };
    for (const headers of [
      json,
      { ...json, 'x-ladder-session': 'b'.repeat(48) },
      { ...json, 'x-ladder-session': TOKEN, origin: 'http://127.0.0.1:1' },
    ]) {
      const answer = await ask('/api/call/declineRow', { method: 'POST', headers, body: DECLINE });
      expect(answer.status).toBe(403);
    }
    expect((await ask('/api/grid')).status).toBe(403);
    expect(await sha()).toBe(before);
  });

  test('no other site may frame it', async () => {
    const page = await ask('/');
    expect(page.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(String(page.headers['content-security-policy'])).toContain("frame-ancestors 'self'");
  });
});

describe('a page on another loopback origin, in Chromium', () => {
  let browser: Browser;
  let attacker: Server;
  beforeAll(async () => {
    browser = await launchChromium();
    attacker = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end('<!DOCTYPE html><title>elsewhere</title><iframe id="f"></iframe>');
    });
    await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    await browser?.close();
    attacker?.close();
  });

  test('can neither read the grid nor decline a row, and cannot show the preview in a frame', async () => {
    const before = await sha();
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${(attacker.address() as AddressInfo).port}/`);
    const target = `http://127.0.0.1:${port}`;
    const outcome = await page.evaluate(
      async ({ target, body }) => {
        const tries: string[] = [];
        for (const attempt of [
          () => fetch(`${target}/api/grid`).then((r) => r.text()),
          () =>
            fetch(`${target}/api/call/declineRow`, {
              method: 'POST',
              mode: 'no-cors',
              headers: { 'content-type': 'text/plain' },
              body,
            }).then(() => 'sent'),
          () =>
            fetch(`${target}/api/call/declineRow`, { method: 'POST', headers: { 'content-type': 'application/json' }, body }).then((r) =>
              r.text(),
            ),
        ]) {
          try {
            tries.push(await attempt());
          } catch (error) {
            tries.push(`blocked: ${(error as Error).message}`);
          }
        }
        return tries;
      },
      { target, body: DECLINE },
    );
    expect(outcome[0]).toMatch(/^blocked/);
    expect(outcome[2]).toMatch(/^blocked/);
    expect(outcome.join(' ')).not.toContain('Roadster');
    // Framed, the preview's page is refused by the browser: nothing of it loads.
    await page.evaluate((url) => {
      (document.getElementById('f') as HTMLIFrameElement).src = url;
    }, `${target}/`);
    await page.waitForTimeout(500);
    const framed = page.frames().find((frame) => frame.url().startsWith(target));
    const text = framed ? await framed.evaluate(() => document.body?.textContent ?? '').catch(() => '') : '';
    expect(text).not.toContain('Ladder preview');
    expect(await sha()).toBe(before);
    await page.close();
  });
});

describe('clients that misbehave', () => {
  test('one that never finishes its body holds up no one', async () => {
    const slow = connect(port, '127.0.0.1');
    await new Promise<void>((resolve) => slow.on('connect', () => resolve()));
    slow.write(
      `POST /api/call/health HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\ncontent-type: application/json\r\nx-ladder-session: ${TOKEN}\r\ncontent-length: 100\r\n\r\n{`,
    );
    // Time for the preview to take the slow request's headers, before the next one arrives.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const answer = await ask('/api/call/health', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-ladder-session': TOKEN },
      body: '',
    });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ ok: true });
    slow.destroy();
  });

  test('a request Node cannot parse is answered 400, and the preview goes on', async () => {
    const raw = connect(port, '127.0.0.1');
    const reply = await new Promise<string>((resolve) => {
      let text = '';
      raw.on('data', (chunk) => (text += chunk.toString()));
      raw.on('close', () => resolve(text));
      raw.on('error', () => resolve(text));
      raw.write('GARBAGE \x00\x01 NOT-HTTP\r\n\r\n');
    });
    expect(reply).toMatch(/^HTTP\/1\.1 400/);
    expect((await ask('/')).status).toBe(200);
  });

  test('a URL the parser would choke on is a 400, not a crash', async () => {
    expect((await ask('//[')).status).toBe(400);
    expect((await ask('/')).status).toBe(200);
  });
});
