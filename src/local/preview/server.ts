/**
 * The local preview: serves the workbook as a grid with the real sidebar beside it, and the
 * sidebar's server calls over HTTP, through the same callApi door Apps Script uses. Only
 * this machine can reach it (it listens on 127.0.0.1), only under a loopback name, and only its
 * own pages may call it (session.ts); no other site may frame it. Bodies are read, within a
 * time limit, before a request joins the queue; requests are then handled one at a time, each
 * write saved to the file before the answer goes back.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { callApi } from '../../api/calls';
import { load } from '../../api/workbook';
import { CHANGED_ON_DISK, ChangedOnDisk, type XlsxPort } from '../xlsx-port';
import { gridOf } from './grid';
import { apiRefusal, isLoopbackHost, newToken, withToken } from './session';

export interface PreviewPages {
  readonly page: string;
  readonly sidebar: string;
}

const MAX_BODY = 1024 * 1024;
/** How long a client may take to send its headers, and its whole request. */
export const HEADERS_TIMEOUT_MS = 10_000;
export const REQUEST_TIMEOUT_MS = 15_000;
const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'SAMEORIGIN',
  'content-security-policy':
    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; frame-src 'self'; frame-ancestors 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'",
};

function send(response: ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store', ...SECURITY_HEADERS });
  response.end(body);
}

const json = (response: ServerResponse, status: number, value: unknown) =>
  send(response, status, 'application/json', JSON.stringify(value));

const errorLine = (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0];

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

/** Runs work one at a time, in the order asked: a write and its save finish before the next call reads. */
function serialQueue(): <T>(work: () => Promise<T>) => Promise<T> {
  let queue: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T>) => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };
}

/** What the request handler answers with: the port, the pages as served, and the session. */
interface Preview {
  readonly port: XlsxPort;
  readonly page: string;
  readonly sidebar: string;
  readonly token: string;
  readonly serial: ReturnType<typeof serialQueue>;
}

async function answerGrid(port: XlsxPort, response: ServerResponse): Promise<void> {
  try {
    // Saved in another program since: show it as it is now (nothing of the preview's is pending).
    if (await port.changedOnDisk()) await port.reload();
    const { snapshot, cascade } = load(port);
    return json(response, 200, { file: port.path, tabs: gridOf(snapshot, cascade) });
  } catch (error) {
    return json(response, 500, { ok: false, error: `The preview could not read the workbook: ${errorLine(error)}` });
  }
}

async function answerCall(port: XlsxPort, name: string, input: unknown, response: ServerResponse): Promise<void> {
  try {
    // Never write over a change Ladder did not read: refuse, and read the file again.
    if (await port.changedOnDisk()) {
      await port.reload();
      return json(response, 200, { ok: false, error: CHANGED_ON_DISK, changedOnDisk: true });
    }
    const reply = callApi(port, name, input ?? undefined);
    if (port.dirty) await port.save();
    return json(response, 200, reply);
  } catch (error) {
    if (error instanceof ChangedOnDisk) return json(response, 200, { ok: false, error: error.message, changedOnDisk: true });
    // A save that failed leaves nothing pretending: what is held is read again from disk.
    const reread = await port.reload().then(
      () => true,
      () => false,
    );
    const after = reread
      ? 'Nothing was saved; the preview read the workbook again from disk.'
      : 'Nothing was saved, and the workbook could not be read again: restart the preview.';
    return json(response, 500, {
      ok: false,
      error: `The preview could not do that (${errorLine(error)}). ${after}`,
      changedOnDisk: reread,
    });
  }
}

/** A server call: its JSON body read before it joins the queue, so a client that never finishes its body holds up no one. */
async function handleCall(preview: Preview, name: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (!(request.headers['content-type'] ?? '').startsWith('application/json'))
    return json(response, 415, { ok: false, error: 'Send JSON.' });
  let input: unknown;
  try {
    const body = await readBody(request);
    input = body === '' ? undefined : JSON.parse(body);
  } catch {
    return json(response, 400, { ok: false, error: 'That request was not readable JSON (or was over 1 MB).' });
  }
  return preview.serial(() => answerCall(preview.port, name, input, response));
}

async function handle(preview: Preview, request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (!isLoopbackHost(request)) return send(response, 421, 'text/plain', 'This preview answers only to localhost on its own port.');
  let url: URL;
  try {
    url = new URL(request.url ?? '/', 'http://localhost');
  } catch {
    return send(response, 400, 'text/plain', 'Bad request.');
  }
  if (request.method === 'GET' && url.pathname === '/') return send(response, 200, 'text/html', preview.page);
  if (request.method === 'GET' && url.pathname === '/sidebar') return send(response, 200, 'text/html', preview.sidebar);
  if (request.method === 'GET' && url.pathname === '/favicon.ico') return send(response, 204, 'text/plain', '');
  if (url.pathname.startsWith('/api/')) {
    const refusal = apiRefusal(request, preview.token);
    if (refusal) return json(response, 403, { ok: false, error: refusal });
  }
  if (request.method === 'GET' && url.pathname === '/api/grid') return preview.serial(() => answerGrid(preview.port, response));
  const call = /^\/api\/call\/([A-Za-z]{1,40})$/.exec(url.pathname);
  if (request.method === 'POST' && call) return handleCall(preview, call[1]!, request, response);
  return send(response, 404, 'text/plain', 'Not found');
}

export function createPreviewServer(port: XlsxPort, pages: PreviewPages, token = newToken()): Server {
  const preview: Preview = {
    port,
    page: withToken(pages.page, token),
    sidebar: withToken(pages.sidebar, token),
    token,
    serial: serialQueue(),
  };
  // Timeouts are checked every 2 s rather than Node's 30 s, so a stalled client is cut off soon after its limit.
  const server = createServer({ connectionsCheckingInterval: 2_000 }, (request, response) => {
    void handle(preview, request, response).catch(() => {
      if (!response.headersSent) json(response, 500, { ok: false, error: 'The preview could not answer that.' });
    });
  });
  server.headersTimeout = HEADERS_TIMEOUT_MS;
  server.maxConnections = 256;
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  // A request Node cannot even parse gets a 400 and its connection closed; the preview goes on.
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });
  return server;
}
