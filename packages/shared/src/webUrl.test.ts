import { describe, expect, it } from 'vitest';
import { UpdateMeBody, UpdateWorkspaceBody } from './api.ts';
import { WebUrl, webUrlProblem } from './webUrl.ts';

describe('WebUrl', () => {
  it('takes absolute http and https addresses', () => {
    for (const url of ['https://example.com/photo.png', 'http://example.com:8080/a?b=c#d', '  HTTPS://Example.com  ']) {
      expect(WebUrl.safeParse(url).success).toBe(true);
    }
    expect(WebUrl.parse('  https://example.com/a ')).toBe('https://example.com/a');
  });

  it('refuses every other scheme, relative addresses and credentials, saying which', () => {
    expect(
      Object.fromEntries(
        [
          'javascript:alert(1)',
          ' JAVASCRIPT:alert(1)',
          'java\nscript:alert(1)',
          'data:text/html,<script>alert(1)</script>',
          'vbscript:msgbox(1)',
          'file:///etc/passwd',
          'blob:https://example.com/x',
          'about:blank',
          'ws://example.com/',
          '//example.com/a.png',
          '/avatars/a.png',
          'example.com',
          'http://',
          'https://user:pw@example.com/',
        ].map((url) => [url, webUrlProblem(url.trim())]),
      ),
    ).toEqual({
      'javascript:alert(1)': 'must be an http or https address, not javascript:',
      ' JAVASCRIPT:alert(1)': 'must be an http or https address, not javascript:',
      'java\nscript:alert(1)': 'must be an http or https address, not javascript:',
      'data:text/html,<script>alert(1)</script>': 'must be an http or https address, not data:',
      'vbscript:msgbox(1)': 'must be an http or https address, not vbscript:',
      'file:///etc/passwd': 'must be an http or https address, not file:',
      'blob:https://example.com/x': 'must be an http or https address, not blob:',
      'about:blank': 'must be an http or https address, not about:',
      'ws://example.com/': 'must be an http or https address, not ws:',
      '//example.com/a.png': 'must be an absolute http or https address such as https://example.com/photo.png',
      '/avatars/a.png': 'must be an absolute http or https address such as https://example.com/photo.png',
      'example.com': 'must be an absolute http or https address such as https://example.com/photo.png',
      'http://': 'is not a valid address',
      'https://user:pw@example.com/': 'must not carry a user name or password',
    });
  });

  it("is what avatarUrl takes, besides a picture Warmline serves; allowedOrigins' entries are http(s) too", () => {
    expect(UpdateMeBody.safeParse({ avatarUrl: '/files/abcdefghijklmnopqrstuvwxyz012345' }).success).toBe(true);
    expect(UpdateMeBody.safeParse({ avatarUrl: '/avatars/amina.svg' }).success).toBe(true);
    expect(UpdateMeBody.safeParse({ avatarUrl: '/files/../../etc/passwd' }).success).toBe(false);
    const refused = UpdateMeBody.safeParse({ avatarUrl: 'data:image/svg+xml,<svg onload=alert(1)>' });
    expect(refused.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([
      'avatarUrl: must be an http or https address, not data:',
    ]);
    for (const origin of ['javascript:alert(1)', 'data:text/html,x', 'file:///', 'https://a@b.example']) {
      expect(UpdateWorkspaceBody.safeParse({ allowedOrigins: [origin] }).success).toBe(false);
    }
    expect(UpdateWorkspaceBody.safeParse({ allowedOrigins: ['https://shop.example'] }).success).toBe(true);
  });
});
