import { resolve } from 'node:path';
import { formatDanishNumber } from '../../../shared/numbers/danish';
import { danishNumber } from '../../../shared/import/notes';
import { formatDanishDate } from '../../../shared/numbers/danishDate';
import { FACT_LABEL_DA, type ImportApplyResult, type ImportItem, type ImportPreview } from '../../../shared/import/items';
import { applyImport, previewImport } from '../../import/service';
import type { CliCommand } from '../types';
import { CliError, requireString } from '../types';
import { openExistingServices } from '../open';
import { findProject } from '../project';
import { importIssueText, type CliMessages, type Lang } from '../messages';

const LEVEL_DA = { A: 'aktivitet', B: 'output', C: 'effekt' } as const;
/** A number as the report prints it: 19.037, 19.500.000,5; '–' when missing. */
const n = (v: number | null) => (v === null ? '–' : danishNumber(v));
const CHANGE_DA = { new: 'ny', changed: 'ændres', unchanged: 'uændret', blocked: 'mangler data', info: 'vises kun' } as const;

export const importCommand: CliCommand = {
  name: 'import',
  summary: 'Læs statusrapporter, evalueringsrapporter, ansøgninger, CSV og spørgeskemasvar; vis fundet og gem det (én transaktion).',
  usage: 'import FILE... --db FILE [--project NAME|ID] [--evaluation-type final|midterm] [--accept-changes] [--dry-run] [--json]',
  options: {
    db: { type: 'string' },
    project: { type: 'string' },
    'evaluation-type': { type: 'string' },
    'dry-run': { type: 'boolean' },
    'accept-changes': { type: 'boolean' },
    json: { type: 'boolean' },
  },
  allowPositionals: true,
  async run(args, io) {
    if (args.positionals.length === 0) throw new CliError(args.t.importNeedsFiles, 2);
    const evaluationType = args.values['evaluation-type'] ?? 'final';
    if (evaluationType !== 'final' && evaluationType !== 'midterm') throw new CliError(args.t.importBadType, 2);
    const services = await openExistingServices(resolve(requireString(args, 'db')), args.t);
    try {
      // --project names an existing project as every command does (id, name or a unique part of
      // it); a name that matches none is the name of a new project.
      const query = typeof args.values.project === 'string' ? args.values.project : undefined;
      const existing = query === undefined ? null : await findProject(services.store, query, args.t);
      const projectName = existing ? existing.name : query;
      const controller = new AbortController();
      const onSignal = () => controller.abort();
      process.once('SIGINT', onSignal);
      try {
        const preview = await previewImport(
          services.store,
          args.positionals.map((p) => ({ path: resolve(p) })),
          { ...(existing ? { projectId: existing.id } : { projectName }), signal: controller.signal },
        );
        const dryRun = Boolean(args.values['dry-run']);
        // The preview's default selection; items that can't be saved as they are (a status
        // without date) are left out and listed, and so are changes that need a choice unless
        // --accept-changes says to write them too.
        const acceptChanges = Boolean(args.values['accept-changes']);
        const chosen = preview.items.filter((i) => {
          const d = preview.diff.find((x) => x.itemId === i.id);
          return d !== undefined && d.change !== 'blocked' && (d.selectedByDefault || (acceptChanges && d.change === 'changed'));
        });
        let result: ImportApplyResult | null = null;
        if (!dryRun && preview.canApply && chosen.length === 0)
          // Everything is already in the project: nothing to write, and that is not an error.
          result = { projectId: preview.projectId!, evaluationId: preview.evaluationId, created: 0, updated: 0, unchanged: preview.diff.filter((d) => d.change === 'unchanged').length, written: {} };
        else if (!dryRun && preview.canApply) {
          const progress = preview.items.find((i) => i.type === 'progress');
          result = await applyImport(services.store, {
            projectId: preview.projectId,
            newProjectName: projectName,
            evaluationId: preview.evaluationId,
            newEvaluation: {
              type: evaluationType,
              date: (progress?.type === 'progress' && progress.reportedAt) || new Date().toISOString().slice(0, 10),
            },
            items: chosen,
            signal: controller.signal,
          });
        }
        // What the preview found already in the project is "unchanged", whether or not it was sent.
        if (result) result = { ...result, unchanged: preview.diff.filter((d) => d.change === 'unchanged').length };
        const written = new Set(result ? chosen.map((i) => i.id) : []);
        if (args.values.json) io.out(JSON.stringify(toJson(preview, dryRun, result), null, 2));
        else io.out(text(preview, dryRun, result, written, args.t, args.lang));
        return preview.canApply ? 0 : 1;
      } finally {
        process.off('SIGINT', onSignal);
      }
    } finally {
      await services.close();
    }
  },
};

