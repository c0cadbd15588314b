// First: asks main for the portfolio's first page before the other modules are evaluated.
import './early';
import '@mantine/core/styles.css';
import '@mantine/charts/styles.css';
import '@mantine/notifications/styles.css';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { windowApi } from './api';
import { installAppValidation } from './components/validation';
import { createI18n } from './i18n';
import { AppProviders } from './providers';

const i18n = createI18n();
const api = windowApi();
installAppValidation(document);
const root = document.getElementById('root');
if (!root) throw new Error('#root is missing');

createRoot(root).render(
  <StrictMode>
    <AppProviders api={api} i18n={i18n}>
      <App />
    </AppProviders>
  </StrictMode>,
);
