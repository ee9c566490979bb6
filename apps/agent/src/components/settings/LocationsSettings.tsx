import type { Location, WorkspaceSettings } from '@warmline/shared/types';
import { useState } from 'react';
import { kioskLinks } from '../../state/locationForm.ts';
import { useLocations } from '../../state/locations.ts';
import { LocationForm } from './LocationForm.tsx';
import '../../styles/locations.css';

/** The stores customers walk into: each with its kiosk address, hours, services and the staff at its counter. */
export function LocationsSettings({ workspace }: { workspace: WorkspaceSettings }) {
  const { locations, ready } = useLocations();
  // null: the list; 'new': opening a location; otherwise the id of the one being changed.
  const [editing, setEditing] = useState<string | null>(null);
  const current = locations.find((l) => l.id === editing) ?? null;

  if (editing !== null) {
    return (
      <div className="settings-main">
        <LocationForm key={editing} location={current} workspace={workspace} onDone={() => setEditing(null)} />
      </div>
    );
  }
  return (
    <div className="settings-main">
      <div className="locations-head">
        <p className="hint">
          {locations.length === 0 && ready
            ? 'No locations yet. Open one to give its staff a counter in Warmline and its customers a kiosk.'
            : 'Customers check in at a location’s kiosk, or on their phone from the QR code on the door.'}
        </p>
        <button type="button" className="btn btn-primary" data-testid="location-new" onClick={() => setEditing('new')}>
          Open a location
        </button>
      </div>
      {locations.map((l) => (
        <LocationSummary key={l.id} location={l} onEdit={() => setEditing(l.id)} />
      ))}
    </div>
  );
}

function LocationSummary({ location, onEdit }: { location: Location; onEdit: () => void }) {
  const links = kioskLinks(window.location.origin, location.slug)!;
  return (
    <section className="card location-summary" data-testid="location" data-slug={location.slug}>
      <div className="location-summary-head">
        <div>
          <h2 className="card-title">{location.name}</h2>
          {location.address ? <p className="hint">{location.address}</p> : null}
        </div>
        <button type="button" className="btn btn-small" data-testid="location-edit" onClick={onEdit}>
          Change
        </button>
      </div>
      <p className="location-facts">
        <a href={links.kiosk} target="_blank" rel="noreferrer">
          /kiosk/{location.slug}
        </a>
        <span>{location.services.map((s) => s.name).join(' · ')}</span>
        <span>
          {location.staff.length === 0 ? 'No staff yet' : location.staff.map((s) => s.displayName.split(' ')[0]).join(', ')}
        </span>
      </p>
    </section>
  );
}
