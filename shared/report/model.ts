import type { EvaluationDetail, ProjectDetail } from '../contracts/views';
import type { EvaluationSignOff, EvaluationTexts, Light, LightKind } from '../domain';
import type { RoundComparison } from '../methodology/compare';
import type { ProjectSource } from '../sources/types';
import type { MeasureFigures } from './measureText';

/**
 * The written evaluation report (seed 003) as data: chapters of a few block kinds, built once
 * from an evaluation round and laid out by each renderer (PDF, DOCX) without deciding anything
 * itself. Every text is final here, in the report's language; every figure is the engine's,
 * formatted the Danish way in both languages.
 */

export type ReportLang = 'da' | 'en';
export const REPORT_LANGS: readonly ReportLang[] = ['da', 'en'];

/** What a report is built from. Prose, sign-off and comparison come in explicitly (see reportInput). */
export interface ReportInput {
  project: ProjectDetail;
  evaluation: EvaluationDetail;
  texts: EvaluationTexts;
  signOff: EvaluationSignOff;
  /** The earlier round beside this one ("Udvikling siden midtvejsevalueringen"); null = no section. */
  comparison: RoundComparison | null;
  /** The files the project was imported from: listed in the appendix "Kilder". */
  sources: ProjectSource[];
  lang: ReportLang;
  /** Shares, comparisons and business case at the round's date (issue 14); absent or empty = no section. */
  measures?: MeasureFigures;
}

/**
 * What a project status is built from (issue 14): a project without an evaluation round. No
 * round means no scores, no attainment and no lights; the goals show their latest status.
 */
export interface ProjectStatusInput {
  project: ProjectDetail;
  sources: ProjectSource[];
  lang: ReportLang;
  /** Shares, comparisons and business case with the latest statuses; absent or empty = no chapter. */
  measures?: MeasureFigures;
  /** The day the document is made (ISO yyyy-mm-dd), printed on the title page. */
  madeOn: string;
}

/** A table cell: what it shows, and what kind of value it is (alignment, colour, read-back). */
export type Cell =
  | { kind: 'text'; text: string; bold?: boolean }
  | { kind: 'number'; value: number | null; text: string; bold?: boolean }
  | { kind: 'percent'; value: number | null; text: string; bold?: boolean }
  | { kind: 'light'; light: Light | null; text: string };

export type Align = 'left' | 'right' | 'center';

export interface TableColumn {
  title: string;
  align: Align;
  /** Relative width; the renderer shares the text width out by these weights. */
  weight: number;
}

/** One of the three lights of the Resumé, with its figure and the evaluator's text beside it. */
export interface LightBox {
  kind: LightKind;
  title: string;
  /** "Gennemsnitlig score (skala 1-5)" */
  figureLabel: string;
  /** "3,8", "94 %"; "–" when there is none. */
  figure: string;
  light: Light | null;
  /** "Grøn", "Ingen lys" */
  lightText: string;
  /** The evaluator's text (paragraphs); a placeholder block in a draft when it is empty. */
  text: Paragraph[];
  /** Override, provisional score ...: said under the box. */
  notes: string[];
}

export interface Paragraph {
  kind: 'paragraph';
  text: string;
  /** lead: bold first sentence (a parameter's headline); placeholder: empty prose in a draft. */
  role?: 'body' | 'lead' | 'placeholder' | 'intro';
}

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | Paragraph
  | { kind: 'list'; items: string[] }
  | { kind: 'facts'; caption: string; title: string; rows: { label: string; value: string }[] }
  | { kind: 'lights'; boxes: LightBox[] }
  | {
      kind: 'table';
      /** Stable name for tests and read-back ("goals.B", "progress", "survey.virksomheder"). */
      id: string;
      caption: string;
      columns: TableColumn[];
      rows: Cell[][];
      /** Summary rows under the body (level average and light). */
      footer: Cell[][];
    }
  | { kind: 'note'; text: string; tone: 'note' | 'warning' }
  | { kind: 'chart'; id: string; caption: string; chart: Chart };

/** Charts as data; shared/report/svg.ts draws them, the same drawing in both formats. */
export type Chart =
  | {
      type: 'scores';
      /** The score scale (1-5 from the profile). */
      min: number;
      max: number;
      items: { label: string; value: number | null; valueText: string }[];
      /** Alternative text: the figures in words. */
      description: string;
    }
  | {
      type: 'percentBars';
      items: { label: string; value: number | null; valueText: string }[];
      /** A marked line, e.g. 100 % (all used). */
      reference: number;
      description: string;
    }
  | {
      type: 'effectChain';
      columns: { title: string; items: string[] }[];
      description: string;
    };

export type ChapterId =
  | 'resume'
  | 'facts'
  | 'status'
  | 'implementation'
  | 'goals'
  | 'effect'
  | 'learning'
  | 'comparison'
  | 'legend'
  | 'sources'
  /** A project status (no round): goals with their latest status, and the measures as a chapter. */
  | 'projectGoals'
  | 'measures';

export interface Chapter {
  id: ChapterId;
  /** "1", "2" ... as printed; the appendix is numbered too, as in 003. */
  number: string;
  title: string;
  blocks: Block[];
}

export interface TitlePage {
  kicker: string;
  title: string;
  subtitle: string;
  rows: { label: string; value: string }[];
}

export interface Report {
  lang: ReportLang;
  /** Document properties. */
  meta: { title: string; subject: string; author: string; keywords: string };
  /**
   * "KLADDE" in a draft, "Afsluttet 05.01.2023 af NAVN" in a final report, "Projektstatus – ikke
   * en evaluering" in a project status (no round): on every page.
   */
  marker: { state: 'draft' | 'final' | 'status'; text: string };
  /** Short name for the page header. */
  running: string;
  titlePage: TitlePage;
  chapters: Chapter[];
}
