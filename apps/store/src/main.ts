import { startBookingPage } from './bookingPage.ts';
import { langOf } from './i18n.ts';
import { startKiosk } from './kiosk.ts';
import { startTicketPage } from './ticketPage.ts';
import './store.css';
import './booking.css';

// The page says which one it is, and for what, in data attributes the server wrote.
const root = document.getElementById('store')!;
const { page, slug, token } = document.body.dataset;
const params = new URLSearchParams(location.search);
if (page === 'kiosk' && slug) startKiosk(root, slug, langOf(location.search), params.get('via') === 'phone' ? 'phone' : 'kiosk');
if (page === 'ticket' && token) startTicketPage(root, token, langOf(location.search));
if (page === 'book' && slug) startBookingPage(root, slug, langOf(location.search), params.get('appointment'));
