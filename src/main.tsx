// Browser entry: zod without `new Function` first (the CSP forbids eval), then i18n (it picks the
// language and sets <html lang>), then mount the shell.
import './app/zodJitless.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './app/i18n/index.ts';
import { App } from './app/App.tsx';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
