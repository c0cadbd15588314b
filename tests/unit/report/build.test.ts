import { EVALUATION_TEXT_KEYS } from '../../../shared/domain';
import type { RoundComparison } from '../../../shared/methodology/compare';
import { buildReport, chapterOf } from '../../../shared/report/build';
import { danishDateOf } from '../../../shared/numbers/danishDate';
import type { Block, Report } from '../../../shared/report/model';
import { chartSvg, wrapText } from '../../../shared/report/svg';
import { demoReportInput } from './fixtures';

/** Every text of a report, in reading order. */
function texts(report: Report): string[] {
  const out: string[] = [report.marker.text, ...report.titlePage.rows.map((r) => r.value)];
  const block = (b: Block): string[] => {
    switch (b.kind) {
      case 'heading':
      case 'paragraph':
      case 'note':
        return [b.text];
      case 'list':
        return b.items;
      case 'facts':
        return [b.caption, ...b.rows.flatMap((r) => [r.label, r.value])];
      case 'lights':
        return b.boxes.flatMap((x) => [x.title, x.figure, x.lightText, ...x.text.map((p) => p.text), ...x.notes]);
      case 'table':
        return [b.caption, ...b.columns.map((c) => c.title), ...[...b.rows, ...b.footer].flat().map((c) => c.text)];
      case 'chart':
        return [b.caption, b.chart.description];
    }
  };
  for (const c of report.chapters) out.push(`${c.number} ${c.title}`, ...c.blocks.flatMap(block));
  return out;
}

const tableOf = (report: Report, id: string) => {
  for (const c of report.chapters) for (const b of c.blocks) if (b.kind === 'table' && b.id === id) return b;
  throw new Error(`no table ${id}`);
};

