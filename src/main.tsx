import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { changeLanguage } from './i18n';
import { isLang } from './lib/lang';
import './styles/index.css';

// Render the first page in its own language straight away, not English first.
const first = window.location.pathname.split('/')[1];
if (isLang(first)) {
  changeLanguage(first);
  document.documentElement.lang = first;
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
// A transition lets React render the first page in small slices instead of one long task, so the
// main thread stays responsive while the course starts (Total Blocking Time).
startTransition(() => {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
