import { useQuery } from '@tanstack/react-query';
import type { SurveySettings as Settings } from '@warmline/shared/types';
import { type FormEvent, useEffect, useState } from 'react';
import { queryClient } from '../../api/queryClient.ts';
import { call } from '../../api/routes.ts';
import { SaveRow, useSaving } from './SaveRow.tsx';

const surveysKey = ['workspace', 'surveys'] as const;

/** Surveys on or off, and the quiet days: how long after being asked the same customer is left alone. */
export function SurveySettings() {
  const query = useQuery({
    queryKey: surveysKey,
    queryFn: () => call('GET /workspace/surveys').then(({ settings }) => settings),
    staleTime: 0,
  });
  if (query.error) return <p className="form-error">{(query.error as Error).message}</p>;
  if (!query.data) return <p className="page-loading">Opening…</p>;
  return <SurveyForm settings={query.data} />;
}

function SurveyForm({ settings }: { settings: Settings }) {
  const [enabled, setEnabled] = useState(settings.enabled);
  const [quietDays, setQuietDays] = useState(String(settings.quietDays));
  useEffect(() => {
    setEnabled(settings.enabled);
    setQuietDays(String(settings.quietDays));
  }, [settings]);
  const saving = useSaving();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void saving.run(async () => {
      const days = Number(quietDays.trim());
      if (!/^\d{1,3}$/.test(quietDays.trim()) || days > 365)
        throw new Error('Give the quiet days as a whole number from 0 to 365.');
      const saved = await call('PATCH /workspace/surveys', { body: { enabled, quietDays: days } });
      queryClient.setQueryData(surveysKey, saved.settings);
    });
  };
  return (
    <div className="settings-main">
      <form className="card form" onSubmit={submit} aria-labelledby="surveys-title" data-testid="survey-settings">
        <h2 className="card-title" id="surveys-title">
          Ask how we did
        </h2>
        <label className="check-field">
          <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} data-testid="surveys-enabled" />
          <span>Ask customers after a conversation is resolved</span>
        </label>
        <p className="hint">
          One screen, four optional questions: how happy they are (1–5), whether we made it easy (1–7), how we made them feel, and
          anything they want to say. Chats are asked inline in the chat; emails, calls and visits get a link by email or text, in
          English, Swahili or Spanish. The answer appears on the conversation.
        </p>
        <label className="field">
          <span className="field-label">Quiet days</span>
          <input
            inputMode="numeric"
            value={quietDays}
            onChange={(e) => setQuietDays(e.target.value)}
            className="survey-quiet-days"
            data-testid="survey-quiet-days"
            disabled={!enabled}
          />
          <span className="field-hint">
            Never ask the same customer twice within this many days (0 asks after every resolution).
          </span>
        </label>
        <SaveRow busy={saving.busy} status={saving.status} testId="surveys-save" />
      </form>
    </div>
  );
}
