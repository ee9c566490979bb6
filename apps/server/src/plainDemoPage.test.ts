import { describe, expect, it } from 'vitest';
import { plainDemoPage } from './plainDemoPage.ts';

describe('/demo for a workspace that is not the demo bakery', () => {
  it('is a plain page carrying that workspace’s chat, its name written as text', () => {
    const html = plainDemoPage({ name: 'Rosie’s <b>Bakery</b>', key: 'wk_abc' });
    expect(html).toContain('<h1>Rosie’s &#60;b&#62;Bakery&#60;/b&#62;</h1>');
    expect(html).toContain('<script src="/widget.js" data-workspace="wk_abc" async></script>');
    expect(html).toContain('data-warmline-open');
    expect(html).not.toMatch(/Juniper|bakery &amp; grocery/);
  });
  it('says Warmline is not set up yet when there is no workspace, and carries no chat', () => {
    const html = plainDemoPage(null);
    expect(html).toContain('Warmline is not set up yet');
    expect(html).not.toContain('/widget.js');
  });
});
