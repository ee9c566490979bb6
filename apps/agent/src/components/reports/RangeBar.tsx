import type { ReportGroupBy } from '@warmline/shared';
import { type ReactNode, useEffect, useState } from 'react';
import { isValidRange, PRESET_LABELS, presetRange, RANGE_PRESETS, type ReportView } from '../../state/reportRange.ts';
import { FilterChips } from '../FilterChips.tsx';

const GROUPS = [
  { value: 'channel', label: 'Channel' },
  { value: 'team', label: 'Team' },
  { value: 'agent', label: 'Person' },
] as const satisfies ReadonlyArray<{ value: ReportGroupBy; label: string }>;

const PRESETS = RANGE_PRESETS.map((value) => ({ value, label: PRESET_LABELS[value] }));

interface RangeBarProps {
  view: ReportView;
  tz: string;
  onChange: (view: ReportView) => void;
  /** Figure pages group their table; the overview does not. */
  grouping?: boolean;
  /** The channel matrix compares nothing: no toggle there. */
  comparing?: boolean;
  children?: ReactNode;
}

/** The range (a preset or two dates), the grouping and "compare with the period before", in one calm row. */
export function RangeBar({ view, tz, onChange, grouping = false, comparing = true, children }: RangeBarProps) {
  const [from, setFrom] = useState(view.from);
  const [to, setTo] = useState(view.to);
  useEffect(() => {
    setFrom(view.from);
    setTo(view.to);
  }, [view.from, view.to]);
  const customOk = isValidRange(from, to);

  return (
    <div className="report-bar" data-testid="report-bar">
      <FilterChips
        label="Dates"
        testId="report-range"
        value={view.preset}
        options={PRESETS}
        onChange={(preset) =>
          onChange(preset === 'custom' ? { ...view, preset } : { ...view, preset, ...presetRange(preset, Date.now(), tz) })
        }
      />
      {view.preset === 'custom' ? (
        <form
          className="report-dates"
          onSubmit={(e) => {
            e.preventDefault();
            if (customOk) onChange({ ...view, from, to });
          }}
        >
          <input type="date" aria-label="From" value={from} max={to} onChange={(e) => setFrom(e.target.value)} />
          <span aria-hidden="true">–</span>
          <input type="date" aria-label="To" value={to} min={from} onChange={(e) => setTo(e.target.value)} />
          <button type="submit" className="btn btn-small" disabled={!customOk}>
            Show
          </button>
        </form>
      ) : null}
      {grouping ? (
        <FilterChips
          label="Group by"
          testId="report-group"
          value={view.groupBy}
          options={GROUPS}
          onChange={(groupBy) => onChange({ ...view, groupBy })}
        />
      ) : null}
      {comparing ? (
        <label className="report-compare">
          <input
            type="checkbox"
            data-testid="report-compare"
            checked={view.compare}
            onChange={(e) => onChange({ ...view, compare: e.target.checked })}
          />
          Compare with the period before
        </label>
      ) : null}
      {children}
    </div>
  );
}
