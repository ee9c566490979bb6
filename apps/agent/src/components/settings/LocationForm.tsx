import type { Location, WorkspaceSettings } from '@warmline/shared/types';
import { type FormEvent, type ReactNode, useEffect, useState } from 'react';
import { saveLocation } from '../../state/counterActions.ts';
import {
  addService,
  kioskLinks,
  type LocationDraft,
  type LocationField,
  locationDraft,
  locationErrorField,
  locationInput,
  newLocationDraft,
  slugFrom,
} from '../../state/locationForm.ts';
import { loadAgents, useAgents } from '../../state/teamActions.ts';
import { SaveRow, useSaving } from './SaveRow.tsx';
import { TimezoneField, WeekHours } from './WeekHours.tsx';

/** A field's message from the server, where the admin is looking. */
function Problem({ field, error }: { field: LocationField; error: { field: LocationField; message: string } | null }) {
  if (error?.field !== field) return null;
  return (
    <span className="field-error" role="alert" data-testid={`location-error-${field}`}>
      {error.message}
    </span>
  );
}

function Labelled({ label, children, hint }: { label: string; children: ReactNode; hint?: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noLabelWithoutControl: the control is the child it is given
    <label className="field">
      <span className="field-label">{label}</span>
      {children}
      {hint}
    </label>
  );
}

/** Opens a location (`location` null) or changes one: its name and kiosk address, hours, services and staff. */
export function LocationForm({
  location,
  workspace,
  onDone,
}: {
  location: Location | null;
  workspace: WorkspaceSettings;
  onDone: () => void;
}) {
  const [draft, setDraft] = useState<LocationDraft>(() => (location ? locationDraft(location) : newLocationDraft(workspace)));
  const [slugTouched, setSlugTouched] = useState(location !== null);
  const [error, setError] = useState<{ field: LocationField; message: string } | null>(null);
  const saving = useSaving();
  const agents = useAgents();
  useEffect(() => {
    loadAgents().catch(() => {});
  }, []);
  const set = (change: Partial<LocationDraft>) => setDraft((d) => ({ ...d, ...change }));
  const links = kioskLinks(window.location.origin, draft.slug);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    void saving.run(async () => {
      try {
        await saveLocation(location?.id ?? null, locationInput(draft));
      } catch (e) {
        setError(locationErrorField(e as Error & { details?: unknown }));
        throw e;
      }
      onDone();
    });
  };

  return (
    <form className="card form location-form" onSubmit={submit} data-testid="location-form" noValidate>
      <div className="location-form-head">
        <h2 className="card-title">{location ? `Change ${location.name}` : 'Open a location'}</h2>
        <button type="button" className="btn btn-quiet btn-small" onClick={onDone}>
          Back to locations
        </button>
      </div>
      <div className="location-form-pair">
        <Labelled label="Name" hint={<Problem field="name" error={error} />}>
          <input
            value={draft.name}
            data-testid="location-name"
            placeholder="Westlands"
            onChange={(e) => set({ name: e.target.value, ...(slugTouched ? {} : { slug: slugFrom(e.target.value) }) })}
          />
        </Labelled>
        <Labelled
          label="Kiosk address"
          hint={
            error?.field === 'slug' ? (
              <Problem field="slug" error={error} />
            ) : (
              <span className="field-hint">Lower-case letters, digits and dashes.</span>
            )
          }
        >
          <span className="slug-input">
            <span aria-hidden="true">/kiosk/</span>
            <input
              value={draft.slug}
              data-testid="location-slug"
              onChange={(e) => {
                setSlugTouched(true);
                set({ slug: e.target.value });
              }}
            />
          </span>
        </Labelled>
      </div>
      {links ? (
        <div className="kiosk-links" data-testid="location-kiosk-links">
          <p>
            <span className="field-label">The kiosk in the store</span>{' '}
            <code data-testid="location-kiosk-url">{links.kiosk}</code>
          </p>
          <p>
            <span className="field-label">The QR code on the door</span> <code data-testid="location-qr-url">{links.phone}</code>
          </p>
        </div>
      ) : null}
      <Labelled label="Address" hint={<Problem field="address" error={error} />}>
        <input
          value={draft.address}
          data-testid="location-address"
          placeholder="Sarit Centre, ground floor"
          onChange={(e) => set({ address: e.target.value })}
        />
      </Labelled>

      <fieldset className="location-fieldset">
        <legend className="field-label">Opening hours</legend>
        <TimezoneField
          value={draft.timezone}
          onChange={(timezone) => set({ timezone })}
          hint="The store’s local time: the kiosk opens and closes by it."
          testId="location-timezone"
          error={error?.field === 'timezone' ? error.message : null}
        />
        <WeekHours week={draft.openingHours} onChange={(openingHours) => set({ openingHours })} />
        <Problem field="openingHours" error={error} />
      </fieldset>

      <fieldset className="location-fieldset">
        <legend className="field-label">Services at the counter</legend>
        {draft.services.map((s, i) => (
          <div className="service-row" key={s.key} data-testid="location-service">
            <input
              aria-label="Service"
              placeholder="Returns and exchanges"
              value={s.name}
              onChange={(e) =>
                set({ services: draft.services.map((x) => (x.key === s.key ? { ...x, name: e.target.value } : x)) })
              }
            />
            <span className="service-minutes">
              <input
                aria-label="Typical minutes"
                type="number"
                min={1}
                max={240}
                value={s.minutes}
                onChange={(e) =>
                  set({ services: draft.services.map((x) => (x.key === s.key ? { ...x, minutes: e.target.value } : x)) })
                }
              />
              <span className="hint">min</span>
            </span>
            <button
              type="button"
              className="icon-button"
              aria-label={`Remove ${s.name || `service ${i + 1}`}`}
              onClick={() => set({ services: draft.services.filter((x) => x.key !== s.key) })}
            >
              ×
            </button>
          </div>
        ))}
        <Problem field="services" error={error} />
        <button
          type="button"
          className="btn btn-small service-add"
          data-testid="location-service-add"
          onClick={() => setDraft(addService)}
        >
          Add a service
        </button>
      </fieldset>

      <fieldset className="location-fieldset">
        <legend className="field-label">Staff at the counter</legend>
        <div className="staff-picks">
          {agents.map((a) => (
            <label key={a.id} className="staff-pick" data-testid="location-staff" data-name={a.displayName}>
              <input
                type="checkbox"
                checked={draft.staffIds.includes(a.id)}
                onChange={(e) =>
                  set({ staffIds: e.target.checked ? [...draft.staffIds, a.id] : draft.staffIds.filter((id) => id !== a.id) })
                }
              />
              <span>{a.displayName}</span>
            </label>
          ))}
        </div>
        <Problem field="staff" error={error} />
        <span className="field-hint">They see this store in their sidebar and call people from its line.</span>
      </fieldset>

      <SaveRow
        busy={saving.busy}
        status={saving.status && (saving.status.ok || error?.field === 'form') ? saving.status : null}
        testId="location-save"
        label={location ? 'Save location' : 'Open location'}
      />
    </form>
  );
}
