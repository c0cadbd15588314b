import { MantineProvider } from '@mantine/core';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import type { i18n as I18n } from 'i18next';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { ApiClient } from '../../shared/contracts';
import { ApiContext } from './api';
import { theme } from './theme';

export interface AppProvidersProps {
  api: ApiClient;
  i18n: I18n;
  children: ReactNode;
  /** 'test' disables transitions and portals (jsdom). */
  env?: 'default' | 'test';
}

/** Everything a view needs around it: theme, translations, the api client, notifications, modals. */
export function AppProviders({ api, i18n, children, env = 'default' }: AppProvidersProps) {
  return (
    <MantineProvider theme={theme} defaultColorScheme="light" env={env}>
      <I18nextProvider i18n={i18n}>
        <ApiContext.Provider value={api}>
          <ModalsProvider>
            <Notifications position="bottom-right" limit={4} />
            {children}
          </ModalsProvider>
        </ApiContext.Provider>
      </I18nextProvider>
    </MantineProvider>
  );
}
