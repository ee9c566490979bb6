import { SURVEY_FEELINGS, SURVEY_LANGS, type SurveyLang, type SurveyWords, surveyWords } from '@warmline/shared';
import { escapeHtml as e } from '../../core/html.ts';

/** What the page shows of the workspace asking. */
export interface SurveyBrand {
  company: string;
  logoUrl: string | null;
  color: string;
}

/** What the customer chose so far (kept when the form comes back with a problem). */
export interface SurveyChoices {
  csat?: string;
  ces?: string;
  feeling?: string;
  comment?: string;
}

const STYLE = `*{box-sizing:border-box}
body{margin:0;font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#faf7f2;color:#1c1917}
main{max-width:38rem;margin:0 auto;padding:1.25rem 1rem 2rem}
.card{background:#fff;border:1px solid #ece6dc;border-radius:16px;padding:1.25rem 1.25rem 1rem;box-shadow:0 1px 2px rgba(28,25,23,.04)}
.brand{display:flex;align-items:center;gap:.6rem;margin-bottom:.4rem;color:#57534e;font-weight:600}
.brand img{height:28px;width:auto;max-width:120px;border-radius:6px}
h1{font-size:1.5rem;margin:.1rem 0 .25rem;letter-spacing:-.01em}
.intro{margin:0 0 .9rem;color:#57534e}
fieldset{border:0;margin:0 0 .9rem;padding:0}
legend{font-weight:600;margin-bottom:.4rem;padding:0}
.statement{display:block;font-weight:400;color:#44403c;font-style:italic}
.scale{display:flex;gap:.4rem}
.scale label{flex:1}
.opt input{position:absolute;opacity:0;width:1px;height:1px}
.opt span{display:flex;align-items:center;justify-content:center;min-height:2.6rem;border:1.5px solid #e7e0d5;border-radius:10px;background:#fffdf9;cursor:pointer;font-weight:600;color:#44403c;padding:0 .6rem}
.opt input:checked+span{background:var(--brand);border-color:var(--brand);color:var(--on-brand)}
.opt input:focus-visible+span{outline:3px solid var(--brand);outline-offset:2px}
.opt span:hover{border-color:var(--brand)}
.ends{display:flex;justify-content:space-between;font-size:.8rem;color:#78716c;margin-top:.25rem}
.feelings{display:flex;flex-wrap:wrap;gap:.4rem}
.feelings span{min-height:2.3rem;border-radius:999px;font-weight:500}
textarea{width:100%;min-height:4.5rem;border:1.5px solid #e7e0d5;border-radius:10px;padding:.6rem .7rem;font:inherit;background:#fffdf9;resize:vertical}
textarea:focus{outline:3px solid var(--brand);outline-offset:1px}
.optional{font-weight:400;color:#78716c}
button{width:100%;min-height:2.9rem;border:0;border-radius:10px;background:var(--brand);color:var(--on-brand);font:inherit;font-weight:700;cursor:pointer}
button:focus-visible{outline:3px solid #1c1917;outline-offset:2px}
.problem{background:#fff4ed;border:1px solid #fbd5bd;color:#7c2d12;border-radius:10px;padding:.6rem .8rem;margin:0 0 .9rem}
.langs{margin-top:1rem;text-align:center;font-size:.85rem;color:#78716c}
.langs a{color:#57534e;margin:0 .35rem}
.langs a[aria-current]{font-weight:700;text-decoration:none;color:#1c1917}
.done{text-align:center;padding:1.5rem 1rem}
.done .mark{width:3rem;height:3rem;border-radius:50%;background:var(--brand);color:var(--on-brand);display:grid;place-items:center;margin:0 auto .8rem;font-size:1.5rem}
@media (max-width:420px){.scale{gap:.25rem}.opt span{padding:0 .2rem}h1{font-size:1.3rem}}`;

/** A brand colour we can put in CSS: `#rrggbb`, else Warmline's teal; and the text colour that reads on it. */
export function brandColours(color: string): { brand: string; onBrand: string } {
  const brand = /^#[0-9a-f]{6}$/i.test(color) ? color : '#0f766e';
  const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(brand.slice(i, i + 2), 16));
  const light = 0.299 * r! + 0.587 * g! + 0.114 * b! > 170;
  return { brand, onBrand: light ? '#1c1917' : '#ffffff' };
}

