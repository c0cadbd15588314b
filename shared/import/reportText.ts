import type { ContentKind, FactField, FoundItem, ImportIssue } from './items';
import { parseDanishAmountKr, parseDanishPercent, NumberParseError, parseDanishDate } from '../numbers/danish';
import { roundHalfUp, shiftDecimal } from '../methodology/rounding';
import { FIGURE_TOKEN, danishNumberWord, joinWrapped, readFigure, type TextLine } from './text';

/**
 * Recognises what evaluation reports and applications contain, from their text as a PDF or
 * Word extraction gives it (seeds 003 and 004): the fact box, goal tables A/B/C with target,
 * status and printed percent (descriptions wrapped over lines, hyphenated words, "19.037"),
 * the budget and time table, the average implementation score, survey indicators ("9 ud af 9"),
 * budget lines per year (1000 kr with decimals), financing sources and an application's
 * numeric goals written as prose bullets ("Afholdelse af 24 netværksaktiviteter").
 *
 * Pure: text lines in, items and issues out, every one with its place.
 */

export interface RecognisedText {
  kind: ContentKind;
  items: FoundItem[];
  issues: ImportIssue[];
}

interface Line extends TextLine {
  /** Whitespace-normalised text. */
  t: string;
}

const CODE_ROW = /^([ABC])(\d{1,3})\s*[:.)]\s*(.*)$/;
const DATE = /\b(\d{1,2}\.\d{1,2}\.\d{4})\b/;
const FACT_LABELS: [RegExp, FactField][] = [
  [/^(?:Tilskudsmodtager|Bevillingsmodtager)$/i, 'grantRecipient'],
  [/^Projektholder$/i, 'projectHolder'],
  [/^Sagsbehandler$/i, 'caseOfficer'],
  [/^Finansieringskilde$/i, 'fundingSource'],
  [/^Indsatsområde$/i, 'priorityAxis'],
  [/^(?:Projektnavn|Projekttitel)$/i, 'name'],
];

export function recogniseReportText(input: TextLine[], file: string): RecognisedText {
  const lines: Line[] = input.map((l) => ({ ...l, t: l.text.replace(/\s+/g, ' ').trim() })).filter((l) => l.t !== '');
  const items: FoundItem[] = [];
  const issues: ImportIssue[] = [];
  const src = (l: Line) => ({ file, location: l.location });
  const issue = (severity: 'error' | 'warning', l: Line | null, message: string) =>
    issues.push({ severity, file, location: l?.location ?? '', message });

  const isApplication = lines.some((l) => /^Ansøgningsskema\b|^Ansøgning\s*[–-]/i.test(l.t));

  recogniseFacts(lines, isApplication, items, issue, src);
  recogniseScoreAverage(lines, items, issue, src);
  const goalCount = recogniseGoalTables(lines, items, issue, src);
  recogniseProgress(lines, items, issue, src);
  recogniseSurvey(lines, items, issue, src);
  const budgetTotal = recogniseBudgetLines(lines, items, issue, src);
  recogniseFinancing(lines, items, issue, src, budgetTotal);
  if (isApplication) recogniseProseGoals(lines, items, issue, src);

  const kind: ContentKind = isApplication
    ? 'application'
    : goalCount > 0 || lines.some((l) => /Resumé|Målopnåelse|Effektvurdering/.test(l.t))
      ? 'evaluationReport'
      : 'unknown';
  return { kind, items, issues };
}

/** From one place to another: "linje 714–720", "side 3, linje 40–44", "side 3, linje 40 – side 4, linje 2". */
export function spanLocation(from: string, to: string): string {
  if (from === to) return from;
  const a = /^(.*linje )(\d+)$/.exec(from);
  const b = /^(.*linje )(\d+)$/.exec(to);
  if (a && b && a[1] === b[1]) return `${from}–${b[2]}`;
  return `${from} – ${to}`;
}

type IssueFn = (severity: 'error' | 'warning', l: Line | null, message: string) => void;
type SrcFn = (l: Line) => { file: string; location: string };

