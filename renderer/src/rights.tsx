import { Badge, Tooltip } from '@mantine/core';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { refusal, type TeamRights } from '../../shared/team/rights';
import { safeCall, useApi } from './api';
import { RightsLockProvider } from './components/lock';

/**
 * What the user of a team server may change (issue 13): asked of main once; fields the user may
 * not change are read-only with the reason (the same padlock as a final round's), before they
 * type, rather than refused by the server after. On a file (null rights) everything is open.
 */
const RightsContext = createContext<TeamRights | null>(null);

export function RightsProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const [rights, setRights] = useState<TeamRights | null>(null);
  useEffect(() => {
    let live = true;
    void safeCall(() => api.sessionRights({})).then((r) => {
      // Only rights of the shape main sends count; anything else (no team server) is "everything".
      if (live && r.ok) setRights(r.value && Array.isArray(r.value.writable) && Array.isArray(r.value.roles) ? r.value : null);
    });
    return () => {
      live = false;
    };
  }, [api]);
  return <RightsContext.Provider value={rights}>{children}</RightsContext.Provider>;
}

export function useRights(): TeamRights | null {
  return useContext(RightsContext);
}

/** Why the user may not change `table` of the project, in the UI's language; null when they may. */
export function useRefusalReason(table: string, projectId: number | null): string | null {
  const { t } = useTranslation();
  const rights = useRights();
  const why = refusal(rights, table, projectId);
  if (!why || !rights) return null;
  const subject = t(`rights.subject.${table}`, { defaultValue: table });
  const mine = rights.roles.map((r) => t(`rights.roleName.${r}`)).join(', ');
  if (why.kind === 'assignment') return t('rights.notAssigned', { user: rights.user, subject });
  return t('rights.notRole', { user: rights.user, mine, subject, roles: why.roles.map((r) => t(`rights.roleName.${r}`)).join(t('rights.or')) || t('rights.roleName.admin') });
}

/**
 * The fields inside are read-only, with the reason, when the user may not change `table` (a final
 * round's lock comes first, components/lock.tsx). Nested, the inner names the table its section
 * writes: a tab's text the evaluator writes inside a tab of the case officer's.
 */
export function RightsLock({ table, projectId, children }: { table: string; projectId: number; children: ReactNode }) {
  const reason = useRefusalReason(table, projectId);
  return <RightsLockProvider reason={reason}>{children}</RightsLockProvider>;
}

/** "Logget ind som ane (leder)" in the header on a team server. */
export function SignedInAs() {
  const { t } = useTranslation();
  const rights = useRights();
  if (!rights) return null;
  const roles = rights.roles.map((r) => t(`rights.roleName.${r}`)).join(', ');
  return (
    <Tooltip label={t('rights.signedInHint')} multiline w={280}>
      <Badge variant="light" color="gray" data-testid="signed-in-as">
        {t('rights.signedIn', { user: rights.user, roles })}
      </Badge>
    </Tooltip>
  );
}
