/** The local preview's session token, read from the page the preview served (see src/shared/preview-session.ts). */
import { SESSION_META } from '../../src/shared/preview-session';

export { SESSION_HEADER } from '../../src/shared/preview-session';

export function previewSession(): string {
  return document.querySelector<HTMLMetaElement>(`meta[name="${SESSION_META}"]`)?.content ?? '';
}
