/** A signed-in agent over the REST API, for arranging a scene that the browser then plays. */
export async function apiSession(baseUrl: string, email: string, password: string) {
  const res = await fetch(`${baseUrl}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in failed for ${email}: ${res.status}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const session = (await res.json()) as { csrfToken: string; agent: { id: string } };
  const call = async (method: string, path: string, body?: unknown) => {
    const r = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        cookie,
        'x-csrf-token': session.csrfToken,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = r.status === 204 ? null : await r.json();
    if (r.status >= 400) throw new Error(`${method} ${path} → ${r.status} ${JSON.stringify(json)}`);
    return json;
  };
  return {
    agentId: session.agent.id,
    get: (path: string) => call('GET', path),
    post: (path: string, body: unknown = {}) => call('POST', path, body),
    put: (path: string, body: unknown) => call('PUT', path, body),
    patch: (path: string, body: unknown) => call('PATCH', path, body),
  };
}

/** A visitor writing over the widget's API (no browser): starts a session and sends one message; its conversation. */
export async function visitorWritesByApi(baseUrl: string, workspaceKey: string, text: string): Promise<string> {
  const post = async <T>(url: string, body: unknown, token?: string): Promise<T> => {
    const res = await fetch(`${baseUrl}${url}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    if (res.status >= 300) throw new Error(`${url} → ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  const { visitorToken } = await post<{ visitorToken: string }>('/api/v1/widget/session', { workspaceKey });
  const { entry } = await post<{ entry: { conversationId: string } }>(
    '/api/v1/widget/messages',
    { clientId: crypto.randomUUID(), body: text },
    visitorToken,
  );
  return entry.conversationId;
}
