/** A colour as #RRGGBB. */
export const HEX_COLOUR = /^#[0-9a-f]{6}$/i;

/** The widget's colour until an admin picks one: the warm orange Warmline ships with. */
export const DEFAULT_WIDGET_COLOR = '#c2410c';

/** White text on the widget colour must read as body text does (WCAG AA: 4.5:1). */
export const MIN_WIDGET_CONTRAST = 4.5;

function channel(hex: string, at: number): number {
  const c = Number.parseInt(hex.slice(at, at + 2), 16) / 255;
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/**
 * How well white text reads on `hex` (#RRGGBB), as a WCAG contrast ratio from 1 to 21.
 *
 * @example contrastWithWhite('#c2410c') // 5.18
 */
export function contrastWithWhite(hex: string): number {
  const luminance = 0.2126 * channel(hex, 1) + 0.7152 * channel(hex, 3) + 0.0722 * channel(hex, 5);
  return Math.round((1.05 / (luminance + 0.05)) * 100) / 100;
}

/** `hex` darkened by `amount` (0–1) towards black: the hover and header shade of the widget colour. */
export function darker(hex: string, amount = 0.18): string {
  const part = (at: number) =>
    Math.round(Number.parseInt(hex.slice(at, at + 2), 16) * (1 - amount))
      .toString(16)
      .padStart(2, '0');
  return `#${part(1)}${part(3)}${part(5)}`;
}

/** `hex` mixed towards white by `amount` (0–1): a soft wash of the widget colour behind a chosen option. */
export function lighter(hex: string, amount = 0.9): string {
  const part = (at: number) => {
    const c = Number.parseInt(hex.slice(at, at + 2), 16);
    return Math.round(c + (255 - c) * amount)
      .toString(16)
      .padStart(2, '0');
  };
  return `#${part(1)}${part(3)}${part(5)}`;
}
