import type { EffectChainColumn, GoalLevel, Light, LightKind } from '../domain';
import { DateParseError, NumberParseError, parseDanishDate, parseDanishNumber } from '../numbers/danish';
import type { FoundItem, ImportIssue } from './items';
import { normaliseHeader, type CellValue, type Grid } from './tables';

/**
 * The app's own evaluation workbook (electron/export/evaluationWorkbook.ts) read back by its
 * sheets and their headers, so that re-importing it brings back everything it holds (issue 10,
 * point 13): the fact box and effect chain, the round (type, date, evaluator, overall status),
 * the six scores with headlines and justifications, the three light decisions with overrides,
 * reasons and texts, goals with their status in force, budget and time, budget lines and
 * financing, survey indicators and learning points. Cells are found by the labels and header
 * texts the export writes, not by their row numbers.
 */

/** The workbook's sheet names and texts, as the export writes them. */
const SHEET = {
  resume: 'Resumé',
  facts: 'Fakta',
  implementation: 'Implementering',
  activity: 'Aktivitetsmål',
  progress: 'Budget og tid',
  output: 'Outputmål',
  effect: 'Effektvurdering',
  learning: 'Læring',
} as const;

const TYPE_WORD: Record<string, 'final' | 'midterm'> = { slutevaluering: 'final', midtvejsevaluering: 'midterm' };
const LIGHT_WORD: Record<string, Light> = { grøn: 'green', gul: 'yellow', rød: 'red' };
const KIND_TITLE: Record<string, LightKind> = { implementering: 'implementation', målopnåelse: 'goals', effektvurdering: 'effect' };
const LEVEL_OF_SHEET: Record<string, GoalLevel> = { [SHEET.activity]: 'A', [SHEET.output]: 'B', [SHEET.effect]: 'C' };
const LEVEL_TITLE: Record<GoalLevel, string> = { A: 'aktivitetsmål', B: 'outputmål', C: 'effektmål' };

/** Fakta's labels -> fact fields (the round's own rows are read apart). */
const FACT_LABELS: Record<string, Extract<FoundItem, { type: 'fact' }>['field']> = {
  projekt: 'name',
  tilskudsmodtager: 'grantRecipient',
  projektholder: 'projectHolder',
  sagsbehandler: 'caseOfficer',
  finansieringskilde: 'fundingSource',
  indsatsområde: 'priorityAxis',
  'samlet budget (kr.)': 'totalBudgetKr',
  'bevillingsperiode, start': 'periodStart',
  'bevillingsperiode, slut': 'periodEnd',
  journalnummer: 'journalNumber',
  partnere: 'partners',
  'overordnet projektbeskrivelse': 'description',
};

const PROGRESS_LABELS = {
  budgetTotalKr: 'indrapporteret samlet budget (kr.)',
  budgetSpentKr: 'indrapporteret forbrug d.d. (kr.)',
  monthsElapsed: 'indrapporteret: forløbne måneder',
  monthsTotal: 'indrapporteret: måneder i alt',
} as const;

const CHAIN_COLUMNS: EffectChainColumn[] = ['activity', 'output', 'effect'];

export interface SheetGrid {
  sheet: string;
  grid: Grid;
}

export interface EvaluationWorkbookResult {
  items: FoundItem[];
  issues: ImportIssue[];
  found: string[];
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

class Reader {
  readonly items: FoundItem[] = [];
  readonly issues: ImportIssue[] = [];

  constructor(readonly file: string) {}

  issue(severity: 'error' | 'warning', g: Grid, r: number, c: number, message: string): void {
    this.issues.push({ severity, file: this.file, location: g.place(r, c), message });
  }

  src(g: Grid, r: number, c: number) {
    return { file: this.file, location: g.place(r, c) };
  }

  text(g: Grid, r: number, c: number): string {
    const v = g.rows[r]?.[c] ?? null;
    if (v === null || typeof v === 'object') return v instanceof Date ? v.toISOString().slice(0, 10) : '';
    return String(v).trim();
  }

