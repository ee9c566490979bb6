import { useStore } from '../state/store.ts';
import { Wordmark } from './Wordmark.tsx';

/** On a phone, the sidebar's place: the menu button, the brand, and how many people are waiting. Hidden on wider screens. */
export function PhoneBar({ menuOpen, onMenu }: { menuOpen: boolean; onMenu: () => void }) {
  const waiting = useStore((s) => s.counts.waiting);
  const workspace = useStore((s) => s.session?.workspace.name ?? '');
  return (
    <header className="phone-bar">
      <button type="button" className="menu-button" aria-label="Open the menu" aria-expanded={menuOpen} onClick={onMenu}>
        <span aria-hidden="true">☰</span>
      </button>
      <Wordmark size={18} />
      <span className="workspace-name">{workspace}</span>
      {waiting > 0 ? (
        <span className="nav-badge" title={`${waiting} waiting`}>
          {waiting}
        </span>
      ) : null}
    </header>
  );
}
