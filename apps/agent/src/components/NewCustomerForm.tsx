import { type FormEvent, useState } from 'react';
import { customersApi } from '../api/customers.ts';
import { navigate, paths } from '../router.tsx';
import { applyProfile } from '../state/customerActions.ts';
import { Field } from './Field.tsx';
import { FormFooter } from './FormFooter.tsx';

/** Adds someone who got in touch outside Warmline (a walk-in, a phone call), then opens their page. */
export function NewCustomerForm({ onCancel }: { onCancel: () => void }) {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [phone, setPhone] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim() && !email.trim() && !phone.trim()) {
      setError('Give at least a name, an email or a phone number.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const { customer } = await customersApi.create({
        ...(name.trim() ? { name: name.trim() } : {}),
        ...(email.trim() ? { email: email.trim() } : {}),
        ...(phone.trim() ? { phone: phone.trim() } : {}),
      });
      applyProfile(customer);
      navigate(paths.customer(customer.id));
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  };

  return (
    <form className="card new-customer" onSubmit={submit} noValidate data-testid="new-customer-form">
      <h2 className="card-title">Add a person</h2>
      <div className="new-customer-fields">
        <Field label="Name" value={name} onValue={setName} maxLength={200} autoFocus />
        <Field label="Email" type="email" value={email} onValue={setEmail} maxLength={320} />
        <Field label="Phone" type="tel" value={phone} onValue={setPhone} maxLength={40} />
      </div>
      <FormFooter error={error} busy={busy} onCancel={onCancel} submit={{ label: 'Add person', busyLabel: 'Adding…' }} />
    </form>
  );
}