function recogniseFacts(lines: Line[], isApplication: boolean, items: FoundItem[], issue: IssueFn, src: SrcFn): void {
  const seen = new Set<FactField>();
  const add = (field: FactField, value: string | number | null, l: Line) => {
    if (seen.has(field)) return;
    seen.add(field);
    items.push({ type: 'fact', field, value, source: src(l) });
  };
  for (const l of lines) {
    const resume = /^\d*\s*Resumé\s*:\s*(.+)$/.exec(l.t);
    if (resume) add('name', resume[1].trim(), l);
    const application = isApplication ? /^Ansøgning\s*[–-]\s*(.+)$/.exec(l.t) : null;
    if (application) add('name', application[1].trim(), l);
    if (isApplication && !seen.has('grantRecipient')) {
      const navn = /^Navn\s+(.+)$/.exec(l.t);
      if (navn) add('grantRecipient', navn[1].trim(), l);
    }
    const labelled = /^([A-Za-zÆØÅæøå ]{4,30}?)\s*:\s*(.+)$/.exec(l.t);
    if (!labelled) continue;
    const [, label, rawValue] = labelled;
    const value = rawValue.trim();
    for (const [pattern, field] of FACT_LABELS) if (pattern.test(label.trim())) add(field, value, l);
    if (/^Samlet budget$/i.test(label.trim()) && !seen.has('totalBudgetKr')) {
      try {
        add('totalBudgetKr', parseDanishAmountKr(value.replace(/\.$/, '')), l);
      } catch (err) {
        if (!(err instanceof NumberParseError)) throw err;
        issue('error', l, `Samlet budget: ${err.message}`);
      }
    }
    if (/^Bevillingsperiode$/i.test(label.trim()) && !seen.has('periodStart')) {
      const m = /^(\d{1,2}\.\d{1,2}\.\d{4})\s*[–—-]\s*(\d{1,2}\.\d{1,2}\.\d{4})\.?$/.exec(value);
      if (!m) {
        issue('error', l, `Bevillingsperiode "${value}" kan ikke læses; forventede "DD.MM.ÅÅÅÅ – DD.MM.ÅÅÅÅ".`);
        continue;
      }
      try {
        add('periodStart', parseDanishDate(m[1]), l);
        add('periodEnd', parseDanishDate(m[2]), l);
      } catch (err) {
        issue('error', l, `Bevillingsperiode: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  }
}

function recogniseScoreAverage(lines: Line[], items: FoundItem[], issue: IssueFn, src: SrcFn): void {
  for (const l of lines) {
    const m = /Gennemsnitlig\s+(?:implementerings)?score\b(.*)$/i.exec(l.t);
    if (!m) continue;
    const rest = m[1].replace(/\([^)]*\)/g, ' ').trim();
    const figure = /^[:\s]*(\d+(?:,\d+)?)\b/.exec(rest);
    if (!figure) continue;
    const value = Number(figure[1].replace(',', '.'));
    if (value < 1 || value > 5) issue('warning', l, `Gennemsnitlig score ${figure[1]} ligger uden for skalaen 1-5.`);
    items.push({ type: 'scoreAverage', value, source: src(l) });
    return;
  }
}

/** Splits a table line into its text and its trailing figures ("... 19.037 19.037 100 %"). */
function splitTail(t: string, textBeforeFigures = false): { text: string; figures: string[]; percent: string | null } | null {
  const tokens = t.split(' ');
  let end = tokens.length;
  let percent: string | null = null;
  const last = tokens[end - 1];
  if (last === '%' && end >= 2 && FIGURE_TOKEN.test(tokens[end - 2])) {
    percent = tokens[end - 2];
    end -= 2;
  } else if (/^\d[\d.,]*%$/.test(last)) {
    percent = last.slice(0, -1);
    end -= 1;
  }
  let start = end;
  while (start > 0 && FIGURE_TOKEN.test(tokens[start - 1])) start -= 1;
  const figures = tokens.slice(start, end);
  const text = tokens.slice(0, start).join(' ');
  // Without a percent, a goal row's figures stand on a line of their own (a description line may
  // end in a number); budget rows put their label before the figures.
  if (percent === null && ((text !== '' && !textBeforeFigures) || figures.length < (textBeforeFigures ? 1 : 2))) return null;
  if (percent !== null && figures.length === 0) return null;
  return { text, figures, percent };
}

interface PendingReport {
  statusIndexes: number[];
  progressIndexes: number[];
  firstLine: Line;
}

function recogniseGoalTables(lines: Line[], items: FoundItem[], issue: IssueFn, src: SrcFn): number {
  let count = 0;
  const pending: PendingReport = { statusIndexes: [], progressIndexes: [], firstLine: lines[0] };
  const flush = (atEnd: boolean) => {
    if (pending.statusIndexes.length === 0) return;
    if (atEnd)
      issue('warning', pending.firstLine, 'Ingen rapporteringsdato fundet under måltabellen; udfyld datoen før status kan gemmes.');
    pending.statusIndexes = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (/indrapporteret/i.test(l.t) && pending.statusIndexes.length > 0) {
      const { date, by } = reportNote(lines, i, issue);
      for (const idx of pending.statusIndexes) {
        const s = items[idx] as Extract<FoundItem, { type: 'status' }>;
        s.reportedAt = date;
        s.reportedBy = by;
      }
      if (!date) flush(true);
      pending.statusIndexes = [];
      continue;
    }
    if (/^Figur\s+\d+/i.test(l.t)) flush(true);
    const start = CODE_ROW.exec(l.t);
    if (!start) continue;
    const level = start[1] as 'A' | 'B' | 'C';
    const code = `${level}${Number(start[2])}`;
    const parts: string[] = [];
    let text = start[3];
    let tail: ReturnType<typeof splitTail> = null;
    let j = i;
    for (; j < lines.length && j < i + 15; j++) {
      if (j > i) {
        text = lines[j].t;
        if (CODE_ROW.test(text) || /^(Note|Figur|Kilde)\b/i.test(text)) break;
      }
      tail = splitTail(text);
      if (tail) break;
      parts.push(text);
    }
    if (!tail) {
      issue('error', l, `Målet ${code} har ingen tal (mål, status, procent) i tabellen.`);
      continue;
    }
    const max = level === 'C' ? 3 : 2;
    let figures = tail.figures;
    if (figures.length > max) {
      parts.push(tail.text, ...figures.slice(0, figures.length - max));
      figures = figures.slice(figures.length - max);
    } else parts.push(tail.text);
    const rowLine = lines[j];
    const place = spanLocation(l.location, rowLine.location);
    if (figures.length < 2) {
      issue('error', rowLine, `Målet ${code}: kun ét tal (${figures.join(' ')}) - kan ikke afgøre, om det er mål eller status.`);
      i = j;
      continue;
    }
    const read = (token: string): number | null | undefined => {
      const r = readFigure(token);
      if (r.ok) return r.value;
      issue('error', rowLine, `Målet ${code}: ${r.message}`);
      return undefined;
    };
    const values = figures.map(read);
    let printed: number | null | undefined = null;
    if (tail.percent !== null) {
      try {
        printed = parseDanishPercent(tail.percent);
      } catch (err) {
        if (!(err instanceof NumberParseError)) throw err;
        issue('error', rowLine, `Målet ${code}: ${err.message}`);
        printed = undefined;
      }
    }
    i = j;
    if (values.includes(undefined) || printed === undefined) continue;
    const [targetIn, targetAfter, status] =
      values.length === 3 ? (values as (number | null)[]) : [values[0] as number | null, null, values[1] as number | null];
    const source = { file: src(l).file, location: place };
    items.push({
      type: 'goal',
      level,
      code,
      description: joinWrapped(parts),
      unit: '',
      targetInPeriod: targetIn,
      targetAfterPeriod: targetAfter,
      codeSuggested: false,
      source,
    });
    const computed = targetIn && status !== null ? roundHalfUp((status / targetIn) * 100) : null;
    if (printed !== null && computed !== null && Math.abs(printed - computed) > 1)
      issue('warning', rowLine, `${code}: trykt målopnåelse ${printed} % afviger fra beregnet ${computed} % (${status} / ${targetIn}).`);
    count += 1;
    if (status === null) {
      issue('warning', rowLine, `${code}: ingen status i tabellen; der gemmes ingen status (tidligere status gælder fortsat).`);
      continue;
    }
    if (pending.statusIndexes.length === 0) pending.firstLine = l;
    pending.statusIndexes.push(items.length);
    items.push({
      type: 'status',
      code,
      value: status,
      reportedAt: null,
      reportedBy: '',
      printedPercent: printed,
      computedPercent: computed,
      source,
    });
  }
  flush(true);
  return count;
}

/** The date and reporter of a "Note: ... indrapporteret ... af bevillingsmodtager 02.12.2022." */
function reportNote(lines: Line[], i: number, issue: IssueFn): { date: string | null; by: string } {
  const text = lines.slice(i, i + 3).map((l) => l.t).join(' ');
  const byMatch = /indrapporteret[^.]*?\baf\s+(bevillingsmodtager|tilskudsmodtager|projektholder|projektet)/i.exec(text);
  const by = byMatch ? byMatch[1][0].toUpperCase() + byMatch[1].slice(1).toLowerCase() : '';
  const d = DATE.exec(text);
  if (!d) return { date: null, by };
  try {
    return { date: parseDanishDate(d[1]), by };
  } catch (err) {
    issue('error', lines[i], err instanceof Error ? err.message : String(err));
    return { date: null, by };
  }
}

function unitFactor(unit: string): number {
  if (/mia/i.test(unit)) return 1_000_000_000;
  if (/mio/i.test(unit)) return 1_000_000;
  if (/1\.?000|t\.?\s?kr|tkr/i.test(unit)) return 1_000;
  return 1;
}

const toKr = (value: number, factor: number) => roundHalfUp(shiftDecimal(value, Math.round(Math.log10(factor))), 2);

function recogniseProgress(lines: Line[], items: FoundItem[], issue: IssueFn, src: SrcFn): void {
  let budget: { total: number | null; spent: number | null; line: Line } | null = null;
  let time: { total: number | null; spent: number | null; line: Line } | null = null;
  let noteIndex = -1;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    const m = /^(Budgetforbrug|Tidsforbrug)\s*(?:\(([^)]*)\))?\s*(.*)$/i.exec(l.t);
    if (m && !(m[1].toLowerCase() === 'budgetforbrug' ? budget : time)) {
      const tail = splitTail(m[3]);
      if (!tail || tail.text !== '' || tail.figures.length !== 2) continue;
      const [a, b] = tail.figures.map((f) => readFigure(f));
      if (!a.ok || !b.ok) {
        issue('error', l, `${m[1]}: ${!a.ok ? a.message : (b as { message: string }).message}`);
        continue;
      }
      const isBudget = m[1].toLowerCase() === 'budgetforbrug';
      const factor = isBudget ? unitFactor(m[2] ?? '') : 1;
      const conv = (v: number | null) => (v === null ? null : isBudget ? toKr(v, factor) : v);
      const entry = { total: conv(a.value), spent: conv(b.value), line: l };
      if (isBudget) budget = entry;
      else time = entry;
      noteIndex = i;
    }
  }
  if (!budget && !time) return;
  const first = (budget ?? time)!.line;
  let date: string | null = null;
  let by = '';
  for (let i = noteIndex + 1; i < Math.min(lines.length, noteIndex + 4); i++) {
    if (/indrapporteret/i.test(lines[i].t)) {
      ({ date, by } = reportNote(lines, i, issue));
      break;
    }
  }
  if (!date) issue('warning', first, 'Budget- og tidsforbrug: ingen rapporteringsdato fundet.');
  const lastLine = (time ?? budget)!.line;
  items.push({
    type: 'progress',
    budgetTotalKr: budget?.total ?? null,
    budgetSpentKr: budget?.spent ?? null,
    monthsTotal: time?.total ?? null,
    monthsElapsed: time?.spent ?? null,
    reportedAt: date,
    reportedBy: by,
    source: { file: src(first).file, location: first.location === lastLine.location ? first.location : `${first.location} - ${lastLine.location}` },
  });
}

function singularGroup(word: string): string {
  const w = word.trim().toLowerCase();
  if (w.endsWith('erne')) return w.slice(0, -2);
  if (w.endsWith('ene')) return w.slice(0, -1);
  return w;
}

function recogniseSurvey(lines: Line[], items: FoundItem[], issue: IssueFn, src: SrcFn): void {
  for (let i = 0; i < lines.length; i++) {
    const header = /^Andel af ([^\s,]+),? der angiver at/i.exec(lines[i].t);
    if (!header) continue;
    const group = singularGroup(header[1]);
    const rows: { statement: string; positive: number; n: number; line: Line }[] = [];
    let parts: string[] = [];
    let j = i + 1;
    if (j < lines.length && /^\S+$/.test(lines[j].t)) j += 1; // the column header's wrapped word
    let scale: 3 | 5 | null = null;
    let nNote: number | null = null;
    let noteLine: Line | null = null;
    for (; j < lines.length && j < i + 40; j++) {
      const t = lines[j].t;
      if (/^Kolonnen til højre/i.test(t)) {
        const note = `${t} ${lines[j + 1]?.t ?? ''}`;
        scale = /5-punkt/i.test(note) ? 5 : /3-punkt/i.test(note) ? 3 : null;
        const n = /\(n\s*=\s*(\d+)\)/i.exec(note);
        nNote = n ? Number(n[1]) : null;
        noteLine = lines[j];
        break;
      }
      const m = /^(.*?)\s*(\d+) ud af (\d+)$/.exec(t);
      if (m) {
        parts.push(m[1]);
        rows.push({ statement: joinWrapped(parts), positive: Number(m[2]), n: Number(m[3]), line: lines[j] });
        parts = [];
      } else parts.push(t);
    }
    if (rows.length === 0) continue;
    if (scale === null) issue('warning', lines[i], 'Spørgeskematabel uden angivet skala (3- eller 5-punkt); 5-punkt antaget.');
    for (const r of rows) {
      if (nNote !== null && r.n !== nNote)
        issue('warning', r.line, `"${r.positive} ud af ${r.n}" passer ikke med n=${nNote} i noten${noteLine ? ` (${noteLine.location})` : ''}.`);
      if (r.positive > r.n) issue('error', r.line, `"${r.positive} ud af ${r.n}": flere positive end respondenter.`);
      items.push({ type: 'survey', group, statement: r.statement, positive: r.positive, n: r.n, scale: scale ?? 5, source: src(r.line) });
    }
    i = j;
  }
}

/** Budget by cost type and year (004 section 7). Returns the budget total in kr, or null. */
function recogniseBudgetLines(lines: Line[], items: FoundItem[], issue: IssueFn, src: SrcFn): number | null {
  const unitAt = lines.findIndex((l) => /Beløb i\s*(1\.?000\s*kr|t\.?\s?kr|tkr|mio|kr)/i.test(l.t));
  if (unitAt < 0) return null;
  const factor = unitFactor(/Beløb i\s*(.*)$/i.exec(lines[unitAt].t)![1]);
  let yearsAt = -1;
  for (let i = unitAt; i < Math.min(lines.length, unitAt + 4); i++) if (/^(\d{4}\s*)+$/.test(lines[i].t)) yearsAt = i;
  if (yearsAt < 0) {
    issue('warning', lines[unitAt], 'Budgettabellen har ingen række med årstal; budgetlinjer er ikke læst.');
    return null;
  }
  const years = lines[yearsAt].t.split(' ').map(Number);
  const sums = years.map(() => 0);
  let label: string[] = [];
  let firstLabelLine: Line | null = null;
  let total: number | null = null;
  for (let i = yearsAt + 1; i < lines.length; i++) {
    const l = lines[i];
    if (/^\d+\.\s*\S/.test(l.t) && !/^\d+[.,]\d/.test(l.t)) break; // next numbered section
    const tail = splitTail(l.t, true);
    if (tail && tail.figures.length > years.length) {
      // "Løn - projektledelse 436,8 ...": a dash in the label is not a missing figure.
      const extra = tail.figures.length - years.length;
      tail.text = [tail.text, ...tail.figures.slice(0, extra)].filter(Boolean).join(' ');
      tail.figures = tail.figures.slice(extra);
    }
    if (!tail || tail.figures.length !== years.length || tail.percent !== null) {
      if (label.length >= 3) break;
      if (label.length === 0) firstLabelLine = l;
      label.push(l.t);
      continue;
    }
    const rowLabel = joinWrapped([...label, tail.text]);
    const at = firstLabelLine && label.length ? firstLabelLine : l;
    const place = spanLocation(at.location, l.location);
    label = [];
    firstLabelLine = null;
    const values: number[] = [];
    for (const f of tail.figures) {
      const r = readFigure(f);
      if (!r.ok) {
        issue('error', l, `Budgetlinjen "${rowLabel}": ${r.message}`);
        return null;
      }
      if (r.value === null) {
        issue('error', l, `Budgetlinjen "${rowLabel}": et beløb mangler.`);
        return null;
      }
      values.push(toKr(r.value, factor));
    }
    if (/^I alt\b/i.test(rowLabel)) {
      values.forEach((v, k) => {
        if (Math.abs(v - sums[k]) > 1)
          issue('warning', l, `Budget ${years[k]}: "I alt" ${v} kr. er ikke summen af linjerne (${roundHalfUp(sums[k], 2)} kr.).`);
      });
      total = roundHalfUp(values.reduce((a, b) => a + b, 0), 2);
      break;
    }
    const pct = /\((\d+(?:,\d+)?)\s*%/.exec(rowLabel);
    const percentOfDirect = pct ? Number(pct[1].replace(',', '.')) : null;
    const costType = rowLabel.replace(/\s*\(.*$/, '').replace(/[:\s]+$/, '').trim();
    if (percentOfDirect !== null) {
      values.forEach((v, k) => {
        const expected = roundHalfUp((sums[k] * percentOfDirect) / 100, 2);
        if (Math.abs(expected - v) > 1)
          issue('warning', l, `${costType} ${years[k]}: ${v} kr. er ikke ${percentOfDirect} % af de direkte udgifter (${expected} kr.).`);
      });
    }
    values.forEach((v, k) => {
      sums[k] += v;
      items.push({ type: 'budgetLine', costType, year: years[k], amountKr: v, percentOfDirect, source: { file: src(l).file, location: place } });
    });
  }
  return total;
}

const AMOUNT_AT_END = /^(.*?)\s*((?:DKK\s*)?\d[\d.]*(?:,\d+)?\s*(?:kr\.?|DKK|mio\.?(?:\s*kr\.?)?))$/i;

function recogniseFinancing(lines: Line[], items: FoundItem[], issue: IssueFn, src: SrcFn, budgetTotal: number | null): void {
  const start = lines.findIndex((l) => /^(\d+\.\s*)?Finansiering\b/i.test(l.t));
  if (start < 0) return;
  let label: string[] = [];
  let sum = 0;
  let found = 0;
  for (let i = start + 1; i < lines.length && i < start + 40; i++) {
    const l = lines[i];
    if (/^\d+\.\s+\S/.test(l.t) || /^Underskrift\b/i.test(l.t)) break;
    if (/Regneark kan vedlægges/i.test(l.t)) {
      label = [];
      continue;
    }
    const m = AMOUNT_AT_END.exec(l.t);
    if (!m) {
      label.push(l.t);
      continue;
    }
    const name = joinWrapped([...label, m[1]]);
    label = [];
    let amount: number | null;
    try {
      amount = parseDanishAmountKr(m[2]);
    } catch (err) {
      if (!(err instanceof NumberParseError)) throw err;
      issue('error', l, `Finansieringskilden "${name}": ${err.message}`);
      continue;
    }
    if (amount === null) {
      issue('error', l, `Finansieringskilden "${name}": beløbet mangler.`);
      continue;
    }
    if (/^I alt\b/i.test(name)) {
      if (Math.abs(amount - sum) > 1) issue('warning', l, `Finansiering "I alt" ${amount} kr. er ikke summen af kilderne (${sum} kr.).`);
      if (budgetTotal !== null && Math.abs(amount - budgetTotal) > 1)
        issue('warning', l, `Finansieringen (${amount} kr.) svarer ikke til budgettet (${budgetTotal} kr.).`);
      break;
    }
    if (!name) {
      issue('error', l, `Et finansieringsbeløb (${m[2]}) uden navn på kilden.`);
      continue;
    }
    sum = roundHalfUp(sum + amount, 2);
    found += 1;
    items.push({ type: 'financing', name, amountKr: amount, source: src(l) });
  }
  if (found === 0) issue('warning', lines[start], 'Afsnittet om finansiering indeholder ingen beløb, der kan læses.');
}

/**
 * A bullet as Word, PDF and Symbol/Wingdings fonts write it: • ▪ · ● ◦ ■ ► ➢ ✓ * - –, the private-use
 * glyphs \uF0A7 and \uF0B7, and the letter "o" of Word's second-level list when a space follows.
 */
const BULLET = /^(?:[▪•›·‣●◦■□►➢➤✓*\-–\uF0A7\uF0B7\uF0D8\uF0FC]|o(?=\s))\s*(.*)$/;
/** Number words that are also articles ("en kernefortælling") are not read as counts in prose. */
const ARTICLES = new Set(['en', 'et', 'én', 'ét']);

/** The count a prose goal names: "Afholdelse af 24 netværksaktiviteter" -> 24, "tre" -> 3. */
export function countInProse(text: string): number | null {
  const withoutParens = text.replace(/\([^)]*\)/g, ' ');
  for (const raw of withoutParens.split(/\s+/)) {
    const token = raw.replace(/^[("]+|[),.;:"]+$/g, '');
    if (/^\d{1,3}(\.\d{3})+$|^\d+$/.test(token)) {
      if (/^(19|20)\d\d$/.test(token)) continue; // a year, not a count
      return Number(token.replace(/\./g, ''));
    }
    if (!ARTICLES.has(token.toLowerCase())) {
      const word = danishNumberWord(token);
      if (word !== null) return word;
    }
  }
  return null;
}

function recogniseProseGoals(lines: Line[], items: FoundItem[], issue: IssueFn, src: SrcFn): void {
  const start = lines.findIndex((l) => /Effekter og output|^Mål for\b/i.test(l.t));
  if (start < 0) {
    issue('warning', null, 'Ansøgningen har intet afsnit "Effekter og output" eller "Mål for ...", så der er ikke læst nogen mål; tilføj dem i appen.');
    return;
  }
  const bullets: { parts: string[]; line: Line; last: Line }[] = [];
  let current: { parts: string[]; line: Line; last: Line } | null = null;
  for (let i = start + 1; i < lines.length; i++) {
    const l = lines[i];
    if (/^\d+\.\s+\S/.test(l.t)) break;
    if (/^Mål for\b/i.test(l.t)) {
      current = null;
      continue;
    }
    const b = BULLET.exec(l.t);
    if (b) {
      current = { parts: [b[1]], line: l, last: l };
      bullets.push(current);
    } else if (current) {
      current.parts.push(l.t);
      current.last = l;
    }
  }
  let n = 0;
  for (const b of bullets) {
    const description = joinWrapped(b.parts);
    const target = countInProse(description);
    if (target === null) continue;
    n += 1;
    const location = spanLocation(b.line.location, b.last.location);
    items.push({
      type: 'goal',
      level: 'B',
      code: `B${n}`,
      description,
      unit: '',
      targetInPeriod: target,
      targetAfterPeriod: null,
      codeSuggested: true,
      source: { file: src(b.line).file, location },
    });
  }
  if (n === 0)
    issue(
      'warning',
      lines[start],
      bullets.length === 0
        ? 'Afsnittet om mål har ingen punkter (opstilling), så der er ikke læst nogen mål; tilføj dem i appen.'
        : `Ingen af afsnittets ${bullets.length} punkter nævner et antal, så der er ikke læst nogen mål; tilføj dem i appen.`,
    );
  else
    issue(
      'warning',
      lines[start],
      `${n} mål læst fra ansøgningens tekst som outputmål med foreslåede koder (mål projektet allerede har, beholder deres kode); ret koden i forhåndsvisningen, hvis et mål er et aktivitets- (A) eller effektmål (C).`,
    );
}
