import { contrastWithWhite, darker, HEX_COLOUR, lighter, MIN_WIDGET_CONTRAST } from '@warmline/shared/colour';
import type { WidgetConfig } from '@warmline/shared/types';

/** The workspace's public look (GET /api/v1/widget/config/:key, cached by the browser); null when it cannot be read. */
export async function fetchBranding(
  base: string,
  workspaceKey: string,
  fetchFn: typeof fetch = (...a) => fetch(...a),
): Promise<WidgetConfig | null> {
  try {
    const res = await fetchFn(`${base}/api/v1/widget/config/${encodeURIComponent(workspaceKey)}`, {
      mode: 'cors',
      credentials: 'omit',
    });
    return res.ok ? ((await res.json()) as WidgetConfig) : null;
  } catch {
    return null;
  }
}

/**
 * The CSS custom properties that paint the widget in the workspace's colour. A colour white text cannot be read on
 * (the server refuses one, but an old setting may linger) keeps the shipped colours: nothing is set.
 */
export function brandColours(color: string): Record<string, string> {
  if (!HEX_COLOUR.test(color) || contrastWithWhite(color) < MIN_WIDGET_CONTRAST) return {};
  return {
    '--accent': color,
    '--accent-dark': darker(color),
    '--accent-soft': lighter(color, 0.9),
    '--ring': `0 0 0 3px ${color}59`,
  };
}
