import { SURVEY_FEELINGS } from '@warmline/shared/surveyWords';
import { COMMENT_MAX, type WidgetSurvey } from '../survey.ts';
import { h, say, setText, show } from './dom.ts';
import { icon } from './icons.ts';

/** A row of numbered choices (1–5, 1–7) with the words at either end; pressing the chosen one again clears it. */
function scale(survey: WidgetSurvey, question: 'csat' | 'ces', max: number, label: string, low: string, high: string) {
  const buttons = Array.from({ length: max }, (_, i) =>
    h('button', {
      type: 'button',
      class: 'sv-n',
      text: String(i + 1),
      'aria-pressed': 'false',
      'aria-label': `${i + 1}${i === 0 ? ` — ${low}` : i === max - 1 ? ` — ${high}` : ''}`,
      'data-testid': `wl-survey-${question}-${i + 1}`,
      onclick: () => survey.choose(question, i + 1),
    }),
  );
  const el = h(
    'div',
    { class: 'sv-q', role: 'group', 'aria-label': label },
    h('p', { class: 'sv-label', text: label }),
    h('div', { class: 'sv-scale' }, ...buttons),
    h('div', { class: 'sv-ends', 'aria-hidden': 'true' }, h('span', { text: low }), h('span', { text: high })),
  );
  return {
    el,
    update(chosen: number | null) {
      for (const [i, b] of buttons.entries()) b.setAttribute('aria-pressed', String(chosen === i + 1));
    },
  };
}

/** The inline survey after a chat is resolved: four optional questions on one card, in the survey's language. */
export function createSurveyCard(survey: WidgetSurvey, company: () => string) {
  const el = h('section', { class: 'survey', 'data-testid': 'wl-survey', hidden: true });
  let built: {
    csat: ReturnType<typeof scale>;
    ces: ReturnType<typeof scale>;
    feelings: HTMLButtonElement[];
    comment: HTMLTextAreaElement;
    problem: HTMLElement;
    send: HTMLButtonElement;
    form: HTMLElement;
    thanks: HTMLElement;
  } | null = null;

  function build() {
    const w = survey.words;
    const name = company();
    const csat = scale(survey, 'csat', 5, w.csatQuestion, w.csatLow, w.csatHigh);
    const ces = scale(survey, 'ces', 7, `“${w.cesStatement(name)}” ${w.cesPrompt}`, w.cesLow, w.cesHigh);
    const feelings = SURVEY_FEELINGS.map((f) =>
      h('button', {
        type: 'button',
        class: 'sv-chip',
        text: w.feelings[f],
        'aria-pressed': 'false',
        'data-testid': `wl-survey-feeling-${f}`,
        onclick: () => survey.choose('feeling', f),
      }),
    );
    const comment = h('textarea', {
      class: 'sv-comment',
      rows: 2,
      maxlength: COMMENT_MAX,
      'data-testid': 'wl-survey-comment',
      'aria-label': w.commentLabel,
      placeholder: `${w.commentLabel} (${w.optional})`,
    });
    comment.addEventListener('input', () => {
      survey.comment = comment.value;
    });
    const problem = h('p', { class: 'err', role: 'alert', hidden: true, 'data-testid': 'wl-survey-problem' });
    const send = h('button', {
      type: 'submit',
      class: 'btn',
      text: w.send,
      'data-testid': 'wl-survey-send',
    });
    const form = h(
      'form',
      {
        class: 'sv-form',
        novalidate: true,
        onsubmit: (e) => {
          e.preventDefault();
          void survey.send();
        },
      },
      csat.el,
      ces.el,
      h(
        'div',
        { class: 'sv-q', role: 'group', 'aria-label': w.feelingQuestion },
        h('p', { class: 'sv-label', text: w.feelingQuestion }),
        h('div', { class: 'sv-chips' }, ...feelings),
      ),
      comment,
      problem,
      h(
        'div',
        { class: 'sv-actions' },
        h('button', {
          type: 'button',
          class: 'sv-later',
          text: w.notNow,
          'data-testid': 'wl-survey-later',
          onclick: () => survey.dismiss(),
        }),
        send,
      ),
    );
    const thanks = h(
      'div',
      { class: 'promise', role: 'status', hidden: true, 'data-testid': 'wl-survey-thanks' },
      icon('check'),
      h('span', { text: `${w.thanks} ${w.thanksMore}` }),
    );
    el.replaceChildren(h('p', { class: 'sv-title', text: w.title }), form, thanks);
    built = { csat, ces, feelings, comment, problem, send, form, thanks };
  }

  return {
    el,
    /** Show what the survey's phase says; `resolved`: only while the chat is (a reopened chat puts the questions aside). */
    update(resolved: boolean) {
      const p = survey.phase;
      const visible = p === 'answered' || ((p === 'open' || p === 'sending') && resolved);
      const appeared = visible && el.hidden;
      show(el, visible);
      if (!visible) return false;
      if (!built) build();
      const b = built!;
      b.csat.update(survey.csat);
      b.ces.update(survey.ces);
      for (const [i, f] of SURVEY_FEELINGS.entries()) b.feelings[i]!.setAttribute('aria-pressed', String(survey.feeling === f));
      say(b.problem, survey.problem);
      setText(b.send, p === 'sending' ? survey.words.sending : survey.words.send);
      b.send.setAttribute('aria-disabled', String(p === 'sending'));
      show(b.form, p !== 'answered');
      show(b.thanks, p === 'answered');
      return appeared;
    },
  };
}
