import type { CustomerProfile, Identity } from '@warmline/shared';
import { type FormEvent, useState } from 'react';
import { addIdentity, removeIdentity } from '../../state/customerActions.ts';
import { identityLabels } from '../../state/customerLabels.ts';
import { FormFooter } from '../FormFooter.tsx';
import { InlineConfirm } from '../InlineConfirm.tsx';
import { VerifiedMark } from '../VerifiedMark.tsx';

type AddableKind = 'email' | 'phone' | 'external';

function IdentityRow({ customerId, identity }: { customerId: string; identity: Identity }) {
  const [error, setError] = useState<string | null>(null);
  // A widget visitor id means nothing to a person: say where it came from instead.
  const shown = identity.kind === 'visitor' ? 'Chatted on the website' : identity.value;

  const remove = async () => {
    setError(null);
    await removeIdentity(customerId, identity.id).catch((e: Error) => setError(e.message));
  };

  return (
    <li className="contact" data-testid="contact-point" data-kind={identity.kind} data-verified={identity.verified}>
      <span className="contact-kind">
        {identityLabels[identity.kind]} · <VerifiedMark verified={identity.verified} />
      </span>
      <span className="contact-value" title={identity.value}>
        {shown}
      </span>
      <InlineConfirm
        label={`Remove ${identityLabels[identity.kind].toLowerCase()} ${shown}`}
        title="Remove this contact point"
        onConfirm={remove}
      />
      {error ? (
        <span className="field-error contact-error" role="alert">
          {error}
        </span>
      ) : null}
    </li>
  );
}

function AddContactForm({ customerId, onDone }: { customerId: string; onDone: () => void }) {
  const [kind, setKind] = useState<AddableKind>('email');
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!value.trim()) {
      setError('Type the email, phone number or customer number.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await addIdentity(customerId, kind, value.trim());
      onDone();
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  };

  return (
    <form className="inline-form" onSubmit={submit} noValidate data-testid="add-contact-form">
      <div className="inline-form-row">
        <select aria-label="Kind" value={kind} onChange={(e) => setKind(e.target.value as AddableKind)}>
          <option value="email">Email</option>
          <option value="phone">Phone</option>
          <option value="external">Customer number</option>
        </select>
        <input
          // biome-ignore lint/a11y/noAutofocus: the agent just asked to add one
          autoFocus
          aria-label="Contact point"
          type={kind === 'email' ? 'email' : kind === 'phone' ? 'tel' : 'text'}
          value={value}
          placeholder={kind === 'email' ? 'name@example.com' : kind === 'phone' ? '+44 7700 900123' : 'e.g. 100-2345'}
          onChange={(e) => setValue(e.target.value)}
        />
      </div>
      <FormFooter
        error={error}
        busy={busy}
        onCancel={onDone}
        small
        className="inline-form-actions"
        submit={{ label: 'Add', busyLabel: 'Adding…', tone: 'plain' }}
      />
    </form>
  );
}

/** How to reach the person, and which of those ways are proven. */
export function ContactPoints({ profile }: { profile: CustomerProfile }) {
  const [adding, setAdding] = useState(false);
  return (
    <section className="profile-section" aria-label="Contact points">
      <h3 className="profile-heading">Contact</h3>
      {profile.identities.length === 0 ? <p className="profile-empty">No way to reach them yet.</p> : null}
      <ul className="contacts">
        {profile.identities.map((identity) => (
          <IdentityRow key={identity.id} customerId={profile.id} identity={identity} />
        ))}
      </ul>
      {profile.erased ? null : adding ? (
        <AddContactForm customerId={profile.id} onDone={() => setAdding(false)} />
      ) : (
        <button type="button" className="link-button add-link" onClick={() => setAdding(true)}>
          + Add email or phone
        </button>
      )}
    </section>
  );
}