function toJson(p: ImportPreview, dryRun: boolean, result: unknown) {
  const change = (id: string) => p.diff.find((d) => d.itemId === id)?.change ?? null;
  const of = <T extends ImportItem['type']>(t: T) => p.items.filter((i): i is Extract<ImportItem, { type: T }> => i.type === t);
  const statusOf = (code: string) => of('status').find((s) => s.code === code);
  return {
    project: { id: p.projectId, name: p.projectName },
    dryRun,
    written: !dryRun && p.canApply,
    result,
    files: p.files.map((f) => ({ file: f.file, format: f.format, kind: f.kind, label: f.kindLabel, items: f.itemIds.length })),
    facts: Object.fromEntries(of('fact').map((f) => [f.field, f.value])),
    goals: of('goal').map((g) => {
      const s = statusOf(g.code);
      return {
        code: g.code,
        level: g.level,
        description: g.description,
        targetInPeriod: g.targetInPeriod,
        targetAfterPeriod: g.targetAfterPeriod,
        status: s?.value ?? null,
        reportedAt: s?.reportedAt ?? null,
        reportedBy: s?.reportedBy ?? null,
        printedPercent: s?.printedPercent ?? null,
        computedPercent: s?.computedPercent ?? null,
        codeSuggested: g.codeSuggested,
        source: g.source,
        change: change(g.id),
        statusChange: s ? change(s.id) : null,
      };
    }),
    progress: of('progress').map(({ id: _id, type: _t, ...rest }) => rest),
    scoreAverage: of('scoreAverage')[0]?.value ?? null,
    budgetLines: of('budgetLine').map(({ id: _id, type: _t, ...rest }) => rest),
    financing: of('financing').map(({ id: _id, type: _t, ...rest }) => rest),
    survey: of('survey').map(({ id: _id, type: _t, ...rest }) => rest),
    issues: p.issues,
    diff: p.diff,
  };
}

