import { useCallback, useEffect, useState } from 'react';

/** Phones and small windows, as `styles/phone.css` draws them: one column, the sidebar a menu. */
export const PHONE_WIDTH = '(max-width: 720px)';

/**
 * The sidebar as a menu on a phone: closed on every new page and by Escape; while open, the keyboard starts on its
 * close button, and it goes back to the menu button when the menu closes.
 */
export function usePhoneMenu(pathname: string) {
  const [open, setOpen] = useState(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new page closes the menu
  useEffect(() => setOpen(false), [pathname]);
  useEffect(() => {
    if (!open) return;
    document.querySelector<HTMLButtonElement>('.menu-close')?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setOpen(false);
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      document.querySelector<HTMLButtonElement>('.menu-button')?.focus();
    };
  }, [open]);
  return { open, show: useCallback(() => setOpen(true), []), hide: useCallback(() => setOpen(false), []) };
}
