// Process: renderer. Teams' chat HTML made safe to show, with DOMPurify (no hand-written filter):
// a small allow-list of formatting tags, no attributes but a link's href, no styles, scripts,
// forms or frames. Then two Doorway rules on the clean tree: an image becomes the words "image
// not shown" (fetching it would need the guest's Teams session and a wider CSP), and a link stays
// a link only if it is https; it opens in a new window, which main hands to the OS browser only
// after vetting the URL (main/security/web-contents.ts). Never inserts the raw string anywhere.
import DOMPurify from 'dompurify';

const ALLOWED_TAGS = ['a', 'b', 'blockquote', 'br', 'code', 'div', 'em', 'i', 'img', 'li', 'ol', 'p', 'pre', 's', 'span', 'strike', 'strong', 'sub', 'sup', 'u', 'ul'];

// An instance of its own, so no other code's hooks or settings apply.
const purify = DOMPurify(window);

/** True for an absolute https URL (the only kind a chat link may point at). */
function isHttps(href: string): boolean {
  try {
    return new URL(href).protocol === 'https:';
  } catch {
    return false;
  }
}

/** The message as a fragment ready to append; `imageText` replaces every image. */
export function sanitizeTeamsHtml(html: string, imageText: string): DocumentFragment {
  const fragment = purify.sanitize(html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR: ['href'],
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    RETURN_DOM_FRAGMENT: true,
  });
  for (const image of [...fragment.querySelectorAll('img')]) {
    const note = document.createElement('span');
    note.className = 'chat-message__image';
    note.textContent = imageText;
    image.replaceWith(note);
  }
  for (const link of [...fragment.querySelectorAll('a')]) {
    const href = link.getAttribute('href') ?? '';
    if (!isHttps(href)) {
      link.replaceWith(...link.childNodes);
      continue;
    }
    link.setAttribute('target', '_blank');
    link.setAttribute('rel', 'noopener noreferrer');
  }
  return fragment;
}

/** The message's words only (for the screen reader's announcement and plain previews). */
export function teamsHtmlText(html: string, imageText: string): string {
  return (sanitizeTeamsHtml(html, imageText).textContent ?? '').replace(/\s+/g, ' ').trim();
}