  /** A number cell; blank = null; undefined = unreadable (an error with its place). */
  number(g: Grid, r: number, c: number, what: string): number | null | undefined {
    const v = g.rows[r]?.[c] ?? null;
    if (v === null || (typeof v === 'string' && v.trim() === '')) return null;
    if (typeof v === 'number') return v;
    if (typeof v === 'string') {
      try {
        return parseDanishNumber(v);
      } catch (err) {
        if (!(err instanceof NumberParseError)) throw err;
        this.issue('error', g, r, c, `${what}: "${v.trim()}" er ikke et tal (${err.reason}).`);
        return undefined;
      }
    }
    this.issue('error', g, r, c, `${what}: ${typeof v === 'object' && !(v instanceof Date) ? `cellen indeholder en fejl (${v.error})` : `"${this.text(g, r, c)}" er ikke et tal`}.`);
    return undefined;
  }

  /** A date cell: a date, a serial number or Danish text; blank = null; undefined = unreadable. */
  date(g: Grid, r: number, c: number, what: string): string | null | undefined {
    const v: CellValue = g.rows[r]?.[c] ?? null;
    if (v === null || (typeof v === 'string' && v.trim() === '')) return null;
    if (v instanceof Date) return v.toISOString().slice(0, 10);
    if (typeof v === 'number' && v > 0 && v < 2958466) return new Date(EXCEL_EPOCH + Math.round(v) * 86_400_000).toISOString().slice(0, 10);
    if (typeof v === 'string') {
      try {
        return parseDanishDate(v);
      } catch (err) {
        if (!(err instanceof DateParseError)) throw err;
      }
    }
    this.issue('error', g, r, c, `${what}: "${this.text(g, r, c)}" er ikke en dato.`);
    return undefined;
  }

  /** The first row whose cells include every header, with each header's column. */
  header(g: Grid, titles: string[], from = 0): { row: number; col: (title: string) => number | undefined } | null {
    const wanted = titles.map((t) => normaliseHeader(t));
    for (let r = from; r < g.rows.length; r++) {
      const texts = (g.rows[r] ?? []).map((v) => normaliseHeader(v));
      if (wanted.every((w) => texts.includes(w))) return { row: r, col: (title) => (texts.indexOf(normaliseHeader(title)) >= 0 ? texts.indexOf(normaliseHeader(title)) : undefined) };
    }
    return null;
  }

