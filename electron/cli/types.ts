/** A CLI command: its name, help text, the options it takes, and what it does. */
export interface CliCommand {
  name: string;
  /** One line for `--help`. */
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
}

export interface CliIO {
  out(text: string): void;
  err(text: string): void;
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
  if (typeof v !== 'string' || v === '') throw new CliError(`Mangler --${name}. Se --help.`, 2);
  return v;
}
