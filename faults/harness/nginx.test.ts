import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configFor, GUIDE_CONFIG } from './nginx.ts';

describe("the deployment guide's nginx configuration, as the fault tests run it", () => {
  const guide = fs.readFileSync(GUIDE_CONFIG, 'utf8');

  it('lists the web nodes in both upstream blocks with their options, and listens on the given port', () => {
    const config = configFor(guide, [4101, 4102, 4103], 4200);
    expect(config.match(/server 127\.0\.0\.1:41\d\d max_fails=1 fail_timeout=10s;/g)).toHaveLength(3);
    expect(config.match(/server 127\.0\.0\.1:41\d\d max_fails=0;/g)).toHaveLength(3);
    expect(config).not.toMatch(/:300[12]/);
    expect(config).toMatch(/^\s*listen 127\.0\.0\.1:4200;$/m);
  });

  it('passes the WebSocket upgrade on for /ws/', () => {
    const sockets = guide.slice(guide.indexOf('location /ws/'));
    expect(sockets).toMatch(/proxy_set_header Upgrade \$http_upgrade;/);
    expect(sockets).toMatch(/proxy_set_header Connection \$warmline_connection;/);
  });
});
