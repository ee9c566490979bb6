import { describe, expect, it } from 'vitest';
import { type ConfigError, loadConfig } from './config.ts';

function problems(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (err) {
    return (err as ConfigError).problems;
  }
}

describe('mailboxes read by IMAP, from INBOUND_IMAP_MAILBOXES', () => {
  it('reads each mailbox: TLS or STARTTLS, default ports and INBOX, encoded names, a team', () => {
    expect(loadConfig({}).inboundImap).toBeNull();
    const teamId = '7b0c2f9e-0000-4000-8000-000000000001';
    const { inboundImap } = loadConfig({
      INBOUND_IMAP_MAILBOXES: `imaps://help%40bakery.example:p%40ss%2Cword%3D@imap.bakery.example=wk_abc, imap://billing:secret@10.0.0.5:1143/Billing%2FNew=wk_abc/${teamId}`,
      INBOUND_IMAP_POLL_SECONDS: '30',
    });
    expect(inboundImap).toEqual({
      pollSeconds: 30,
      mailboxes: [
        {
          name: 'help@bakery.example@imap.bakery.example:993/INBOX',
          host: 'imap.bakery.example',
          port: 993,
          secure: true,
          user: 'help@bakery.example',
          password: 'p@ss,word=',
          mailbox: 'INBOX',
          workspaceKey: 'wk_abc',
          teamId: null,
        },
        {
          name: 'billing@10.0.0.5:1143/Billing/New',
          host: '10.0.0.5',
          port: 1143,
          secure: false,
          user: 'billing',
          password: 'secret',
          mailbox: 'Billing/New',
          workspaceKey: 'wk_abc',
          teamId,
        },
      ],
    });
  });

  it('names each entry that cannot work, without echoing its password', () => {
    const found = problems({
      INBOUND_IMAP_MAILBOXES:
        'imaps://help:hunter2@imap.example, pop3://help:hunter2@mail.example=wk, imaps://help@imap.example=wk, imaps://a:b@h.example=wk/not-a-team, imaps://a:b@h.example=wk, imaps://a:c@h.example=wk',
      INBOUND_IMAP_POLL_SECONDS: '0',
    });
    expect(found).toEqual([
      'INBOUND_IMAP_POLL_SECONDS: INBOUND_IMAP_POLL_SECONDS must be between 1 and 3600',
      ...[1, 2, 3, 4].map(
        (i) =>
          `INBOUND_IMAP_MAILBOXES: entry ${i} must read imaps://user:password@host[:port][/mailbox]=<workspace key>[/<team id>] (imap:// for STARTTLS)`,
      ),
      'INBOUND_IMAP_MAILBOXES: a@h.example:993/INBOX is listed twice',
    ]);
    expect(found.join('\n')).not.toContain('hunter2');
  });
});