  /** The row whose first cell is `label` (case-insensitive). */
  labelRow(g: Grid, label: string, col = 0): number {
    return g.rows.findIndex((row) => normaliseHeader(row?.[col] ?? null) === label);
  }
}

export function readEvaluationWorkbook(sheets: SheetGrid[], file: string): EvaluationWorkbookResult {
  const rd = new Reader(file);
  const sheet = (name: string) => sheets.find((s) => s.sheet === name)?.grid;
  const found: string[] = [];
  const count = (type: FoundItem['type']) => rd.items.filter((i) => i.type === type).length;

  const facts = sheet(SHEET.facts);
  if (facts) readFacts(rd, facts);
  const resume = sheet(SHEET.resume);
  readRound(rd, resume, facts);
  for (const name of [SHEET.activity, SHEET.output, SHEET.effect]) {
    const g = sheet(name);
    if (g) readGoals(rd, g, LEVEL_OF_SHEET[name]);
  }
  const progress = sheet(SHEET.progress);
  if (progress) readProgress(rd, progress);
  const impl = sheet(SHEET.implementation);
  if (impl) readScores(rd, impl);
  if (resume) readLights(rd, resume);
  const effect = sheet(SHEET.effect);
  if (effect) readSurvey(rd, effect);
  if (progress) readBudget(rd, progress);
  const learning = sheet(SHEET.learning);
  if (learning) readLearning(rd, learning);

  if (count('fact')) found.push(`${count('fact')} faktafelter`);
  if (count('goal')) found.push(`${count('goal')} mål`);
  if (count('status')) found.push(`${count('status')} statusser`);
  if (count('score')) found.push(`${count('score')} scorer`);
  if (count('light')) found.push('trafiklysbeslutninger');
  if (count('progress')) found.push('budget- og tidsforbrug');
  if (count('budgetLine')) found.push(`${count('budgetLine')} budgetlinjer`);
  if (count('financing')) found.push(`${count('financing')} finansieringskilder`);
  if (count('survey')) found.push(`${count('survey')} spørgeskemaindikatorer`);
  if (count('learning')) found.push(`${count('learning')} læringspunkter og anbefalinger`);
  if (count('effectChain')) found.push(`${count('effectChain')} punkter i effektkæden`);
  return { items: rd.items, issues: rd.issues, found };
}

function readFacts(rd: Reader, g: Grid): void {
  for (let r = 0; r < g.rows.length; r++) {
    const field = FACT_LABELS[normaliseHeader(g.rows[r]?.[0] ?? null)];
    if (!field) continue;
    let value: string | number | null | undefined;
    if (field === 'totalBudgetKr') value = rd.number(g, r, 1, 'Samlet budget');
    else if (field === 'periodStart' || field === 'periodEnd') value = rd.date(g, r, 1, field === 'periodStart' ? 'Bevillingsperiode, start' : 'Bevillingsperiode, slut');
    else value = rd.text(g, r, 1) || null;
    // An empty field says nothing: it is not written over what the project holds.
    if (value === null || value === undefined) continue;
    rd.items.push({ type: 'fact', field, value, source: rd.src(g, r, 1) });
  }
  // The effect chain: three columns of "• text" under their header.
  const head = rd.header(g, ['Hovedaktiviteter', 'Output', 'Effekter']);
  if (!head) return;
  let end = head.row + 1;
  while (end < g.rows.length && CHAIN_COLUMNS.some((_, c) => rd.text(g, end, c) !== '')) end++;
  // Column by column, top to bottom: the order the effect chain lists them in.
  CHAIN_COLUMNS.forEach((column, c) => {
    for (let r = head.row + 1; r < end; r++) {
      const text = rd.text(g, r, c).replace(/^•\s*/, '').trim();
      if (text) rd.items.push({ type: 'effectChain', column, text, source: rd.src(g, r, c) });
    }
  });
}

/** The round: its type and date (Resumé), evaluator (Fakta) and overall status (Resumé). */
function readRound(rd: Reader, resume: Grid | undefined, facts: Grid | undefined): void {
  let type: 'final' | 'midterm' | undefined;
  let date: string | null | undefined;
  let source: { file: string; location: string } | null = null;
  let evaluator = '';
  let overallStatus = '';
  const typeOf = (g: Grid, r: number, c: number) => {
    const word = rd.text(g, r, c).toLowerCase();
    const t = TYPE_WORD[word];
    if (!t) rd.issue('error', g, r, c, `Evalueringstypen "${rd.text(g, r, c)}" er hverken Slutevaluering eller Midtvejsevaluering.`);
    return t;
  };
  if (resume) {
    const r = rd.labelRow(resume, 'evaluering');
    if (r >= 0) {
      type = typeOf(resume, r, 1);
      // "Evalueringsdato" and its date sit beside the type; merged cells leave blanks between.
      const cells = resume.rows[r] ?? [];
      const label = cells.findIndex((v) => normaliseHeader(v) === 'evalueringsdato');
      const at = label >= 0 ? cells.findIndex((v, k) => k > label && v !== null && v !== '') : -1;
      if (at >= 0) date = rd.date(resume, r, at, 'Evalueringsdato');
      source = rd.src(resume, r, 1);
    }
    const o = rd.labelRow(resume, 'overordnet status');
    if (o >= 0) overallStatus = rd.text(resume, o + 1, 0);
  }
  if (facts) {
    const e = rd.labelRow(facts, 'evaluator');
    if (e >= 0) evaluator = rd.text(facts, e, 1);
    if (!type) {
      const t = rd.labelRow(facts, 'evaluering');
      if (t >= 0) {
        type = typeOf(facts, t, 1);
        source = rd.src(facts, t, 1);
      }
    }
    if (date === undefined || date === null) {
      const d = rd.labelRow(facts, 'evalueringsdato');
      if (d >= 0) date = rd.date(facts, d, 1, 'Evalueringsdato');
    }
  }
  if (!type || !date || !source) {
    if (source) rd.issues.push({ severity: 'error', file: rd.file, location: source.location, message: 'Evalueringsrundens type og dato kan ikke læses; scorer, trafiklys, spørgeskema og læring kan ikke placeres.' });
    return;
  }
  rd.items.push({ type: 'evaluation', evaluationType: type, date, evaluator, overallStatus, source });
}

interface Provenance {
  by: string;
  codes: string[] | null;
}

/** "Note: Indrapporteret af Bevillingsmodtager 02.12.2022 (A1, A2). ..." under a goal table. */
function provenance(rd: Reader, g: Grid, from: number): Provenance[] {
  const out: Provenance[] = [];
  for (let r = from; r < Math.min(g.rows.length, from + 20); r++) {
    const m = /^Note:\s*Indrapporteret af (.+?) \d{2}\.\d{2}\.\d{4}(?: \(([^)]*)\))?\./.exec(rd.text(g, r, 0));
    if (!m) continue;
    const by = m[1].trim();
    out.push({ by: by === 'ukendt' ? '' : by, codes: m[2] ? m[2].split(/,\s*/).map((c) => c.trim().toUpperCase()) : null });
  }
  return out;
}

