import { Alert, AppShell, Anchor, Box, Group, SegmentedControl, Text, Title, UnstyledButton } from '@mantine/core';
import { IconTrafficLights } from '@tabler/icons-react';
import { useContext, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiContext } from './api';
import { MENU_COMMAND_EVENT } from './components/exporting';
import { rememberLanguage, type Language } from './i18n';
import { useRoute } from './router';
import { MethodologyView } from './views/MethodologyView';
import { PortfolioView } from './views/PortfolioView';
import { ProjectView } from './views/project/ProjectView';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('app.language')}
      value={i18n.language === 'en' ? 'en' : 'da'}
      data={[
        { value: 'da', label: 'Dansk' },
        { value: 'en', label: 'English' },
      ]}
      onChange={(value) => {
        const language = value as Language;
        rememberLanguage(language);
        void i18n.changeLanguage(language);
      }}
    />
  );
}

export function App() {
  const { t } = useTranslation();
  const [route, navigate] = useRoute();

  useEffect(() => {
    // Electron's menu ("Hjælp > Sådan scorer vi") sends commands; the browser preview has none.
    return window.appEvents?.onMenuCommand((command) => {
      if (command === 'methodology') navigate({ name: 'methodology' });
      else window.dispatchEvent(new CustomEvent(MENU_COMMAND_EVENT, { detail: command }));
    });
  }, [navigate]);

  useEffect(() => {
    document.title = t('app.title');
  }, [t]);

  const hasApi = !!useContext(ApiContext);

  return (
    <AppShell header={{ height: 56 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <UnstyledButton onClick={() => navigate({ name: 'portfolio' })} aria-label={t('nav.portfolio')}>
            <Group gap="xs" wrap="nowrap">
              <IconTrafficLights size={26} aria-hidden />
              <Title order={1} size="h3">
                {t('app.title')}
              </Title>
            </Group>
          </UnstyledButton>
          <Group gap="lg" wrap="nowrap" component="nav" aria-label={t('nav.main')}>
            <Anchor
              href="#/"
              fw={route.name === 'portfolio' ? 700 : 500}
              aria-current={route.name === 'portfolio' ? 'page' : undefined}
            >
              {t('nav.portfolio')}
            </Anchor>
            <Anchor
              href="#/methodology"
              fw={route.name === 'methodology' ? 700 : 500}
              aria-current={route.name === 'methodology' ? 'page' : undefined}
            >
              {t('nav.methodology')}
            </Anchor>
            <LanguageSwitch />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Main>
        <Box maw={1600} mx="auto">
          {!hasApi ? (
            <Alert color="red" title={t('errors.noApiTitle')}>
              <Text>{t('errors.noApi')}</Text>
            </Alert>
          ) : route.name === 'methodology' ? (
            <MethodologyView />
          ) : route.name === 'project' ? (
            <ProjectView
              key={route.projectId}
              projectId={route.projectId}
              evaluationId={route.evaluationId}
              tab={route.tab}
              navigate={navigate}
            />
          ) : (
            <PortfolioView navigate={navigate} />
          )}
        </Box>
      </AppShell.Main>
    </AppShell>
  );
}
