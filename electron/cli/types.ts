import { CLI_MESSAGES, type CliMessages, type Lang } from './messages';

/** A CLI command: its name, help text, the options it takes, and what it does. */
export interface CliCommand {
  name: string;
  /** One line for `--help`, in Danish; the help shows the catalogue's text for `name` in the chosen language. */
  summary: string;
  /** Usage line(s), e.g. "summary --db FILE [--project NAME] [--json]". */
  usage: string;
  /** Options for node:util parseArgs. */
  options: Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }>;
  /** Whether positional arguments are allowed (e.g. files to import). */
  allowPositionals?: boolean;
  run(args: CliArgs, io: CliIO): Promise<number>;
}

export interface CliArgs {
  values: Record<string, string | boolean | string[] | boolean[] | undefined>;
  positionals: string[];
  /** The run's language and its texts (Danish unless --lang en or LANG=en_*). */
  lang: Lang;
  t: CliMessages;
}

/** Args for calling a command directly (tests): Danish unless told. */
export function cliArgs(values: CliArgs['values'], positionals: string[] = [], lang: Lang = 'da'): CliArgs {
  return { values, positionals, lang, t: CLI_MESSAGES[lang] };
}

export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  /** All of standard input (a password piped in); process.stdin unless a test gives it. */
  readStdin?(): Promise<string>;
}

/** An error the CLI prints as it is (no stack), exiting with `exitCode`. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

export function requireString(args: CliArgs, name: string): string {
  const v = args.values[name];
  if (typeof v !== 'string' || v === '') throw new CliError(args.t.missingOption(name), 2);
  return v;
}
