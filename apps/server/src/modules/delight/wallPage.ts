import type { DelightMoment } from '@warmline/shared';
import { escapeHtml } from '../../core/html.ts';

const FEELINGS: Record<string, string> = { delighted: 'felt delighted', grateful: 'felt grateful' };

/** The calm, warm look of a public wall: one style block (its hash goes in the page's policy), no script at all. */
const STYLE = `*{box-sizing:border-box}body{margin:0;background:#faf6ef;color:#2b2520;font:17px/1.6 system-ui,-apple-system,"Segoe UI",sans-serif}
main{max-width:68rem;margin:0 auto;padding:3rem 1.25rem 4rem}header{text-align:center;margin-bottom:2.5rem}
.eyebrow{margin:0;color:#9a6b3f;font-size:.85rem;letter-spacing:.08em;text-transform:uppercase}
h1{margin:.35rem 0 .5rem;font-size:2rem;line-height:1.2;font-weight:650;color:#3a2a1c}.lede{margin:0;color:#6b5d52}
ol{list-style:none;margin:0;padding:0;columns:20rem;column-gap:1.25rem}
li{break-inside:avoid;margin:0 0 1.25rem;padding:1.4rem 1.5rem 1.1rem;background:#fff;border-radius:14px;border:1px solid #efe4d6;box-shadow:0 1px 2px rgba(80,50,20,.05)}
blockquote{margin:0 0 .9rem;font-size:1.1rem;line-height:1.55;color:#2b2520;white-space:pre-wrap;overflow-wrap:anywhere}
blockquote::before{content:"\\201C";color:#e0a15a;font-size:1.6rem;line-height:0;margin-right:.1rem;vertical-align:-.35rem}
.rating{margin:0 0 .9rem;font-size:1.05rem;color:#7a5a2e}.who{margin:0;color:#6b5d52;font-size:.92rem}
.who strong{color:#3a2a1c;font-weight:600}.who time{white-space:nowrap}.empty{text-align:center;color:#6b5d52;padding:3rem 1rem}
footer{margin-top:2.5rem;text-align:center;color:#9b8e83;font-size:.85rem}`;

/** How a moment's date is written on a wall: a calm day, month and year. */
const dateOf = (iso: string) =>
  new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(iso));

function card(m: DelightMoment): string {
  const words = m.words.trim()
    ? `<blockquote>${escapeHtml(m.words)}</blockquote>`
    : `<p class="rating">${[
        m.csat ? `${'★'.repeat(m.csat)} ${m.csat} out of 5` : '',
        m.feeling ? (FEELINGS[m.feeling] ?? '') : '',
      ]
        .filter(Boolean)
        .join(' · ')}</p>`;
  const who = m.customerFirstName ? escapeHtml(m.customerFirstName) : 'A customer';
  const helper = m.agent?.name ? ` · helped by <strong>${escapeHtml(m.agent.name)}</strong>` : '';
  return `<li>${words}<p class="who"><strong>${who}</strong>${helper} · <time datetime="${escapeHtml(m.createdAt)}">${dateOf(m.createdAt)}</time></p></li>`;
}

/**
 * A team's wall as a public page: server-rendered and inert (every word escaped, no script), the customer's first
 * name only, never a surname or a contact.
 */
export function publicWallPage(wall: { business: string; team: string | null; moments: DelightMoment[] }): string {
  const title = wall.team ? `${wall.team} · ${wall.business}` : wall.business;
  const whose = wall.team ? `customers of ${escapeHtml(wall.team)}` : 'customers';
  const list = wall.moments.length
    ? `<ol>${wall.moments.map(card).join('')}</ol>`
    : '<p class="empty">No moments on this wall yet. They will appear here as customers share them.</p>';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)} · moments of delight</title>
<style>${STYLE}</style>
</head>
<body><main>
<header><p class="eyebrow">${escapeHtml(wall.business)}</p><h1>Moments of delight</h1><p class="lede">What ${whose} told us, in their own words.</p></header>
${list}
<footer>Shared by ${escapeHtml(wall.business)} with Warmline</footer>
</main></body>
</html>`;
}

/** A link that opens no wall (made up, altered or revoked): said kindly, with a 404. */
export const NO_WALL_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>Not found</title>
<style>body{font:19px/1.5 system-ui,sans-serif;margin:0;background:#faf6ef;color:#2b2520}main{max-width:32rem;margin:18vh auto;padding:0 1.5rem;text-align:center}h1{font-size:1.7rem}</style></head>
<body><main><h1>This wall isn't shared any more</h1><p>The link may be old, mistyped, or no longer shared. Ask whoever sent it for a new one.</p></main></body>
</html>`;
