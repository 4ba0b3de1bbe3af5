/**
 * The local preview's session token: the preview puts it in the pages it serves, and refuses
 * any /api/ call that does not bring it back (src/local/preview/session.ts). Inside Sheets
 * there is none, and none is needed.
 */
export const SESSION_HEADER = 'x-ladder-session';

export function previewSession(): string {
  return document.querySelector<HTMLMetaElement>('meta[name="ladder-session"]')?.content ?? '';
}
