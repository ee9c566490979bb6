import { useCallback, useEffect, useState } from 'react';

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
