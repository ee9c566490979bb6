/** A pragmatic email check for instant feedback; the server's validation is the authority. */
export function emailProblem(input: string): string | null {
  const s = input.trim();
  if (!s) return 'Please enter your email so we can reply.';
  if (s.length > 320 || !/^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(s))
    return 'That email doesn’t look quite right — please check it.';
  return null;
}

/** Initials for an avatar without a photo: "Amina Diallo" → "AD". */
export function initials(name: string | null | undefined): string {
  const parts = (name ?? '').trim().split(/\s+/).filter(Boolean);
  const first = parts[0]?.[0] ?? '';
  const last = parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '';
  return (first + last).toUpperCase() || '·';
}

/** A friendly clock time for a promise when only the ISO time is known, e.g. "4:30 pm". */
export function clockTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return d.toLocaleTimeString([], { hour: 'numeric', minute: '2-digit' });
}

/** A server validation message without its path prefix: "body.phone: phone is required" → "phone is required". */
export function cleanMessage(message: string): string {
  const m = /^[\w.[\]]+: (.+)$/s.exec(message);
  const text = m?.[1] ?? message;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Which field of the callback form a server error is about, so it is shown next to that field. */
export function callbackErrorField(message: string, details: unknown): 'phone' | 'window' | null {
  const issues = (details as { issues?: Array<{ path?: unknown }> } | null)?.issues;
  const where = `${typeof issues?.[0]?.path === 'string' ? issues[0].path : ''} ${message}`.toLowerCase();
  if (/phone|number/.test(where)) return 'phone';
  if (/window|time|hour|past|open|closed|slot/.test(where)) return 'window';
  return null;
}

/** A quick check before calling the server (which decides): something that could be a phone number. */
export function phoneProblem(input: string): string | null {
  const s = input.trim();
  if (!s) return 'Please enter a phone number so we can call you.';
  const digits = s.replace(/\D/g, '').length;
  if (digits < 5 || digits > 20 || !/^[+\d\s().\-/]+$/.test(s)) return 'That number doesn’t look quite right — please check it.';
  return null;
}
