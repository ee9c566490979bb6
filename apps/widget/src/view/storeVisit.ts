import type { StoreAvailability, StoreLocation } from '../api.ts';
import type { StoreVisits } from '../storeVisits.ts';
import { nextDays, timeGroups } from '../storeVisitTimes.ts';
import { emailProblem, phoneProblem } from '../text.ts';
import { h, say, setText, show } from './dom.ts';

const field = (label: string, control: HTMLElement, optional = false) =>
  h('label', {}, h('b', {}, label, optional && h('span', { text: ' (optional)' })), control);

/** Replace a select's options, keeping the visitor's pick when it is still offered. */
function fill(select: HTMLSelectElement, options: Array<{ value: string; text: string }>) {
  const keep = select.value;
  select.replaceChildren(...options.map((o) => h('option', o)));
  if (options.some((o) => o.value === keep)) select.value = keep;
}

/**
 * "See someone in a store": the store (when there are several), the service, a day in the store's calendar, whom
 * (anyone by default) and a free time; booked on the conversation, whose story goes with it.
 */
export function createStoreVisitForm(visits: StoreVisits) {
  const store = h('select', { name: 'store', 'data-testid': 'wl-visit-store' });
  const service = h('select', { name: 'service', 'data-testid': 'wl-visit-service' });
  const day = h('select', { name: 'day', 'data-testid': 'wl-visit-day' });
  const person = h('select', { name: 'person', 'data-testid': 'wl-visit-person' });
  const time = h('select', { name: 'time', 'data-testid': 'wl-visit-time', 'aria-describedby': 'wl-visit-hint' });
  const contact = h('input', {
    type: 'text',
    name: 'contact',
    autocomplete: 'email',
    maxlength: 120,
    'data-testid': 'wl-visit-contact',
    'aria-describedby': 'wl-visit-contact-error',
    placeholder: 'Email or phone number',
  });
  const where = h('p', { class: 'hint', 'data-testid': 'wl-visit-where' });
  const hint = h('p', { class: 'hint', id: 'wl-visit-hint', 'aria-live': 'polite', hidden: true });
  const retry = h('button', { class: 'link', type: 'button', text: 'Try again', hidden: true, onclick: () => void loadTimes() });
  const contactError = h('p', { class: 'err', id: 'wl-visit-contact-error', role: 'alert', hidden: true });
  const error = h('p', { class: 'err', role: 'alert', hidden: true });
  const submit = h('button', { class: 'btn', type: 'submit', 'data-testid': 'wl-visit-submit', text: 'Book this time' });
  const storeField = field('Store', store);
  const contactField = field('Email or phone for a reminder', contact, true);
  show(contactField, !visits.knowsContact);
  let stores: StoreLocation[] = [];
  let free: StoreAvailability | null = null;
  let asked = 0; // the latest request for times: an answer to an older one is dropped
  let busy = false;

  const el = h(
    'form',
    {
      class: 'form',
      novalidate: true,
      'aria-label': 'See someone in a store',
      hidden: true,
      onsubmit: (e) => {
        e.preventDefault();
        void send();
      },
    },
    h('p', { text: 'Pick a time to see someone in person. They’ll have this chat in front of them.' }),
    storeField,
    where,
    field('What is it about?', service),
    h('div', { class: 'pair' }, field('Day', day), field('With', person)),
    field('Time', time),
    h('div', { class: 'hintrow' }, hint, retry),
    contactField,
    contactError,
    error,
    submit,
  );

  const current = () => stores.find((s) => s.id === store.value) ?? stores[0];

  /** Open the form on the stores known to take visits (read before the choice was shown). */
  function load(known: StoreLocation[]) {
    stores = known;
    fill(
      store,
      stores.map((s) => ({ value: s.id, text: s.name })),
    );
    show(storeField, stores.length > 1);
    storeChosen();
  }

  function storeChosen() {
    const s = current();
    if (!s) return;
    setText(where, s.address ? `${s.name} · ${s.address}` : s.name);
    fill(
      service,
      s.services.map((x) => ({ value: x.id, text: x.name })),
    );
    fill(
      day,
      nextDays(new Date(), s.timezone).map((d) => ({ value: d.date, text: d.label })),
    );
    void loadTimes();
  }

  async function loadTimes() {
    const s = current();
    if (!s || !service.value || !day.value) return;
    const n = ++asked;
    say(hint, 'Finding times…');
    show(retry, false);
    time.disabled = true;
    const res = await visits.availability(s, service.value, day.value);
    if (n !== asked) return;
    time.disabled = false;
    free = 'error' in res ? null : res;
    if ('error' in res) {
      time.replaceChildren();
      say(hint, res.error);
      show(retry, true);
      return;
    }
    fill(person, [{ value: '', text: 'Anyone free' }, ...res.staff.map((p) => ({ value: p.id, text: p.displayName }))]);
    fillTimes();
  }

  function fillTimes() {
    const keep = time.value;
    const groups = free ? timeGroups(free.slots, free.timezone, person.value || null) : [];
    time.replaceChildren(
      ...groups.map((g) =>
        h('optgroup', { label: g.label }, ...g.times.map((t) => h('option', { value: t.start, text: t.label }))),
      ),
    );
    if (groups.some((g) => g.times.some((t) => t.start === keep))) time.value = keep;
    const named = person.value ? person.selectedOptions[0]?.text : null;
    say(
      hint,
      groups.length
        ? null
        : named
          ? `${named} has no free times that day. Try another day, or anyone free.`
          : 'No free times that day. Please try another day.',
    );
  }

  function contactFail(message: string | null) {
    say(contactError, message);
    contact.setAttribute('aria-invalid', String(!!message));
    if (message) contact.focus();
  }

  async function send() {
    const s = current();
    if (busy || !s) return;
    if (!time.value) {
      say(error, 'Please choose a time.');
      time.focus();
      return;
    }
    const reach = contact.value.trim();
    const problem = reach ? (reach.includes('@') ? emailProblem(reach) : phoneProblem(reach)) : null;
    contactFail(problem);
    if (problem) return;
    say(error, null);
    busy = true;
    submit.setAttribute('aria-disabled', 'true');
    setText(submit, 'Booking…');
    const res = await visits.book({
      locationId: s.id,
      serviceId: service.value,
      start: time.value,
      agentId: person.value || null,
      contact: reach,
    });
    // Booked: the chat shows the server's sentence and the card goes; until then the button says so.
    setText(submit, res ? 'Book this time' : 'Booked');
    if (!res) return;
    busy = false;
    submit.removeAttribute('aria-disabled');
    if (!res.taken) return say(error, res.message);
    await loadTimes();
    // Calmly, beside the times (not as an error): unless there are none left that day, which the hint then says.
    if (hint.hidden) say(hint, res.message);
    time.focus({ preventScroll: true });
    submit.scrollIntoView({ block: 'nearest' }); // the message, the new times and the button in sight together
  }

  store.addEventListener('change', storeChosen);
  service.addEventListener('change', () => void loadTimes());
  day.addEventListener('change', () => void loadTimes());
  person.addEventListener('change', fillTimes);
  time.addEventListener('change', () => say(error, null));
  contact.addEventListener('input', () => {
    if (!contactError.hidden) contactFail(null);
  });

  return {
    el,
    load,
    get first(): HTMLElement {
      return storeField.hidden ? service : store;
    },
  };
}
