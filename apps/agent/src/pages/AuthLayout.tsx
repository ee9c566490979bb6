import type { ReactNode } from 'react';
import { Wordmark } from '../components/Wordmark.tsx';

/** The calm, centred card used by sign-in and invitation pages. */
export function AuthLayout({ title, subtitle, children }: { title: string; subtitle?: ReactNode; children: ReactNode }) {
  return (
    <main className="auth">
      <div className="auth-card">
        <div className="auth-brand">
          <Wordmark size={26} />
        </div>
        <h1 className="auth-title">{title}</h1>
        {subtitle ? <p className="auth-subtitle">{subtitle}</p> : null}
        {children}
      </div>
      <p className="auth-foot">Every customer, a person.</p>
    </main>
  );
}
