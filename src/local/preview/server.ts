/**
 * The local preview: serves the workbook as a grid with the real sidebar beside it, and the
 * sidebar's server calls over HTTP, through the same callApi door Apps Script uses. Only
 * this machine can reach it (it listens on 127.0.0.1). Requests are handled one at a time,
 * each write saved to the file before the answer goes back.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { callApi } from '../../api/calls';
import { load } from '../../api/workbook';
import type { XlsxPort } from '../xlsx-port';
import { gridOf } from './grid';

export interface PreviewPages {
  readonly page: string;
  readonly sidebar: string;
}

const MAX_BODY = 1024 * 1024;
const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'content-security-policy': "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; frame-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'",
};

function send(response: ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store', ...SECURITY_HEADERS });
  response.end(body);
}

const json = (response: ServerResponse, status: number, value: unknown) => send(response, status, 'application/json', JSON.stringify(value));

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error('too large'));
        request.destroy();
      } else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

export function createPreviewServer(port: XlsxPort, pages: PreviewPages): Server {
  // One request at a time: a write and its save finish before the next call reads.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>) => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };

  return createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    void serial(async () => {
      try {
        if (request.method === 'GET' && url.pathname === '/') return send(response, 200, 'text/html', pages.page);
        if (request.method === 'GET' && url.pathname === '/sidebar') return send(response, 200, 'text/html', pages.sidebar);
        if (request.method === 'GET' && url.pathname === '/favicon.ico') return send(response, 204, 'text/plain', '');
        if (request.method === 'GET' && url.pathname === '/api/grid') {
          const { snapshot, cascade } = load(port);
          return json(response, 200, { file: port.path, tabs: gridOf(snapshot, cascade) });
        }
        const call = /^\/api\/call\/([A-Za-z]{1,40})$/.exec(url.pathname);
        if (request.method === 'POST' && call) {
          if (!(request.headers['content-type'] ?? '').startsWith('application/json')) return json(response, 415, { ok: false, error: 'Send JSON.' });
          let input: unknown;
          try {
            const body = await readBody(request);
            input = body === '' ? undefined : JSON.parse(body);
          } catch {
            return json(response, 400, { ok: false, error: 'That request was not readable JSON (or was over 1 MB).' });
          }
          const reply = callApi(port, call[1], input ?? undefined);
          if (port.dirty) await port.save();
          return json(response, 200, reply);
        }
        return send(response, 404, 'text/plain', 'Not found');
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        return json(response, 500, { ok: false, error: `The preview could not do that: ${message.split('\n')[0]}` });
      }
    });
  });
}
