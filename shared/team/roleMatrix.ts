/**
 * Who may do what on a portfolio on a PostgreSQL server (issue 13, "enforced by the server"):
 * four group roles (NOLOGIN), GRANTs per table generated from ONE matrix (ROLE_MATRIX, which the
 * tests iterate too), and row-level security on the per-project tables by assignment
 * (project_assignments, migration 010). Made by `server init`; idempotent.
 *
 * Derived tables: the search index (search_docs) and the kept figures' revision are written by
 * the migrations' triggers, which `server init` makes SECURITY DEFINER (they run as the table
 * owner, the admin who ran init), so any role that may write a row also keeps the derived rows
 * right, and no role gets a direct write on search_docs. The kept figures' cache (project_figures)
 * is written by those who write (evaluator, case officer, admin); a reader (manager) computes stale
 * figures in memory and does not write them (the store asks has_table_privilege once): a manager
 * must not be able to write any table, and a cache that only readers would fill is not worth a
 * definer function that anyone could call with made-up figures.
 */

export type TeamRole = 'evaluator' | 'case-officer' | 'manager' | 'admin';
export const TEAM_ROLES: readonly TeamRole[] = ['evaluator', 'case-officer', 'manager', 'admin'];
export type Privilege = 'SELECT' | 'INSERT' | 'UPDATE' | 'DELETE';

const READ: Privilege[] = ['SELECT'];
const WRITE: Privilege[] = ['SELECT', 'INSERT', 'UPDATE', 'DELETE'];
const APPEND: Privilege[] = ['SELECT', 'INSERT'];
const KEEP: Privilege[] = ['SELECT', 'INSERT', 'UPDATE'];

/** Danish names of what a table holds, for "Du har ikke retten til at ændre …". */
export const TABLE_SUBJECT: Record<string, string> = {
  settings: 'porteføljens indstillinger og metodeprofil',
  projects: 'projektets fakta',
  effect_chain_items: 'effektkæden',
  evaluations: 'evalueringsrunder',
  goals: 'mål',
  status_reports: 'status på mål',
  implementation_scores: 'implementeringsscorer',
  light_decisions: 'lysvurderinger',
  survey_indicators: 'surveyindikatorer',
  budget_lines: 'budgetlinjer',
  financing_sources: 'finansiering',
  learning_points: 'læringspunkter og anbefalinger',
  audit_log: 'historikken',
  indicators: 'indikatorer',
  evaluation_texts: 'evalueringstekster',
  evaluation_sign_offs: 'afslutning (sign-off) af runder',
  project_figures: 'de gemte nøgletal',
  business_cases: 'business case',
  profile_versions: 'metodeprofilen',
  recycle_bin: 'papirkurven',
  source_files: 'kildefiler (import)',
  project_sources: 'projektets kilder (import)',
  search_docs: 'søgeindekset',
  spending_years: 'forbrug pr. år',
  project_assignments: 'tildelinger af projekter',
  evaluation_progress: 'rundens budget- og tidstal og godkendelsen af dem',
  trafiklys_schema: 'databasens skemaversion',
};

/** Danish role names, for messages and `server user list`. */
export const ROLE_LABEL: Record<TeamRole, string> = {
  evaluator: 'evaluator',
  'case-officer': 'sagsbehandler',
  manager: 'leder',
  admin: 'administrator',
};

/**
 * The matrix: role -> table -> privileges. A table not named for a role is SELECT only (every
 * role reads everything). Everyone who writes appends to the audit log (never changes it).
 * Evaluator: scores, lights, texts, learning points, survey, sign-off (and the round itself, whose
 * date and evaluator they set). Case officer: project facts, effect chain, goals, statuses, budget
 * and time (budget lines, financing, spending by year, the round's reported budget/time), business
 * case, imports (source files), the recycle bin of deleted goals, indicators, and the approval of
 * reported figures (migration 013 keeps it in status_reports and evaluations, which the case
 * officer writes: no table of its own). Manager: reads.
 * Admin: users (assignments), the methodology profile (settings, profile versions), and all writes.
 */
export const ROLE_MATRIX: Record<TeamRole, Record<string, Privilege[]>> = {
  evaluator: {
    evaluations: KEEP,
    implementation_scores: WRITE,
    light_decisions: WRITE,
    evaluation_texts: WRITE,
    learning_points: WRITE,
    survey_indicators: WRITE,
    evaluation_sign_offs: WRITE,
    audit_log: APPEND,
    project_figures: KEEP,
  },
  'case-officer': {
    projects: WRITE,
    effect_chain_items: WRITE,
    evaluations: WRITE,
    goals: WRITE,
    status_reports: WRITE,
    budget_lines: WRITE,
    financing_sources: WRITE,
    spending_years: WRITE,
    business_cases: WRITE,
    indicators: WRITE,
    recycle_bin: WRITE,
    source_files: APPEND,
    project_sources: WRITE,
    audit_log: APPEND,
    project_figures: KEEP,
  },
  manager: {},
  admin: {
    settings: WRITE,
    profile_versions: WRITE,
    project_assignments: WRITE,
    projects: WRITE,
    effect_chain_items: WRITE,
    evaluations: WRITE,
    goals: WRITE,
    status_reports: WRITE,
    implementation_scores: WRITE,
    light_decisions: WRITE,
    survey_indicators: WRITE,
    budget_lines: WRITE,
    financing_sources: WRITE,
    learning_points: WRITE,
    indicators: WRITE,
    evaluation_texts: WRITE,
    evaluation_sign_offs: WRITE,
    business_cases: WRITE,
    recycle_bin: WRITE,
    source_files: WRITE,
    project_sources: WRITE,
    spending_years: WRITE,
    audit_log: APPEND,
    project_figures: WRITE,
  },
};

