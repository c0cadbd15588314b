import { Alert, Button, Checkbox, Group, Loader, Modal, NumberInput, PasswordInput, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_PG_PORT, HOST_PATTERN, type TlsMode } from '../../../shared/serverConnection';
import { safeCall, useApi } from '../api';
import { useMenuCommand } from '../components/exporting';

interface FormValues {
  host: string;
  port: number | string;
  database: string;
  user: string;
  password: string;
  rememberPassword: boolean;
  tls: TlsMode;
}

const EMPTY: FormValues = { host: '', port: DEFAULT_PG_PORT, database: '', user: '', password: '', rememberPassword: false, tls: 'prefer' };

/**
 * Filer > Forbind til server…: host, port, database, user, password (kept encrypted only when
 * asked and the computer can), TLS. "Forbind" shows progress; an error is shown in the dialog
 * with every field kept; on success the window reloads onto the server's portfolio (its title
 * then names user, host and database). Loaded and mounted when the menu first asks for it
 * (ServerConnect.tsx), then it stays mounted.
 */
export function ServerConnectDialog() {
  const { t } = useTranslation();
  const api = useApi();
  const [opened, setOpened] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [keep, setKeep] = useState<{ passwordKept: boolean; canKeepPasswords: boolean; note: string | null }>({ passwordKept: false, canKeepPasswords: true, note: null });

  const form = useForm<FormValues>({
    mode: 'controlled',
    initialValues: EMPTY,
    validate: {
      host: (v) => (!v.trim() ? t('server.hostRequired') : HOST_PATTERN.test(v.trim()) ? null : t('server.hostInvalid')),
      port: (v) => (typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 65535 ? null : t('server.portInvalid')),
      database: (v) => (v.trim() ? null : t('server.databaseRequired')),
      user: (v) => (v.trim() ? null : t('server.userRequired')),
    },
  });

  const open = useCallback(() => {
    setError(null);
    setDone(null);
    setOpened(true);
    void safeCall(() => api.serverConnectForm({})).then((r) => {
      if (!r.ok) return;
      setKeep({ passwordKept: r.value.passwordKept, canKeepPasswords: r.value.canKeepPasswords, note: r.value.note });
      const c = r.value.connection;
      if (c) form.setValues({ host: c.host, port: c.port, database: c.database, user: c.user, tls: c.tls, password: '', rememberPassword: r.value.passwordKept });
    });
    // `form` is stable for the dialog's life; only the menu opens it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api]);
  useMenuCommand('connectServer', open);

  const submit = form.onSubmit(async (values) => {
    setBusy(true);
    setError(null);
    const r = await safeCall(() =>
      api.serverConnect({
        connection: { host: values.host.trim(), port: Number(values.port), database: values.database.trim(), user: values.user.trim(), tls: values.tls },
        password: values.password || undefined,
        rememberPassword: values.rememberPassword,
      }),
    );
    if (!r.ok) {
      setBusy(false);
      // The contract's field errors beside their fields; the server's answer above the buttons.
      for (const issue of r.error.issues ?? []) form.setFieldError(issue.path.replace(/^connection\./, ''), issue.message);
      setError(r.error.message);
      return;
    }
    setDone(r.value.note ? `${t('server.opening', { label: r.value.label })} ${r.value.note}` : t('server.opening', { label: r.value.label }));
    // The server's portfolio is open in main: start the window over on its front page.
    window.setTimeout(() => {
      window.location.hash = '#/';
      window.location.reload();
    }, r.value.note ? 2500 : 300);
  });

  return (
    <Modal opened={opened} onClose={() => !busy && setOpened(false)} title={t('server.title')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm">{t('server.intro')}</Text>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <TextInput label={t('server.host')} placeholder={t('server.hostPlaceholder')} required withAsterisk autoFocus {...form.getInputProps('host')} style={{ gridColumn: 'span 2' }} />
            <NumberInput label={t('server.port')} required withAsterisk min={1} max={65535} allowDecimal={false} allowNegative={false} thousandSeparator="" hideControls {...form.getInputProps('port')} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput label={t('server.database')} required withAsterisk {...form.getInputProps('database')} />
            <TextInput label={t('server.user')} required withAsterisk autoComplete="username" {...form.getInputProps('user')} />
          </SimpleGrid>
          <PasswordInput
            label={t('server.password')}
            description={keep.passwordKept ? t('server.passwordKept') : undefined}
            autoComplete="current-password"
            {...form.getInputProps('password')}
          />
          <Checkbox
            label={t('server.remember')}
            description={keep.canKeepPasswords ? t('server.rememberHint') : keep.note}
            disabled={!keep.canKeepPasswords}
            {...form.getInputProps('rememberPassword', { type: 'checkbox' })}
          />
          <Select
            label={t('server.tls')}
            description={t('server.tlsHint')}
            allowDeselect={false}
            data={[
              { value: 'prefer', label: t('server.tlsPrefer') },
              { value: 'require', label: t('server.tlsRequire') },
              { value: 'off', label: t('server.tlsOff') },
            ]}
            {...form.getInputProps('tls')}
          />
          {error && (
            <Alert color="red" title={t('server.failed')} role="alert">
              {error}
            </Alert>
          )}
          {done && (
            <Alert color="green" role="status">
              {done}
            </Alert>
          )}
          {busy && !done && (
            <Group gap="xs" role="status">
              <Loader size="xs" />
              <Text size="sm">{t('server.connecting', { host: form.values.host.trim() })}</Text>
            </Group>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpened(false)} disabled={busy}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('server.connect')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