function readGoals(rd: Reader, g: Grid, level: GoalLevel): void {
  const head = rd.header(g, ['Kode', 'Målsætning i projektperioden']);
  if (!head) return;
  const col = head.col;
  const description = (g.rows[head.row] ?? []).findIndex((v) => normaliseHeader(v) === LEVEL_TITLE[level]);
  const c = {
    code: col('Kode')!,
    unit: col('Enhed'),
    direction: col('Retning'),
    baseline: col('Baseline'),
    target: col('Målsætning i projektperioden')!,
    after: col('Målsætning efter projektperioden'),
    status: col('Status på evaluerings-tidspunktet'),
    date: col('Indrapporteret'),
    printed: col('Trykt procent i kilden'),
  };
  let r = head.row + 1;
  const rows: { r: number; code: string }[] = [];
  for (; r < g.rows.length; r++) {
    const code = rd.text(g, r, c.code).toUpperCase();
    if (!/^[ABC]\d{1,3}$/.test(code)) break;
    rows.push({ r, code });
  }
  const notes = provenance(rd, g, r);
  const reporterOf = (code: string) => notes.find((n) => n.codes === null || n.codes.includes(code))?.by ?? '';
  for (const { r, code } of rows) {
    const opt = (k: number | undefined, what: string) => (k === undefined ? null : rd.number(g, r, k, `${code}: ${what}`));
    const target = opt(c.target, 'målsætning i projektperioden');
    const after = opt(c.after, 'målsætning efter projektperioden');
    const baseline = c.baseline === undefined ? null : opt(c.baseline, 'baseline');
    if (target === undefined || after === undefined || baseline === undefined) continue;
    const lower = c.direction !== undefined && /lavere/i.test(rd.text(g, r, c.direction));
    rd.items.push({
      type: 'goal',
      level,
      code,
      description: description >= 0 ? rd.text(g, r, description) : '',
      unit: c.unit === undefined ? '' : rd.text(g, r, c.unit),
      targetInPeriod: target,
      targetAfterPeriod: after,
      codeSuggested: false,
      // Without a direction column every goal of the table is higher-is-better.
      direction: lower ? 'lower' : 'higher',
      ...(c.baseline !== undefined ? { baseline } : {}),
      source: rd.src(g, r, c.code),
    });
    if (c.status === undefined) continue;
    const value = rd.number(g, r, c.status, `${code}: status`);
    const reportedAt = c.date === undefined ? null : rd.date(g, r, c.date, `${code}: indrapporteret`);
    const printed = c.printed === undefined ? null : rd.number(g, r, c.printed, `${code}: trykt procent`);
    if (value === undefined || reportedAt === undefined || printed === undefined) continue;
    if (value === null) {
      if (reportedAt) rd.issue('warning', g, r, c.status, `${code}: status er rapporteret pr. ${reportedAt.split('-').reverse().join('.')} uden tal; der gemmes ingen status.`);
      continue;
    }
    rd.items.push({
      type: 'status',
      code,
      value,
      reportedAt,
      reportedBy: reporterOf(code),
      printedPercent: printed,
      computedPercent: null,
      source: rd.src(g, r, c.status),
    });
  }
}