function shell(lang: SurveyLang, title: string, brand: SurveyBrand | null, body: string): string {
  const { brand: colour, onBrand } = brandColours(brand?.color ?? '');
  const logo = brand?.logoUrl && /^(\/|https:\/\/)/.test(brand.logoUrl) ? brand.logoUrl : null;
  const head = brand
    ? `<div class="brand">${logo ? `<img src="${e(logo)}" alt="" referrerpolicy="no-referrer">` : ''}<span>${e(brand.company)}</span></div>`
    : '';
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${e(title)}</title>
<style>:root{--brand:${colour};--on-brand:${onBrand}}
${STYLE}</style>
</head>
<body><main>${head}${body}</main></body>
</html>`;
}

function scale(name: 'csat' | 'ces', max: number, chosen: string | undefined, low: string, high: string): string {
  const options = Array.from({ length: max }, (_, i) => String(i + 1))
    .map(
      (n) =>
        `<label class="opt"><input type="radio" name="${name}" value="${n}"${chosen === n ? ' checked' : ''} aria-label="${n}${n === '1' ? ` — ${e(low)}` : n === String(max) ? ` — ${e(high)}` : ''}"><span>${n}</span></label>`,
    )
    .join('');
  return `<div class="scale" data-testid="survey-${name}">${options}</div><div class="ends" aria-hidden="true"><span>${e(low)}</span><span>${e(high)}</span></div>`;
}

function languageLinks(path: string, current: SurveyLang): string {
  return `<nav class="langs" aria-label="Language">${SURVEY_LANGS.map((l) => {
    const name = surveyWords(l).languageName;
    return `<a href="${e(path)}?lang=${l}" hreflang="${l}" lang="${l}"${l === current ? ' aria-current="true"' : ''}>${e(name)}</a>`;
  }).join(' · ')}</nav>`;
}

/** The one-screen survey form: works with JavaScript off, posts back to its own address. */
export function surveyFormPage(opts: {
  path: string;
  lang: SurveyLang;
  brand: SurveyBrand;
  choices?: SurveyChoices;
  problem?: string | null;
}): string {
  const w: SurveyWords = surveyWords(opts.lang);
  const c = opts.choices ?? {};
  const feelings = SURVEY_FEELINGS.map(
    (f) =>
      `<label class="opt"><input type="radio" name="feeling" value="${f}"${c.feeling === f ? ' checked' : ''}><span>${e(w.feelings[f])}</span></label>`,
  ).join('');
  const body = `<div class="card">
<h1>${e(w.title)}</h1>
<p class="intro">${e(w.intro(opts.brand.company))}</p>
${opts.problem ? `<p class="problem" role="alert" data-testid="survey-problem">${e(opts.problem)}</p>` : ''}
<form method="post" action="${e(opts.path)}" data-testid="survey-form">
<input type="hidden" name="lang" value="${opts.lang}">
<fieldset><legend>${e(w.csatQuestion)}</legend>${scale('csat', 5, c.csat, w.csatLow, w.csatHigh)}</fieldset>
<fieldset><legend><span class="statement">“${e(w.cesStatement(opts.brand.company))}”</span>${e(w.cesPrompt)}</legend>${scale('ces', 7, c.ces, w.cesLow, w.cesHigh)}</fieldset>
<fieldset><legend>${e(w.feelingQuestion)}</legend><div class="feelings" data-testid="survey-feelings">${feelings}</div></fieldset>
<label for="comment"><b>${e(w.commentLabel)}</b> <span class="optional">(${e(w.optional)})</span></label>
<textarea id="comment" name="comment" maxlength="2000" rows="3" data-testid="survey-comment">${e(c.comment ?? '')}</textarea>
<p></p>
<button type="submit" data-testid="survey-send">${e(w.send)}</button>
</form>
</div>${languageLinks(opts.path, opts.lang)}`;
  return shell(opts.lang, `${w.title} · ${opts.brand.company}`, opts.brand, body);
}

/** A page with one message: thanks, already answered, expired, not found. */
export function surveyMessagePage(opts: {
  lang: SurveyLang;
  brand: SurveyBrand | null;
  title: string;
  text: string;
  testId: string;
  thanks?: boolean;
}): string {
  const body = `<div class="card done" data-testid="${opts.testId}">${opts.thanks ? '<div class="mark" aria-hidden="true">✓</div>' : ''}<h1>${e(opts.title)}</h1><p class="intro">${e(opts.text)}</p></div>`;
  return shell(opts.lang, opts.brand ? `${opts.title} · ${opts.brand.company}` : opts.title, opts.brand, body);
}
