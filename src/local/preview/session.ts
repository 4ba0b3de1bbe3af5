/**
 * Who may talk to the preview: only pages it served itself, on this machine. A request must
 * name a loopback host on the preview's own port (another name means DNS rebinding: a foreign
 * site whose name now points here), and every /api/ call must carry the session token the
 * preview put into its own pages, and come from its own origin when the browser says one.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

import { SESSION_HEADER, SESSION_META } from '../../shared/preview-session';

export { SESSION_HEADER } from '../../shared/preview-session';

export function newToken(): string {
  return randomBytes(24).toString('hex');
}

/** The page with the token where its scripts read it (a meta tag in its head). */
export function withToken(html: string, token: string): string {
  const tag = `<meta name="${SESSION_META}" content="${token}">`;
  return /<head[^>]*>/i.test(html) ? html.replace(/<head[^>]*>/i, (head) => `${head}${tag}`) : `${tag}${html}`;
}

/** Whether the Host header names this machine on the port the request came in on. */
export function isLoopbackHost(request: IncomingMessage): boolean {
  const host = (request.headers.host ?? '').toLowerCase();
  const port = request.socket.localPort;
  return port !== undefined && ['localhost', '127.0.0.1', '[::1]'].some((name) => host === `${name}:${port}`);
}

function sameToken(given: string, token: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Why an /api/ request is refused, or null when it is the preview's own page asking. */
export function apiRefusal(request: IncomingMessage, token: string): string | null {
  const origin = request.headers.origin;
  if (origin !== undefined && origin !== `http://${request.headers.host}`) return "Only the preview's own page may call it.";
  const given = request.headers[SESSION_HEADER];
  if (typeof given !== 'string' || !sameToken(given, token))
    return 'This page is not one the preview served; reload it from the address the preview printed.';
  return null;
}