/**
 * Columns of a table that only some of the roles who write the table may change. The server
 * grants the other writers UPDATE on the remaining columns only (`server init`), and the UI
 * names the subject like a table. The evaluator writes the round (its type, date, evaluator and
 * overall status) but its reported budget and time, and the approval of them (migration 013),
 * are the case officer's, as the issue gives it ("case officer: budget and time, approvals").
 */
export const OWNED_COLUMNS: Record<string, { table: string; roles: TeamRole[]; columns: string[] }> = {
  evaluation_progress: {
    table: 'evaluations',
    roles: ['case-officer', 'admin'],
    columns: [
      'budget_spent_ore',
      'budget_total_reported_ore',
      'months_elapsed_reported',
      'months_total_reported',
      'progress_reported_by',
      'progress_reported_at',
      'progress_approval_state',
      'progress_approval_by',
      'progress_approval_at',
      'progress_approval_comment',
    ],
  },
};

/** The owned columns of `table` that `role` may not change, though it may update the table. */
export function columnsDenied(role: TeamRole, table: string): string[] {
  if (!privilegesOf(role, table).includes('UPDATE')) return [];
  return Object.values(OWNED_COLUMNS)
    .filter((o) => o.table === table && !o.roles.includes(role))
    .flatMap((o) => o.columns);
}

/** The privileges of `role` on `table` (SELECT where the matrix names none). */
export function privilegesOf(role: TeamRole, table: string): Privilege[] {
  return ROLE_MATRIX[role][table] ?? READ;
}

/** Which roles may do `privilege` on `table` (for the message that names the missing right). */
export function rolesAllowed(table: string, privilege: Privilege): TeamRole[] {
  const owned = OWNED_COLUMNS[table];
  if (owned) return owned.roles.filter((r) => privilegesOf(r, owned.table).includes(privilege));
  return TEAM_ROLES.filter((r) => privilegesOf(r, table).includes(privilege));
}

/** How each per-project table finds its project (row-level security by assignment). */
export const PROJECT_OF: Record<string, string> = {
  projects: 'id',
  effect_chain_items: 'project_id',
  evaluations: 'project_id',
  goals: 'project_id',
  budget_lines: 'project_id',
  financing_sources: 'project_id',
  business_cases: 'project_id',
  project_sources: 'project_id',
  recycle_bin: 'project_id',
  implementation_scores: '(SELECT e.project_id FROM evaluations e WHERE e.id = evaluation_id)',
  light_decisions: '(SELECT e.project_id FROM evaluations e WHERE e.id = evaluation_id)',
  survey_indicators: '(SELECT e.project_id FROM evaluations e WHERE e.id = evaluation_id)',
  learning_points: '(SELECT e.project_id FROM evaluations e WHERE e.id = evaluation_id)',
  evaluation_texts: '(SELECT e.project_id FROM evaluations e WHERE e.id = evaluation_id)',
  evaluation_sign_offs: '(SELECT e.project_id FROM evaluations e WHERE e.id = evaluation_id)',
  spending_years: '(SELECT e.project_id FROM evaluations e WHERE e.id = evaluation_id)',
  status_reports: '(SELECT g.project_id FROM goals g WHERE g.id = goal_id)',
};

/** The server's name of a group role: `prefix` + the role ('case-officer' -> case_officer). */
export function groupRoleName(role: TeamRole, prefix = 'trafiklys_'): string {
  return `${prefix}${role.replace('-', '_')}`;
}

/** Danish list "a, b eller c". */
function orList(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} eller ${items[items.length - 1]}`;
}

/**
 * The Danish message of a refusal by the server (42501): a missing table right names the subject
 * and the roles that have it; a row-level security refusal says the project is not assigned.
 */
export function permissionMessage(sql: string, serverMessage: string, user: string): string {
  let table = /(?:for table|relation) "?([\w]+)"?/.exec(serverMessage)?.[1] ?? '';
  // An UPDATE of owned columns (the round's budget and time) is refused by a column grant, which
  // the server words as for the table: the subject is the columns'.
  const set = /^\s*UPDATE\s+"?\w+"?\s+SET\s+([\s\S]*?)(?:\sWHERE\s|$)/i.exec(sql)?.[1] ?? '';
  const owned = Object.entries(OWNED_COLUMNS).find(([, o]) => o.table === table && o.columns.some((c) => new RegExp(`\\b${c}\\s*=`).test(set)));
  if (owned) table = owned[0];
  const subject = TABLE_SUBJECT[table] ?? (table || 'porteføljen');
  const action = /^\s*(INSERT|UPDATE|DELETE)/i.exec(sql)?.[1]?.toUpperCase() as Privilege | undefined;
  if (/row-level security/i.test(serverMessage)) {
    return `Du har ikke retten til at ændre ${subject} i dette projekt: projektet er ikke tildelt dig (${user}). Intet er gemt. Bed en administrator om at tildele dig projektet.`;
  }
  const roles = rolesAllowed(table, action ?? 'UPDATE').filter((r) => r !== 'admin').map((r) => ROLE_LABEL[r]);
  const who = roles.length ? ` (${orList(roles)})` : ' (administrator)';
  return `Du har ikke retten til at ændre ${subject}${who}. Du er logget ind som ${user}. Intet er gemt.`;
}