function readProgress(rd: Reader, g: Grid): void {
  const values: Partial<Record<keyof typeof PROGRESS_LABELS, number | null>> = {};
  const places: string[] = [];
  for (const [key, label] of Object.entries(PROGRESS_LABELS) as [keyof typeof PROGRESS_LABELS, string][]) {
    const r = rd.labelRow(g, label);
    if (r < 0) continue;
    const v = rd.number(g, r, 1, label[0].toUpperCase() + label.slice(1));
    if (v === undefined) return;
    values[key] = v;
    places.push(g.place(r, 1));
  }
  let reportedBy = '';
  let reportedAt: string | null = null;
  for (let r = 0; r < g.rows.length; r++) {
    const m = /indrapporteret til evaluator af (.+?)(?: (\d{2}\.\d{2}\.\d{4}))?\.\s/.exec(rd.text(g, r, 0));
    if (!m) continue;
    reportedBy = m[1].trim();
    reportedAt = m[2] ? parseDanishDate(m[2]) : null;
    break;
  }
  const figures = [values.budgetSpentKr, values.budgetTotalKr, values.monthsElapsed, values.monthsTotal];
  if (figures.every((v) => v === null || v === undefined) && !reportedBy) return;
  rd.items.push({
    type: 'progress',
    budgetSpentKr: values.budgetSpentKr ?? null,
    budgetTotalKr: values.budgetTotalKr ?? null,
    monthsElapsed: values.monthsElapsed ?? null,
    monthsTotal: values.monthsTotal ?? null,
    reportedAt,
    reportedBy,
    source: { file: rd.file, location: places.length > 1 ? `${places[0]} - ${places.at(-1)!.replace(/^Ark '[^']*', /, '')}` : (places[0] ?? '') },
  });
}

function readBudget(rd: Reader, g: Grid): void {
  const lines = rd.header(g, ['Udgiftstype', 'År', 'Beløb (kr.)']);
  if (lines) {
    const [costCol, yearCol, amountCol, pctCol] = [lines.col('Udgiftstype')!, lines.col('År')!, lines.col('Beløb (kr.)')!, lines.col('Andel af direkte udgifter')];
    for (let r = lines.row + 1; r < g.rows.length; r++) {
      const costType = rd.text(g, r, costCol);
      if (!costType || /^budget i alt$/i.test(costType) || /^ingen budgetlinjer/i.test(costType)) break;
      const year = rd.number(g, r, yearCol, `${costType}: år`);
      const amount = rd.number(g, r, amountCol, `${costType}: beløb`);
      const pct = pctCol === undefined ? null : rd.number(g, r, pctCol, `${costType}: andel af direkte udgifter`);
      if (year === undefined || amount === undefined || pct === undefined) continue;
      if (year === null || amount === null || !Number.isInteger(year)) {
        rd.issue('error', g, r, year === null || !Number.isInteger(year) ? yearCol : amountCol, `${costType}: ${year === null || !Number.isInteger(year) ? 'år mangler eller er ikke et årstal' : 'beløb mangler'}.`);
        continue;
      }
      rd.items.push({ type: 'budgetLine', costType, year, amountKr: amount, percentOfDirect: pct, source: rd.src(g, r, amountCol) });
    }
  }
  const fin = rd.header(g, ['Finansieringskilde', 'Beløb (kr.)']);
  if (fin) {
    const amountCol = fin.col('Beløb (kr.)')!;
    const nameCol = fin.col('Finansieringskilde')!;
    for (let r = fin.row + 1; r < g.rows.length; r++) {
      const name = rd.text(g, r, nameCol);
      if (!name || /^finansiering i alt$/i.test(name) || /^ingen finansiering/i.test(name)) break;
      const amount = rd.number(g, r, amountCol, `${name}: beløb`);
      if (amount === undefined) continue;
      if (amount === null) {
        rd.issue('error', g, r, amountCol, `${name}: beløb mangler.`);
        continue;
      }
      rd.items.push({ type: 'financing', name, amountKr: amount, source: rd.src(g, r, amountCol) });
    }
  }
}

function readScores(rd: Reader, g: Grid): void {
  const head = rd.header(g, ['Nr.', 'Parameter', 'Score (1-5)']);
  if (!head) return;
  const [nrCol, scoreCol, headlineCol, textCol] = [head.col('Nr.')!, head.col('Score (1-5)')!, head.col('Konklusion'), head.col('Begrundelse')];
  for (let r = head.row + 1; r < g.rows.length; r++) {
    const nr = g.rows[r]?.[nrCol];
    if (typeof nr !== 'number' || !Number.isInteger(nr) || nr < 1 || nr > 6) break;
    const score = rd.number(g, r, scoreCol, `Parameter ${nr}: score`);
    if (score === undefined) continue;
    rd.items.push({
      type: 'score',
      parameter: nr as 1 | 2 | 3 | 4 | 5 | 6,
      score,
      headline: headlineCol === undefined ? '' : rd.text(g, r, headlineCol),
      text: textCol === undefined ? '' : rd.text(g, r, textCol),
      source: rd.src(g, r, scoreCol),
    });
  }
}