function text(
  p: ImportPreview,
  dryRun: boolean,
  result: { created: number; updated: number; unchanged: number } | null,
  written: ReadonlySet<string>,
  t: CliMessages,
  lang: Lang,
): string {
  const out: string[] = [];
  const change = (id: string) => {
    const d = p.diff.find((x) => x.itemId === id);
    return d ? `${CHANGE_DA[d.change]}${d.change === 'changed' && !d.selectedByDefault && !written.has(id) ? ', ikke valgt' : ''}` : '';
  };
  const date = (iso: string | null) => (iso ? formatDanishDate(iso) : '–');
  out.push(`Projekt: ${p.projectName || '(nyt projekt uden navn)'}${p.projectId ? '' : ' (nyt)'}`);
  for (const f of p.files) out.push(`Fil: ${f.file} – ${f.kindLabel} (${f.format}), ${f.itemIds.length} punkter`);
  const facts = p.items.filter((i) => i.type === 'fact');
  if (facts.length) {
    out.push('', 'Fakta:');
    for (const f of facts)
      if (f.type === 'fact') {
        const value = typeof f.value === 'number' ? n(f.value) : f.field === 'periodStart' || f.field === 'periodEnd' ? date(f.value) : (f.value ?? '–');
        out.push(`  ${FACT_LABEL_DA[f.field]}: ${value}  [${change(f.id)}] (${f.source.location})`);
      }
  }
  const goals = p.items.filter((i) => i.type === 'goal');
  if (goals.length) {
    out.push('', 'Mål:');
    for (const g of goals) {
      if (g.type !== 'goal') continue;
      const s = p.items.find((i) => i.type === 'status' && i.code === g.code);
      const st = s?.type === 'status' ? s : null;
      out.push(
        `  ${g.code} (${LEVEL_DA[g.level]}) mål ${n(g.targetInPeriod)}${g.targetAfterPeriod !== null ? ` / efter ${n(g.targetAfterPeriod)}` : ''}` +
          (st ? `, status ${n(st.value)} pr. ${st.reportedAt ? date(st.reportedAt) : '(ingen dato)'}, trykt ${st.printedPercent === null ? '–' : `${n(st.printedPercent)} %`}, beregnet ${st.computedPercent === null ? '–' : `${n(st.computedPercent)} %`}` : '') +
          `  [${change(g.id)}${st ? `/${change(st.id)}` : ''}]` +
          `\n      ${g.description}${g.codeSuggested ? ' (kode foreslået)' : ''} (${g.source.location})`,
      );
    }
  }
  for (const i of p.items) {
    if (i.type === 'progress')
      out.push('', `Budget og tid: forbrug ${n(i.budgetSpentKr)} af ${n(i.budgetTotalKr)} kr., ${n(i.monthsElapsed)} af ${n(i.monthsTotal)} måneder pr. ${date(i.reportedAt)}  [${change(i.id)}] (${i.source.location})`);
    if (i.type === 'scoreAverage') out.push('', `Gennemsnitlig implementeringsscore (trykt): ${formatDanishNumber(i.value, 1)} (${i.source.location})`);
  }
  const lines = p.items.filter((i) => i.type === 'budgetLine');
  if (lines.length) {
    out.push('', 'Budgetlinjer (kr.):');
    for (const b of lines) if (b.type === 'budgetLine') out.push(`  ${b.year} ${b.costType}: ${n(b.amountKr)}${b.percentOfDirect !== null ? ` (${n(b.percentOfDirect)} % af direkte)` : ''}  [${change(b.id)}]`);
  }
  const fin = p.items.filter((i) => i.type === 'financing');
  if (fin.length) {
    out.push('', 'Finansiering (kr.):');
    for (const f of fin) if (f.type === 'financing') out.push(`  ${f.name}: ${n(f.amountKr)}  [${change(f.id)}]`);
  }
  const survey = p.items.filter((i) => i.type === 'survey');
  if (survey.length) {
    out.push('', 'Spørgeskema:');
    for (const s of survey) if (s.type === 'survey') out.push(`  ${s.group ? `${s.group}: ` : ''}${s.statement}: ${s.positive} ud af ${s.n} (${s.scale}-punkt)  [${change(s.id)}]`);
  }
  const unselected = p.diff.filter((d) => d.change === 'changed' && !d.selectedByDefault && !written.has(d.itemId));
  if (unselected.length) {
    out.push('', 'Ændringer der kræver et valg (gemmes kun med --accept-changes eller når du vælger dem i appens import):');
    for (const d of unselected) {
      const item = p.items.find((i) => i.id === d.itemId)!;
      out.push(`  ${item.source.file}, ${item.source.location}: ${d.note} (${d.before ?? '–'} -> ${d.after ?? '–'})`);
    }
  }
  if (p.issues.length) {
    out.push('', 'Fejl og advarsler:');
    // The hook for the readers' keyed messages: importIssueText renders an issue in `lang`.
    for (const i of p.issues) out.push(`  ${i.severity === 'error' ? t.issueError : t.issueWarning}: ${i.file}${i.location ? `, ${i.location}` : ''}: ${importIssueText(i, lang)}`);
  }
  out.push('');
  if (!p.canApply) out.push('Intet er gemt: ret fejlene og prøv igen.');
  else if (dryRun) out.push('Prøvekørsel (--dry-run): intet er gemt.');
  else if (result && result.created + result.updated === 0) out.push('Intet nyt at gemme: alt i filerne findes allerede i projektet.');
  else if (result) out.push(`Gemt i én transaktion: ${result.created} oprettet, ${result.updated} opdateret, ${result.unchanged} uændret.`);
  return out.join('\n');
}
