import type { ImportReport } from '@warmline/shared/types';
import { useState } from 'react';
import { importCustomersCsv } from '../../state/settingsActions.ts';

type Progress = { phase: 'idle' } | { phase: 'sending'; sent: number; file: string } | { phase: 'reading'; file: string };

/** CSV in, with progress and a report of the rows refused; CSV out. */
export function CustomerDataSettings() {
  const [progress, setProgress] = useState<Progress>({ phase: 'idle' });
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);

  const start = async (file: File) => {
    setReport(null);
    setError(null);
    setProgress({ phase: 'sending', sent: 0, file: file.name });
    try {
      const done = await importCustomersCsv(file, (sent) =>
        setProgress(sent < 1 ? { phase: 'sending', sent, file: file.name } : { phase: 'reading', file: file.name }),
      );
      setReport(done);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setProgress({ phase: 'idle' });
    }
  };
  const busy = progress.phase !== 'idle';
  const refused = report?.rows.filter((r) => r.outcome === 'rejected') ?? [];

  return (
    <div className="settings-grid">
      <section className="card form" aria-labelledby="import-title">
        <h2 className="card-title" id="import-title">
          Import customers
        </h2>
        <p className="hint">
          A CSV file with a header row. Columns, in any order: <code>name</code>, <code>email</code>, <code>phone</code>,{' '}
          <code>external_id</code>, <code>owner_email</code>, <code>organization</code>, <code>role</code>, and{' '}
          <code>attr:&lt;key&gt;</code> for your own fields. Someone already known by their email or phone is updated, not added
          twice.
        </p>
        <label className={`btn btn-primary file-button${busy ? ' is-busy' : ''}`}>
          {busy ? 'Importing…' : 'Choose a CSV file…'}
          <input
            type="file"
            accept=".csv,text/csv"
            data-testid="import-file"
            disabled={busy}
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void start(file);
            }}
          />
        </label>
        {progress.phase !== 'idle' ? (
          <div className="import-progress" role="status" data-testid="import-progress">
            <progress max={1} value={progress.phase === 'sending' ? progress.sent : undefined} />
            <span>
              {progress.phase === 'sending'
                ? `Sending ${progress.file}… ${Math.round(progress.sent * 100)}%`
                : `Reading ${progress.file}: checking every row…`}
            </span>
          </div>
        ) : null}
        {error ? (
          <p className="form-error" role="alert" data-testid="import-error">
            {error}
          </p>
        ) : null}
        {report ? (
          <div className="import-report" data-testid="import-report">
            <p className="form-ok" role="status">
              {report.imported} added, {report.merged} updated
              {report.rejected ? `, ${report.rejected} refused` : ''}.
            </p>
            {refused.length ? (
              <table className="agents refused-rows" data-testid="import-refused">
                <thead>
                  <tr>
                    <th className="num">Row</th>
                    <th>Why it was refused</th>
                  </tr>
                </thead>
                <tbody>
                  {refused.map((r) => (
                    <tr key={r.row}>
                      <td className="num">{r.row}</td>
                      <td>{r.reason}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
            {refused.length ? (
              <p className="hint">Fix these rows and import the file again: the rest will not be added twice.</p>
            ) : null}
          </div>
        ) : null}
      </section>
      <section className="card form" aria-labelledby="export-title">
        <h2 className="card-title" id="export-title">
          Export customers
        </h2>
        <p className="hint">Every customer with their contact details, owner and your fields, as a CSV file for a spreadsheet.</p>
        <a className="btn" href="/api/v1/exports/customers?format=csv" download data-testid="export-customers">
          Download customers (CSV)
        </a>
        <a className="btn btn-quiet" href="/api/v1/exports/conversations?format=csv" download>
          Download conversations (CSV)
        </a>
      </section>
    </div>
  );
}