function readLights(rd: Reader, g: Grid): void {
  // Today's workbook says "Evaluators valg"; workbooks exported before say "Tilsidesat af evaluator".
  const head = rd.header(g, ['Område', 'Evaluators valg']) ?? rd.header(g, ['Område', 'Tilsidesat af evaluator']);
  if (!head) return;
  const [areaCol, overrideCol, reasonCol, textCol] = [
    head.col('Område')!,
    (head.col('Evaluators valg') ?? head.col('Tilsidesat af evaluator'))!,
    head.col('Begrundelse for afvigelse fra forslaget') ?? head.col('Begrundelse for tilsidesættelse'),
    head.col('Kort tekst'),
  ];
  for (let r = head.row + 1; r < Math.min(g.rows.length, head.row + 4); r++) {
    const kind = KIND_TITLE[rd.text(g, r, areaCol).toLowerCase()];
    if (!kind) continue;
    const word = rd.text(g, r, overrideCol);
    const override = word ? LIGHT_WORD[word.toLowerCase()] : null;
    if (override === undefined) {
      rd.issue('error', g, r, overrideCol, `Trafiklyset "${word}" er ikke Grøn, Gul eller Rød.`);
      continue;
    }
    rd.items.push({
      type: 'light',
      kind,
      override,
      reason: reasonCol === undefined ? '' : rd.text(g, r, reasonCol),
      text: textCol === undefined ? '' : rd.text(g, r, textCol),
      source: rd.src(g, r, overrideCol),
    });
  }
}

function readSurvey(rd: Reader, g: Grid): void {
  const head = rd.header(g, ['Gruppe', 'Positive svar', 'Respondenter (n)']);
  if (!head) return;
  const row = g.rows[head.row] ?? [];
  const [groupCol, positiveCol, nCol, scaleCol] = [head.col('Gruppe')!, head.col('Positive svar')!, head.col('Respondenter (n)')!, head.col('Skala')];
  // The statement's header is a sentence ("Andel af respondenterne, der angiver at …"): the column after the group.
  const statementCol = row.findIndex((v) => normaliseHeader(v).startsWith('andel af respondenterne'));
  for (let r = head.row + 1; r < g.rows.length; r++) {
    const statement = rd.text(g, r, statementCol >= 0 ? statementCol : groupCol + 1);
    if (!statement || /^ingen spørgeskemaindikatorer/i.test(statement)) break;
    const positive = rd.number(g, r, positiveCol, `${statement}: positive svar`);
    const n = rd.number(g, r, nCol, `${statement}: respondenter`);
    if (positive === undefined || n === undefined) continue;
    const scaleText = scaleCol === undefined ? '' : rd.text(g, r, scaleCol);
    const scale = /^3/.test(scaleText) ? 3 : /^5/.test(scaleText) ? 5 : null;
    if (positive === null || n === null || scale === null || !Number.isInteger(positive) || !Number.isInteger(n)) {
      rd.issue('error', g, r, scale === null ? (scaleCol ?? positiveCol) : positiveCol, `${statement}: positive svar, respondenter (hele tal) og skala (3- eller 5-punkt) skal være udfyldt.`);
      continue;
    }
    rd.items.push({ type: 'survey', group: rd.text(g, r, groupCol), statement, positive, n, scale, source: rd.src(g, r, positiveCol) });
  }
}

function readLearning(rd: Reader, g: Grid): void {
  const head = rd.header(g, ['Type', 'Titel', 'Tekst']);
  if (!head) return;
  const [typeCol, titleCol, textCol] = [head.col('Type')!, head.col('Titel')!, head.col('Tekst')!];
  for (let r = head.row + 1; r < g.rows.length; r++) {
    const type = rd.text(g, r, typeCol).toLowerCase();
    const kind = type === 'læringspunkt' ? 'learning' : type === 'anbefaling' ? 'recommendation' : null;
    if (!kind) break;
    rd.items.push({ type: 'learning', kind, title: rd.text(g, r, titleCol), text: rd.text(g, r, textCol), source: rd.src(g, r, titleCol) });
  }
}
