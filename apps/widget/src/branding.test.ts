import { describe, expect, it } from 'vitest';
import { brandColours, fetchBranding } from './branding.ts';

describe('the widget in the workspace colour', () => {
  it('paints a readable colour, with its darker and softer shades', () => {
    expect(brandColours('#1f5f8b')).toEqual({
      '--accent': '#1f5f8b',
      '--accent-dark': '#194e72',
      '--accent-soft': '#e9eff3',
      '--ring': '0 0 0 3px #1f5f8b59',
    });
  });
  it('keeps its own colours for one white text cannot be read on, or one that is not a colour', () => {
    expect(brandColours('#ffe08a')).toEqual({});
    expect(brandColours('red; background: url(x)')).toEqual({});
  });
  it('reads the public config of the workspace, and carries on without it when the server cannot answer', async () => {
    const asked: string[] = [];
    const config = { name: 'Rosie’s', greeting: 'Hi!', color: '#1f5f8b', logoUrl: null };
    const ok = (async (url: string) => {
      asked.push(url);
      return new Response(JSON.stringify(config));
    }) as typeof fetch;
    expect(await fetchBranding('https://help.example', 'wk_1 2', ok)).toEqual(config);
    expect(asked).toEqual(['https://help.example/api/v1/widget/config/wk_1%202']);
    const down = (async () => {
      throw new TypeError('offline');
    }) as typeof fetch;
    expect(await fetchBranding('https://help.example', 'wk_1', down)).toBeNull();
  });
});
