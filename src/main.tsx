// Browser entry: zod without `new Function` first (the CSP forbids eval), then i18n (it picks the
// language and loads its catalog), then mount the shell once that catalog is in, so the first render
// already has its texts.
import './app/zodJitless.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { languageReady } from './app/i18n/index.ts';
import { App } from './app/App.tsx';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

const mount = () =>
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );

languageReady.then(mount, (error: unknown) => {
  // The catalog could not be fetched (offline, a redeploy meanwhile): the app still opens, in what texts
  // it has, and the console says why.
  console.error('Journey Lab: the language could not be loaded.', error);
  mount();
});
