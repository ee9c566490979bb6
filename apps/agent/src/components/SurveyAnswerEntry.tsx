import { type Emotion, moodWords } from '@warmline/shared';

interface Props {
  data: Record<string, unknown>;
  createdAt: string;
  time: string;
  common: Record<string, unknown>;
}

const num = (v: unknown) => (typeof v === 'number' ? v : null);

/** How a score reads at a glance: high is glad, the middle calm, low worth a look. */
function tone(score: number, max: number): 'glad' | 'calm' | 'low' {
  const share = (score - 1) / (max - 1);
  return share >= 0.75 ? 'glad' : share >= 0.4 ? 'calm' : 'low';
}

/** A customer's survey answer on the timeline: their scores, how we made them feel, and their words. */
export function SurveyAnswerEntry({ data, createdAt, time, common }: Props) {
  const csat = num(data.csat);
  const ces = num(data.ces);
  const feeling = typeof data.feeling === 'string' && data.feeling in moodWords ? (data.feeling as Emotion) : null;
  const comment = typeof data.comment === 'string' && data.comment.trim() ? data.comment : null;
  return (
    <li className="entry entry-survey" {...common}>
      <div className="survey-answer" data-testid="survey-answer">
        <div className="survey-answer-head">
          <span className="survey-answer-title">Survey answered</span>
          <time dateTime={createdAt}>{time}</time>
        </div>
        <div className="survey-answer-scores">
          {csat !== null ? (
            <span
              className={`survey-score is-${tone(csat, 5)}`}
              data-testid="survey-csat"
              title="How happy they are with the help (CSAT)"
            >
              Satisfied <b>{csat}</b>/5
            </span>
          ) : null}
          {ces !== null ? (
            <span
              className={`survey-score is-${tone(ces, 7)}`}
              data-testid="survey-ces"
              title="“Made it easy to handle my issue” (CES): 1 strongly disagree, 7 strongly agree"
            >
              Easy <b>{ces}</b>/7
            </span>
          ) : null}
          {feeling ? (
            <span className="survey-score is-feeling" data-testid="survey-feeling">
              Felt {moodWords[feeling]}
            </span>
          ) : null}
        </div>
        {comment ? (
          <blockquote className="survey-answer-comment" data-testid="survey-comment">
            {comment}
          </blockquote>
        ) : null}
      </div>
    </li>
  );
}
