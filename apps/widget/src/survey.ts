import { type SurveyFeeling, type SurveyWords, surveyWords } from '@warmline/shared/surveyWords';
import type { Entry, SurveyAnswerInput, WidgetSurveyResponse } from '@warmline/shared/types';
import { ApiError } from './api.ts';
import { type KV, readJSON } from './storage.ts';

/** The survey of a resolved chat, with the token the widget answers it with. */
export type ChatSurvey = NonNullable<WidgetSurveyResponse['survey']>;

/**
 * Where the inline survey stands: nothing to show (`none`, `loading`, `closed`: answered before or put aside),
 * the questions (`open`, `sending`), or the thanks once answered here (`answered`).
 */
export type SurveyPhase = 'none' | 'loading' | 'open' | 'sending' | 'answered' | 'closed';

/** The longest comment the server keeps. */
export const COMMENT_MAX = 2000;

/** What the survey needs from the widget: the REST calls, storage, and who the visitor is. */
export interface SurveyDeps {
  fetchSurvey(visitorToken: string, conversationId: string): Promise<WidgetSurveyResponse>;
  answer(surveyToken: string, body: SurveyAnswerInput): Promise<unknown>;
  kv: KV;
  /** Where the conversations already answered or put aside are remembered (per workspace). */
  storageKey: string;
  visitorToken(): string | null;
  changed(): void;
}

/** True once the server asked, in the chat, how we did (its `survey_invited` entry in this conversation). */
export function surveyInvited(entries: readonly Entry[], conversationId: string | null): boolean {
  return (
    !!conversationId &&
    entries.some((e) => e.conversationId === conversationId && e.kind === 'event' && e.event?.type === 'survey_invited')
  );
}

/**
 * The one-screen survey shown inline after a chat is resolved: fetched once the chat carries the question, answered
 * once (a second answer is the server's 409, shown as already answered), and never shown again in this browser once
 * answered or put aside.
 */
export class WidgetSurvey {
  phase: SurveyPhase = 'none';
  survey: ChatSurvey | null = null;
  /** A calm sentence about what went wrong, in the survey's language. */
  problem: string | null = null;
  csat: number | null = null;
  ces: number | null = null;
  feeling: SurveyFeeling | null = null;
  comment = '';
  private conversationId: string | null = null;

  constructor(private readonly d: SurveyDeps) {}

  get words(): SurveyWords {
    return surveyWords(this.survey?.language);
  }

  /** Follow the current conversation: once it carries the survey question, fetch the survey (once per conversation). */
  follow(conversationId: string | null, invited: boolean): void {
    if (!conversationId || !invited || conversationId === this.conversationId) return;
    this.conversationId = conversationId;
    this.survey = null;
    this.problem = null;
    if (this.remembered()[conversationId]) {
      this.phase = 'closed';
      return;
    }
    void this.load(conversationId);
  }

  choose(question: 'csat' | 'ces', value: number): void;
  choose(question: 'feeling', value: SurveyFeeling): void;
  choose(question: 'csat' | 'ces' | 'feeling', value: number | SurveyFeeling): void {
    if (question === 'feeling') this.feeling = this.feeling === value ? null : (value as SurveyFeeling);
    else this[question] = this[question] === value ? null : (value as number);
    this.problem = null;
    this.d.changed();
  }

  /** Send the answers; the card shows thanks, or says calmly what to change. */
  async send(): Promise<void> {
    const survey = this.survey;
    if (!survey || this.phase !== 'open') return;
    const w = this.words;
    const comment = this.comment.trim();
    if (this.csat === null && this.ces === null && this.feeling === null && !comment) return this.fail(w.answerSomething);
    if (comment.length > COMMENT_MAX) return this.fail(w.commentTooLong);
    this.phase = 'sending';
    this.problem = null;
    this.d.changed();
    try {
      await this.d.answer(survey.token, {
        ...(this.csat !== null ? { csat: this.csat } : {}),
        ...(this.ces !== null ? { ces: this.ces } : {}),
        ...(this.feeling !== null ? { feeling: this.feeling } : {}),
        ...(comment ? { comment } : {}),
      });
      this.finish('answered');
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) return this.finish('answered');
      this.phase = 'open';
      if (err instanceof ApiError && err.status === 410) {
        this.remember();
        this.phase = 'closed';
      }
      this.fail(err instanceof ApiError && err.status === 400 ? w.checkAnswers : w.tryAgain);
    }
  }

  /** "Not now": the survey goes and does not come back in this browser. */
  dismiss(): void {
    this.remember();
    this.phase = 'closed';
    this.d.changed();
  }

  private async load(conversationId: string): Promise<void> {
    const token = this.d.visitorToken();
    if (!token) return;
    this.phase = 'loading';
    try {
      const { survey } = await this.d.fetchSurvey(token, conversationId);
      if (this.conversationId !== conversationId) return;
      this.survey = survey;
      this.phase = !survey ? 'none' : survey.status === 'answered' ? 'closed' : 'open';
    } catch {
      // Not now (offline, a blip): the next time the conversation is followed it is fetched again.
      if (this.conversationId === conversationId) this.conversationId = null;
      this.phase = 'none';
    }
    this.d.changed();
  }

  private finish(phase: 'answered'): void {
    this.remember();
    this.phase = phase;
    this.problem = null;
    this.d.changed();
  }

  private fail(problem: string): void {
    this.problem = problem;
    this.d.changed();
  }

  private remembered(): Record<string, true> {
    return readJSON<Record<string, true>>(this.d.kv, this.d.storageKey, {});
  }

  private remember(): void {
    if (!this.conversationId) return;
    this.d.kv.set(this.d.storageKey, JSON.stringify({ ...this.remembered(), [this.conversationId]: true }));
  }
}
