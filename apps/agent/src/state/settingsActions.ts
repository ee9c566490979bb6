import { useQuery } from '@tanstack/react-query';
import type { ImportReport, UpdateWorkspaceBody, WorkspaceSettings } from '@warmline/shared/types';
import { csrfHeaders } from '../api/http.ts';
import { queryClient } from '../api/queryClient.ts';
import { call } from '../api/routes.ts';
import { setState } from './store.ts';

const settingsKey = ['workspace', 'settings'] as const;
const readSettings = () => call('GET /workspace').then(({ workspace }) => workspace);

/** The workspace's settings, read once per visit to the settings screens. */
export function useWorkspaceSettings() {
  return useQuery({ queryKey: settingsKey, queryFn: readSettings, staleTime: 0 });
}

function keep(workspace: WorkspaceSettings): WorkspaceSettings {
  queryClient.setQueryData(settingsKey, workspace);
  // The sidebar shows the workspace's name.
  setState((s) => ({ session: s.session && { ...s.session, workspace: { ...s.session.workspace, name: workspace.name } } }));
  return workspace;
}

export async function saveWorkspace(patch: UpdateWorkspaceBody): Promise<WorkspaceSettings> {
  return keep((await call('PATCH /workspace', { body: patch })).workspace);
}

export async function uploadLogo(logo: File): Promise<WorkspaceSettings> {
  return keep((await call('PUT /workspace/logo', { body: logo, query: { name: logo.name } })).workspace);
}

export async function identitySecret(): Promise<string> {
  return (await call('GET /workspace/identity-secret')).secret;
}

export async function rotateIdentitySecret(): Promise<string> {
  return (await call('POST /workspace/identity-secret/rotate')).secret;
}

/**
 * Sends a CSV file of customers to import, reporting how much of it has gone up (0–1) as it goes: a large file takes
 * a while. Resolves with the server's report of rows imported, merged and refused.
 */
export function importCustomersCsv(file: File, onProgress: (sent: number) => void): Promise<ImportReport> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/v1/imports/customers');
    xhr.setRequestHeader('content-type', 'text/csv');
    xhr.setRequestHeader('accept', 'application/json');
    for (const [name, value] of Object.entries(csrfHeaders())) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onerror = () => reject(new Error('Cannot reach Warmline. Check your connection and try again.'));
    xhr.onload = () => {
      let body: { error?: { message?: string } } | null = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      if (xhr.status === 200 && body) resolve(body as ImportReport);
      else reject(new Error(body?.error?.message ?? `The server answered ${xhr.status}.`));
    };
    xhr.send(file);
  });
}