describe('the report model of Headstart (seed 003)', () => {
  const report = buildReport(demoReportInput('Headstart'));

  it('has 003’s chapters in order, numbered, with the sub-sections of 003', () => {
    expect(report.chapters.map((c) => `${c.number} ${c.title}`)).toEqual([
      '1 Resumé',
      '2 Fakta om projektet',
      '3 Overordnet status',
      '4 Projektets implementering',
      '5 Fremdrift og målopnåelse',
      '6 Effektvurdering',
      '7 Læring',
      '8 Bilag: Sådan scorer vi',
      '9 Bilag: Kilder',
    ]);
    const headings = report.chapters.flatMap((c) => c.blocks.filter((b) => b.kind === 'heading' && b.level === 2).map((b) => (b as { text: string }).text));
    expect(headings).toEqual(['2.1 Projektets effektkæde', '5.1 Fremdrift ift. aktiviteter og milepæle', '5.2 Målopnåelse i forhold til output', '6.1 Forudsætninger for effektskabelse', '6.2 Indsatsens effektmål']);
    expect(report.titlePage).toMatchObject({ title: 'Tiltrækning af talent (Headstart)', subtitle: 'Slutevaluering' });
    expect(report.titlePage.rows.map((r) => r.value)).toEqual(['Aarhus Kommune', '02.12.2022', 'Ekstern evaluator', 'KLADDE – ikke afsluttet']);
  });

  it('shows the three lights with their figures: 3,8 green, 94 % green, effect 81 %', () => {
    const lights = chapterOf(report, 'resume')!.blocks.find((b) => b.kind === 'lights')!;
    if (lights.kind !== 'lights') throw new Error('no lights');
    expect(lights.boxes.map((b) => [b.kind, b.figure, b.light, b.lightText])).toEqual([
      ['implementation', '3,8', 'green', 'Grøn'],
      ['goals', '94 %', 'green', 'Grøn'],
      ['effect', '81 %', 'green', 'Grøn'],
    ]);
    expect(lights.boxes[0].text[0].text).toMatch(/^Projektet har været varetaget af stærke projektleder/);
    // The effect light is the evaluator's: the reason is printed with it.
    expect(lights.boxes[2].notes.join(' ')).toMatch(/sat af evaluator.*Begrundelse: Evaluator vurderer/);
  });

  it('has the fact box, the six parameters, budget and time, survey indicators, learning points and the appendix', () => {
    const facts = chapterOf(report, 'facts')!.blocks.find((b) => b.kind === 'facts')!;
    expect(facts.kind === 'facts' && facts.rows.map((r) => `${r.label}: ${r.value}`)).toEqual(
      expect.arrayContaining(['Tilskudsmodtager: Aarhus Kommune', 'Sagsbehandler: Annette Zeh', 'Finansieringskilde: Socialfonden (ESF)', 'Indsatsområde: Erhvervsuddannelse for voksne (ESF-4b)', 'Samlet budget: 20.000.000 kr.', 'Bevillingsperiode: 01.01.2019 – 31.12.2022']),
    );
    const all = texts(report);
    for (const name of ['1. Organisering og samarbejde', '2. Sammenhæng mellem aktiviteter og mål', '3. Kvalitet, målgruppens oplevelse', '4. Relevans, målgruppens oplevelse', '5. Forankring af output', '6. Monitorering og opfølgning'])
      expect(all).toContain(name);
    expect(all).toContain('Score 3: Implementeringen er tilfredsstillende. Visse forbedringspotentialer.');
    expect(tableOf(report, 'progress').rows.map((r) => r.map((c) => c.text))).toEqual([
      ['Budgetforbrug (kr.)', '20.000.000', '20.000.000', '100 %'],
      ['Tidsforbrug (måneder)', '47', '47', '100 %'],
    ]);
    expect(all).toContain('Forbrugsrate (budgetforbrug i procent / tidsforbrug i procent): 1,00 – i balance.');
    expect(tableOf(report, 'survey.virksomheder.5').rows.map((r) => [r[1].text, r[2].text])).toEqual([['9 ud af 9', '100 %'], ['2 ud af 9', '22 %']]);
    expect(all.some((t) => t.includes('(n=8)'))).toBe(true);
    expect(all.filter((t) => /^Læringspunkt \d: /.test(t))).toHaveLength(4);
    expect(tableOf(report, 'legend.implementation').rows.map((r) => r.map((c) => c.text))).toEqual([['3,5 - 5,0', 'Grøn'], ['2,6 - 3,4', 'Gul'], ['1,0 - 2,5', 'Rød']]);
    expect(tableOf(report, 'legend.goals').rows[1].map((c) => c.text)).toEqual(['Grøn', 'Målopnåelsen er lidt under det ønskede niveau.', '81 - 94 %', '35 - 44 %']);
  });

  it('gives each goal level its table with target, status, percent, average and light, and the notes 003 has', () => {
    const B = tableOf(report, 'goals.B');
    expect(B.rows.map((r) => r.map((c) => c.text))).toEqual([
      ['B1: Antal deltagere', '256', '219', '86 %'],
      ['B2: Antal virksomheder på karriereportalen', '90', '87', '97 %'],
      ['B4: Antal kandidater, der lægger cv ind i database og/eller skriver sig op til e-mail korrespondance', '19.037', '19.037', '100 %'],
    ]);
    expect(B.footer.map((r) => r[r.length - 1].text)).toEqual(['94 %', 'Grøn']);
    const C = tableOf(report, 'goals.C');
    expect(C.columns.map((c) => c.title)).toEqual(['Effektmål', 'Mål i projektperioden', 'Mål efter projektperioden', 'Status', 'Målopnåelse i procent']);
    expect(C.rows[1].map((c) => c.text)).toEqual(['C2: Internationale studenter som kommer i fuldtidsjob/studiejob/praktik i midtjydske virksomheder.', '60', '0', '45', '75 %']);
    // The C2 warning sits right under the effect goal table, after its provenance note.
    const effect = chapterOf(report, 'effect')!.blocks;
    const at = effect.indexOf(C);
    expect(effect[at + 1]).toMatchObject({ kind: 'note', text: expect.stringMatching(/^Note: Indrapporteret af Bevillingsmodtager 02\.12\.2022\. /) });
    expect(effect[at + 2]).toMatchObject({ kind: 'note', tone: 'warning', text: 'Advarsel: C2: trykt målopnåelse 88 % afviger fra beregnet 75 %' });
  });

  it('places every warning of the summary exactly once', () => {
    const input = demoReportInput('Headstart');
    const all = texts(buildReport(input)).filter((t) => t.startsWith('Advarsel: '));
    expect(all.sort()).toEqual(input.evaluation.summary.warnings.map((w) => `Advarsel: ${w.message}`).sort());
  });

  it('takes every figure from the engine’s summary, never recomputing it', () => {
    const input = demoReportInput('Headstart');
    input.evaluation.summary.levels.B.displayAverage = 55;
    input.evaluation.summary.lights.goals.basis = { level: 'B', displayPercent: 55 };
    input.evaluation.summary.implementation.rounded = 2.4;
    input.evaluation.summary.progress.burnRatio = 0.5;
    const r = buildReport(input);
    const lights = chapterOf(r, 'resume')!.blocks[0];
    expect(lights.kind === 'lights' && lights.boxes.map((b) => b.figure)).toEqual(['2,4', '55 %', '81 %']);
    expect(tableOf(r, 'goals.B').footer[0].at(-1)!.text).toBe('55 %');
    expect(texts(r)).toContain('Forbrugsrate (budgetforbrug i procent / tidsforbrug i procent): 0,50 – i balance.');
  });
});

