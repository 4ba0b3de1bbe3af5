/**
 * The local preview's session token, as the server and its pages agree on it: the server puts
 * it in a meta tag of each page it serves and refuses any /api/ call whose header does not bring
 * it back (src/local/preview/session.ts). Inside Sheets there is none, and none is needed.
 * Dependency-free, so the server and the browser pages share this one file.
 */
export const SESSION_HEADER = 'x-ladder-session';
export const SESSION_META = 'ladder-session';
