import { SignedInAs } from './rights';
import { Alert, AppShell, Anchor, Box, Center, Group, Loader, SegmentedControl, Text, Title, UnstyledButton } from '@mantine/core';
import { IconTrafficLights } from '@tabler/icons-react';
import { lazy, Suspense, useCallback, useContext, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { portfolioTitle } from '../../shared/portfolioTitle';
import { ApiContext, safeCall } from './api';
import { sendMenuCommand, useExport, useMenuCommand } from './components/exporting';
import { rememberLanguage, type Language } from './i18n';
import { useRoute } from './router';
import { PortfolioView } from './views/PortfolioView';
import { ServerConnect } from './views/ServerConnect';
import { SearchBox } from './views/search/SearchBox';
import { useLandOnField } from './views/search/landOnField';

// The portfolio is the first screen; the other views load when first opened, so their code
// (the project view with its charts and dialogs above all) is not parsed before the first paint.
const MethodologyView = lazy(() => import('./views/MethodologyView').then((m) => ({ default: m.MethodologyView })));
const RecycleBinView = lazy(() => import('./views/RecycleBinView').then((m) => ({ default: m.RecycleBinView })));
const ProjectView = lazy(() => import('./views/project/ProjectView').then((m) => ({ default: m.ProjectView })));

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

/** Menu commands that belong to no view: File > Save template. */
function GlobalCommands() {
  const { saveTemplate } = useExport();
  const run = useCallback(() => void saveTemplate(), [saveTemplate]);
  useMenuCommand('saveTemplate', run);
  return null;
}

/**
 * The title names the open portfolio: "Trafiklys – user@host/database" on a server, the file's
 * name for SQLite (Electron's window title follows the page's). Its own component, so that
 * portfolio:info's answer (it comes while the first screen is built) renders nothing but this,
 * not the whole app again (issue 12, first paint).
 */
function DocumentTitle() {
  const { t } = useTranslation();
  const api = useContext(ApiContext);
  const [opened, setOpened] = useState<{ label: string; readOnly: boolean } | null>(null);
  useEffect(() => {
    if (!api) return;
    let live = true;
    void safeCall(() => api.portfolioInfo({})).then((r) => {
      if (live && r.ok && r.value.label) setOpened({ label: r.value.label, readOnly: !!r.value.readOnly });
    });
    return () => {
      live = false;
    };
  }, [api]);
  useEffect(() => {
    document.title = opened ? portfolioTitle(opened.label, opened.readOnly) : t('app.title');
  }, [t, opened]);
  return null;
}

export function App() {
  const { t } = useTranslation();
  const [route, navigate] = useRoute();
  const onMethodology = route.name === 'methodology';

  useEffect(() => {
    // Electron's menu ("Hjælp > Sådan scorer vi", "Filer > Importér ...") sends commands; the
    // browser preview has none.
    return window.appEvents?.onMenuCommand((command) => {
      if (command === 'methodology') navigate({ name: 'methodology' });
      else if ((command === 'import' || command === 'exportPortfolio') && onMethodology) {
        // The portfolio handles these; it opens the import wizard (or exports) once it is shown.
        sendMenuCommand(command, true);
        navigate({ name: 'portfolio' });
      } else sendMenuCommand(command);
    });
  }, [navigate, onMethodology]);

  const api = useContext(ApiContext);
  const hasApi = !!api;

  useLandOnField(route.name === 'project' ? route.find : undefined, window.location.hash);

  return (
    <AppShell header={{ height: 56 }} padding="md">
      <DocumentTitle />
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          {/* The name starts with the visible "Trafiklys" (WCAG 2.5.3, label in name) and says where it goes. */}
          <UnstyledButton onClick={() => navigate({ name: 'portfolio' })} aria-label={t('nav.home', { title: t('app.title') })}>
            <Group gap="xs" wrap="nowrap">
              <IconTrafficLights size={26} aria-hidden />
              <Title order={1} size="h3">
                {t('app.title')}
              </Title>
            </Group>
          </UnstyledButton>
          {hasApi && (
            <Box role="search" visibleFrom="sm">
              <SearchBox navigate={navigate} />
            </Box>
          )}
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
            <Anchor
              href="#/recycle-bin"
              fw={route.name === 'recycleBin' ? 700 : 500}
              aria-current={route.name === 'recycleBin' ? 'page' : undefined}
            >
              {t('recycleBin.nav')}
            </Anchor>
            <SignedInAs />
            <LanguageSwitch />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Main>
        {hasApi && <GlobalCommands />}
        {hasApi && <ServerConnect />}
        <Box maw={1600} mx="auto">
          <Suspense
            fallback={
              <Center py="xl">
                <Loader aria-label={t('app.loadingView')} />
              </Center>
            }
          >
          {!hasApi ? (
            <Alert color="red" title={t('errors.noApiTitle')}>
              <Text>{t('errors.noApi')}</Text>
            </Alert>
          ) : route.name === 'methodology' ? (
            <MethodologyView />
          ) : route.name === 'recycleBin' ? (
            <RecycleBinView />
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
          </Suspense>
        </Box>
      </AppShell.Main>
    </AppShell>
  );
}
