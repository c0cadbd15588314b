import { Badge, Box, Group, Kbd, Paper, Popover, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MATCH_END, MATCH_START } from '../../../../shared/search/marks';
import type { SearchHit } from '../../../../shared/search/types';
import { safeCall, useApi } from '../../api';
import type { ProjectTab, Route } from '../../router';

/** The snippet with its matched words as <mark>. */
function Snippet({ text }: { text: string }) {
  const parts = text.split(new RegExp(`(${MATCH_START}[^${MATCH_END}]*${MATCH_END})`, 'u'));
  return (
    <>
      {parts.map((p, i) =>
        p.startsWith(MATCH_START) ? <mark key={i}>{p.slice(1, -1)}</mark> : <span key={i}>{p}</span>,
      )}
    </>
  );
}

/** The first matched word of a hit: what the project view looks for to land on the field. */
export function matchedWord(hit: SearchHit): string {
  const m = new RegExp(`${MATCH_START}([^${MATCH_END}]*)${MATCH_END}`, 'u').exec(hit.snippet);
  return m ? m[1] : '';
}

/** True when a key press is typing into a field (then "/" is text, not the shortcut). */
function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable);
}

/**
 * Search across the portfolio, in the app shell: Ctrl+K (Cmd+K) or "/" focuses it; results come
 * from main (FTS5) as you type; arrow keys move, Enter opens the place, Escape closes.
 */
export function SearchBox({ navigate }: { navigate: (route: Route) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const input = useRef<HTMLInputElement>(null);
  const listId = useId();
  const [text, setText] = useState('');
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);

  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k') || (e.key === '/' && !typing(e.target))) {
        e.preventDefault();
        input.current?.focus();
        input.current?.select();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    const query = text.trim();
    if (!query) return;
    let live = true;
    // A short pause, so that typing a word asks once, not per letter.
    const timer = setTimeout(() => {
      void safeCall(() => api.portfolioSearch({ text: query.slice(0, 200) })).then((r) => {
        if (!live) return;
        if (r.ok) {
          setHits(r.value);
          setError(null);
        } else setError(r.error.message);
        setActive(0);
      });
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, text]);

  const go = (hit: SearchHit) => {
    setOpen(false);
    input.current?.blur();
    navigate({ name: 'project', projectId: hit.projectId, tab: hit.tab as ProjectTab, evaluationId: hit.evaluationId, find: matchedWord(hit) || text.trim() });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const count = hits?.length ?? 0;
    if (e.key === 'ArrowDown' && count) {
      e.preventDefault();
      setOpen(true);
      setActive((a) => (a + 1) % count);
    } else if (e.key === 'ArrowUp' && count) {
      e.preventDefault();
      setActive((a) => (a - 1 + count) % count);
    } else if (e.key === 'Enter' && hits && hits[active]) {
      e.preventDefault();
      go(hits[active]);
    } else if (e.key === 'Escape') {
      setOpen(false);
    }
  };

  const shown = open && text.trim() !== '' && (hits !== null || error !== null);
  const optionId = (i: number) => `${listId}-${i}`;
  return (
    <Popover opened={shown} position="bottom-start" width={520} shadow="md" trapFocus={false} returnFocus={false} onChange={setOpen}>
      <Popover.Target>
        <TextInput
          ref={input}
          w={320}
          size="sm"
          leftSection={<IconSearch size={16} aria-hidden />}
          rightSection={<Kbd size="xs">Ctrl K</Kbd>}
          rightSectionWidth={58}
          placeholder={t('search.placeholder')}
          aria-label={t('search.label')}
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={shown}
          aria-controls={listId}
          aria-activedescendant={shown && hits && hits.length > 0 ? optionId(active) : undefined}
          value={text}
          onChange={(e) => {
            const value = e.currentTarget.value;
            setText(value);
            setOpen(true);
            if (!value.trim()) {
              setHits(null);
              setError(null);
            }
          }}
          onFocus={() => setOpen(true)}
          onKeyDown={onKeyDown}
        />
      </Popover.Target>
      <Popover.Dropdown p={4}>
        {error ? (
          <Text c="red" size="sm" p="xs" role="alert">
            {error}
          </Text>
        ) : hits && hits.length === 0 ? (
          <Text size="sm" p="xs" c="dimmed" role="status">
            {t('search.none', { text: text.trim() })}
          </Text>
        ) : (
          <Box id={listId} role="listbox" aria-label={t('search.results')} mah={420} style={{ overflowY: 'auto' }}>
            <Stack gap={2}>
              {(hits ?? []).map((hit, i) => (
                <UnstyledButton
                  key={`${hit.kind}:${hit.ref}`}
                  id={optionId(i)}
                  role="option"
                  aria-selected={i === active}
                  tabIndex={-1}
                  // Keep the focus in the box: a click must not blur it before it opens the place.
                  onMouseDown={(e) => e.preventDefault()}
                  onMouseEnter={() => setActive(i)}
                  onClick={() => go(hit)}
                >
                  <Paper p="xs" bg={i === active ? 'var(--mantine-color-blue-light)' : undefined}>
                    <Group justify="space-between" wrap="nowrap" gap="xs">
                      <Text size="sm" fw={600} truncate>
                        {hit.projectName}
                      </Text>
                      <Badge size="xs" variant="light" style={{ flexShrink: 0 }}>
                        {t(`tabs.${hit.tab}`)} · {t(`search.kinds.${hit.kind}`)}
                      </Badge>
                    </Group>
                    <Text size="xs" lineClamp={2}>
                      <Snippet text={hit.snippet} />
                    </Text>
                  </Paper>
                </UnstyledButton>
              ))}
            </Stack>
          </Box>
        )}
      </Popover.Dropdown>
    </Popover>
  );
}
