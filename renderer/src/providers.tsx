import { MantineProvider } from '@mantine/core';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import type { i18n as I18n } from 'i18next';
import { useMemo, type ReactNode } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import type { ApiClient } from '../../shared/contracts';
import { ApiContext } from './api';
import { LiveProvider } from './live';
import { RightsProvider } from './rights';
import { cssVariablesResolver, themeFor } from './theme';

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
    <I18nextProvider i18n={i18n}>
      <ThemeProvider env={env}>
        <ApiContext.Provider value={api}>
          <ModalsProvider>
            <Notifications position="bottom-right" limit={4} />
            <LiveProvider>
              <RightsProvider>{children}</RightsProvider>
            </LiveProvider>
          </ModalsProvider>
        </ApiContext.Provider>
      </ThemeProvider>
    </I18nextProvider>
  );
}

/** Mantine's provider with the theme in the UI language (it names the close buttons). */
function ThemeProvider({ env, children }: { env: 'default' | 'test'; children: ReactNode }) {
  const { t } = useTranslation();
  const closeLabel = t('common.close');
  const theme = useMemo(() => themeFor(closeLabel), [closeLabel]);
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light" env={env}>
      {children}
    </MantineProvider>
  );
}