describe('drafts, final reports and the evaluator’s prose', () => {
  it('a draft says so on every page and shows each empty text as a placeholder', () => {
    const draft = buildReport(demoReportInput('Headstart'));
    expect(draft.marker).toEqual({ state: 'draft', text: 'KLADDE' });
    // One placeholder per empty text key: facts, implementation, 5.1, budget, 5.2, effect, learning.
    expect(texts(draft).filter((t) => t === '[Ingen tekst endnu]')).toHaveLength(EVALUATION_TEXT_KEYS.length);
  });

  it('a final report carries "Afsluttet dd.mm.åååå af NAME" (Danish date) and leaves empty texts out', () => {
    const final = buildReport(demoReportInput('Headstart', { signOff: { state: 'final', finalizedAt: '2023-01-05T23:30:00Z', finalizedBy: 'Anne Evaluator' } }));
    expect(final.marker).toEqual({ state: 'final', text: 'Afsluttet 06.01.2023 af Anne Evaluator' });
    expect(texts(final)).not.toContain('[Ingen tekst endnu]');
    expect(texts(final)).not.toContain('KLADDE');
    expect(danishDateOf('2023-01-05')).toBe('05.01.2023');
  });

  it('prints each written text in its own chapter', () => {
    const written = Object.fromEntries(EVALUATION_TEXT_KEYS.map((k) => [k, `Tekst til ${k}.`]));
    const r = buildReport(demoReportInput('Headstart', { texts: written }));
    const where: Record<string, string> = { facts: 'facts', implementation: 'implementation', activityGoals: 'goals', progress: 'goals', outputGoals: 'goals', effect: 'effect', learning: 'learning' };
    for (const key of EVALUATION_TEXT_KEYS) {
      const chapter = chapterOf(r, where[key] as 'facts')!;
      expect(chapter.blocks.some((b) => b.kind === 'paragraph' && b.text === `Tekst til ${key}.`), key).toBe(true);
    }
    expect(texts(r)).not.toContain('[Ingen tekst endnu]');
  });

  it('a final round without an overall status has no chapter for it; a draft shows the placeholder', () => {
    const empty = (p: { evaluations: { overallStatus: string }[] }) => (p.evaluations[0].overallStatus = '');
    const final = buildReport(demoReportInput('Headstart', { mutate: empty, signOff: { state: 'final', finalizedAt: '2023-01-05', finalizedBy: 'A' } }));
    expect(final.chapters.map((c) => c.id)).not.toContain('status');
    expect(final.chapters.map((c) => c.number)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    const draft = buildReport(demoReportInput('Headstart', { mutate: empty }));
    expect(chapterOf(draft, 'status')!.blocks).toEqual([{ kind: 'paragraph', text: '[Ingen tekst endnu]', role: 'placeholder' }]);
  });
});

describe('midterm, English, comparison, profile', () => {
  it('a midterm report has recommendations; a final one leaves them out and the draft says so', () => {
    const withRecommendation = (p: { evaluations: { learning: { kind: string; title: string; text: string }[] }[] }) =>
      p.evaluations[0].learning.push({ kind: 'recommendation', title: 'Gør mere', text: 'Tekst.' });
    const midterm = buildReport(demoReportInput('work-live-stay', { mutate: withRecommendation }));
    expect(chapterOf(midterm, 'learning')!.title).toBe('Anbefalinger og læring');
    expect(texts(midterm)).toContain('Anbefaling 1: Gør mere');
    // The midterm has no score yet: the light box says provisional, no light.
    const lights = chapterOf(midterm, 'resume')!.blocks[0];
    expect(lights.kind === 'lights' && lights.boxes[0].lightText).toBe('Intet lys');
    // Nothing scored: said in words (not "– – Intet lys"), one placeholder per parameter, one for the chapter's text.
    const implementation = chapterOf(midterm, 'implementation')!.blocks;
    expect(implementation).toContainEqual({ kind: 'paragraph', role: 'lead', text: 'Samlet implementeringsscore: ingen parametre er scoret endnu.' });
    expect(implementation.filter((b) => b.kind === 'paragraph' && b.role === 'placeholder')).toHaveLength(7);

    const final = buildReport(demoReportInput('Headstart', { mutate: withRecommendation }));
    expect(texts(final).some((t) => t.startsWith('Anbefaling'))).toBe(false);
    expect(texts(final)).toContain('Én anbefaling er registreret, men anbefalinger formidles kun ved midtvejsevalueringer og er udeladt af denne rapport.');
  });

  it("says, as 003's footnote does, that recommendations come only in a midterm: in a final report, not in the midterm", () => {
    const onlyMidterm = 'Anbefalinger formidles kun i forbindelse med midtvejsevalueringer.';
    expect(texts(buildReport(demoReportInput('Headstart')))).toContain(onlyMidterm);
    const midterm = buildReport(demoReportInput('work-live-stay'));
    expect(texts(midterm)).not.toContain(onlyMidterm);
    // The midterm has neither: it says both are missing.
    expect(chapterOf(midterm, 'learning')!.blocks).toContainEqual({ kind: 'paragraph', text: 'Der er ikke registreret anbefalinger eller læringspunkter.' });
  });

  it('in English: English words, Danish numbers and dates', () => {
    const r = buildReport(demoReportInput('Headstart', { lang: 'en' }));
    expect(r.chapters.map((c) => c.title)).toEqual(['Summary', 'Facts about the project', 'Overall status', "The project's implementation", 'Progress and goal attainment', 'Effect assessment', 'Learning', 'Appendix: How we score', 'Appendix: Sources']);
    expect(r.marker.text).toBe('DRAFT');
    const lights = chapterOf(r, 'resume')!.blocks[0];
    expect(lights.kind === 'lights' && lights.boxes.map((b) => `${b.figure} ${b.lightText}`)).toEqual(['3,8 Green', '94 % Green', '81 % Green']);
    expect(texts(r)).toContain('Warning: C2: printed attainment 88 % differs from the computed 75 %');
    expect(tableOf(r, 'goals.B').rows[2][1].text).toBe('19.037');
    expect(r.titlePage.rows[1].value).toBe('02.12.2022');
  });

  it('adds "Udvikling siden midtvejsevalueringen" when a comparison with a midterm is given', () => {
    const input = demoReportInput('Headstart');
    input.project.evaluations.push({ ...input.evaluation.evaluation, id: 3, type: 'midterm', date: '2021-01-15' });
    const comparison: RoundComparison = {
      earlierEvaluationId: 3,
      laterEvaluationId: 7,
      goals: [{ code: 'B1', level: 'B', description: 'Antal deltagere', then: { target: 256, status: 120, percent: 47 }, now: { target: 256, status: 219, percent: 86 }, changePoints: 39 }],
      parameters: [{ parameter: 1, then: 3, now: 4 }],
      implementation: { then: 3.2, now: 3.8 },
      lights: [{ kind: 'implementation', then: 'yellow', now: 'green', thenBasis: null, nowBasis: null, why: 'Gennemsnit 3,8' }],
    };
    const r = buildReport({ ...input, comparison });
    const c = chapterOf(r, 'comparison')!;
    expect(`${c.number} ${c.title}`).toBe('8 Udvikling siden midtvejsevalueringen');
    expect(chapterOf(r, 'legend')!.number).toBe('9');
    expect(tableOf(r, 'comparison.goals').rows[0].map((x) => x.text)).toEqual(['B1: Antal deltagere', '256 / 120', '47 %', '256 / 219', '86 %', '+39']);
    expect(tableOf(r, 'comparison.parameters').footer[0].map((x) => x.text)).toEqual(['Samlet score', '3,2', '3,8']);
    expect(tableOf(r, 'comparison.lights').rows[0].map((x) => x.text)).toEqual(['Implementering', 'Gul', 'Grøn', 'Gennemsnit 3,8']);
  });

  it('renders the appendix from the profile in force, not from typed text', () => {
    const input = demoReportInput('Headstart');
    input.evaluation.profile = { ...input.evaluation.profile, name: 'Skærpet', implementationBands: { greenMin: 4, yellowMin: 3 } };
    input.evaluation.profileVersion = { version: 3, createdAt: '2026-12-03T17:00:00.000Z', createdBy: 'ida' };
    const r = buildReport(input);
    expect(tableOf(r, 'legend.implementation').rows.map((x) => x[0].text)).toEqual(['4,0 - 5,0', '3,0 - 3,9', '1,0 - 2,9']);
    expect(texts(r).some((t) => t.includes('(profil: Skærpet; Metodeprofil version 3 af 03.12.2026)'))).toBe(true);
  });
});

describe('charts as SVG', () => {
  const measure = (text: string, size: number) => text.length * size * 0.5;

  it('wraps text to the width it is given', () => {
    expect(wrapText('en to tre fire fem seks', 40, 10, false, measure)).toEqual(['en to', 'tre fire', 'fem seks']);
    expect(wrapText('en\nto', 400, 10, false, measure)).toEqual(['en', 'to']);
  });

  it('draws the six scores on the 1-5 scale, unscored ones as text, every label escaped', () => {
    const svg = chartSvg(
      { type: 'scores', min: 1, max: 5, items: [{ label: 'A & B', value: 4, valueText: '4' }, { label: 'C', value: null, valueText: 'ikke scoret' }], description: 'x' },
      400,
      measure,
    );
    expect(svg.svg).toContain('A &amp; B');
    expect(svg.svg).toContain('>ikke scoret<');
    expect(svg.svg.match(/<rect [^>]*fill="#3b6ea8"/g)).toHaveLength(1);
    expect(svg.width).toBe(400);
  });
});
