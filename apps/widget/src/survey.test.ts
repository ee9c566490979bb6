import type { WidgetSurveyResponse } from '@warmline/shared/types';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from './api.ts';
import { entry } from './fixtures.test-util.ts';
import { memoryKV } from './storage.ts';
import { surveyInvited, WidgetSurvey } from './survey.ts';

const open: NonNullable<WidgetSurveyResponse['survey']> = {
  company: 'Juniper & Rye',
  logoUrl: null,
  color: '#c2410c',
  language: 'sw',
  status: 'open',
  expiresAt: '2031-01-15T00:00:00.000Z',
  token: 'survey-token',
};

const invited = entry(4, {
  conversationId: 'c1',
  kind: 'event',
  body: 'Asked how we did, in the chat',
  event: { type: 'survey_invited', data: { customerText: 'How did we do?' } },
});

function setup(
  over: { survey?: WidgetSurveyResponse['survey']; answer?: () => Promise<unknown>; kv?: ReturnType<typeof memoryKV> } = {},
) {
  const kv = over.kv ?? memoryKV();
  const fetchSurvey = vi.fn(async () => ({ survey: over.survey === undefined ? open : over.survey }));
  const answer = vi.fn(over.answer ?? (async () => ({})));
  const changed = vi.fn();
  const survey = new WidgetSurvey({
    fetchSurvey,
    answer,
    kv,
    storageKey: 'warmline:wk:survey',
    visitorToken: () => 'visitor-token',
    changed,
  });
  return { survey, fetchSurvey, answer, kv };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the inline survey after a resolved chat', () => {
  it('appears once the chat carries the question, fetched once, in the survey’s language', async () => {
    expect(surveyInvited([entry(1, { conversationId: 'c1' })], 'c1')).toBe(false);
    expect(surveyInvited([entry(1, { conversationId: 'c1' }), invited], 'c1')).toBe(true);
    expect(surveyInvited([invited], 'c2')).toBe(false);

    const { survey, fetchSurvey } = setup();
    survey.follow('c1', false);
    expect(fetchSurvey).not.toHaveBeenCalled();
    survey.follow('c1', true);
    survey.follow('c1', true);
    await settle();
    expect(fetchSurvey).toHaveBeenCalledTimes(1);
    expect(fetchSurvey).toHaveBeenCalledWith('visitor-token', 'c1');
    expect(survey.phase).toBe('open');
    expect(survey.words.title).toBe('Tumekuhudumiaje?');
  });

  it('sends only what was chosen, then thanks; pressing a choice again clears it', async () => {
    const { survey, answer } = setup();
    survey.follow('c1', true);
    await settle();
    survey.choose('csat', 4);
    survey.choose('ces', 7);
    survey.choose('ces', 7);
    survey.choose('feeling', 'grateful');
    survey.comment = '  Asanteni sana  ';
    await survey.send();
    expect(answer).toHaveBeenCalledWith('survey-token', { csat: 4, feeling: 'grateful', comment: 'Asanteni sana' });
    expect(survey.phase).toBe('answered');
  });

  it('nothing chosen, or an overlong comment, is said calmly before anything is sent', async () => {
    const { survey, answer } = setup();
    survey.follow('c1', true);
    await settle();
    await survey.send();
    expect(survey.problem).toBe('Tafadhali jibu angalau swali moja.');
    survey.comment = 'x'.repeat(2001);
    await survey.send();
    expect(survey.problem).toMatch(/herufi 2,000/);
    expect(answer).not.toHaveBeenCalled();
    expect(survey.phase).toBe('open');
  });

  it('already answered elsewhere (409) shows thanks; a failure keeps the answers to try again', async () => {
    let fail: ApiError | null = new ApiError(0, 'network', 'offline');
    const { survey } = setup({
      answer: async () => {
        if (fail) throw fail;
      },
    });
    survey.follow('c1', true);
    await settle();
    survey.choose('csat', 5);
    await survey.send();
    expect(survey.phase).toBe('open');
    expect(survey.problem).toMatch(/jaribu tena/);
    expect(survey.csat).toBe(5);
    fail = new ApiError(409, 'conflict', 'This survey has already been answered.');
    await survey.send();
    expect(survey.phase).toBe('answered');
  });

  it('answered or put aside, it never comes back in this browser; none asked shows nothing', async () => {
    const kv = memoryKV();
    const first = setup({ kv });
    first.survey.follow('c1', true);
    await settle();
    first.survey.dismiss();
    expect(first.survey.phase).toBe('closed');
    const later = setup({ kv });
    later.survey.follow('c1', true);
    await settle();
    expect(later.survey.phase).toBe('closed');
    expect(later.fetchSurvey).not.toHaveBeenCalled();

    const none = setup({ survey: null });
    none.survey.follow('c9', true);
    await settle();
    expect(none.survey.phase).toBe('none');
    const done = setup({ survey: { ...open, status: 'answered' } });
    done.survey.follow('c9', true);
    await settle();
    expect(done.survey.phase).toBe('closed');
  });
});
