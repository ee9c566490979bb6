import './noEval.ts';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { queryClient } from './api/queryClient.ts';
import { unlockAudioOnFirstGesture } from './state/alerts.ts';
import { bootSession } from './state/session.ts';
import { setState } from './state/store.ts';
import './styles/base.css';
import './styles/auth.css';
import './styles/shell.css';
import './styles/inbox.css';
import './styles/conversation.css';
import './styles/team.css';
import './styles/routing.css';
import './styles/profile.css';
import './styles/customers.css';
import './styles/search.css';
import './styles/settings.css';
import './styles/coach.css';
import './styles/empathy.css';
import './styles/phone.css';
import './styles/email.css';
import './styles/calls.css';
import './styles/savedReplies.css';
import './styles/attachments.css';
import './styles/delight.css';

function trackFocus(): void {
  const update = () => setState({ focused: document.hasFocus() && document.visibilityState === 'visible' });
  window.addEventListener('focus', update);
  window.addEventListener('blur', update);
  document.addEventListener('visibilitychange', update);
  update();
}

trackFocus();
unlockAudioOnFirstGesture();
bootSession();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
