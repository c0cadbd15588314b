import { parseArgs } from 'node:util';
import { commands } from './commands';
import { CliError, type CliIO } from './types';

/**
 * Trafiklys on the command line, over the same services as the app. Runs on plain Node,
 * without the Electron binary: `npm run cli -- <command> [options]`.
 */
export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(help());
    return name ? 0 : 2;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.err(`Ukendt kommando "${name}".\n\n${help()}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(`Brug: npm run cli -- ${command.usage}\n\n${command.summary}`);
    return 0;
  }
  try {
    const parsed = parseArgs({
      args: rest,
      options: command.options,
      allowPositionals: command.allowPositionals ?? false,
      strict: true,
    });
    return await command.run({ values: parsed.values as Record<string, string | boolean | undefined>, positionals: parsed.positionals }, io);
  } catch (err) {
    if (err instanceof CliError) {
      io.err(`Fejl: ${err.message}`);
      return err.exitCode;
    }
    const code = (err as { code?: string }).code;
    const parseProblem = code ? PARSE_ERRORS[code] : undefined;
    if (parseProblem) {
      const detail = /'([^']+)'/.exec((err as Error).message)?.[1] ?? '';
      io.err(`Fejl: ${parseProblem}${detail ? ` (${detail})` : ''}.\nBrug: npm run cli -- ${command.usage}`);
      return 2;
    }
    io.err(`Fejl: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
}

const PARSE_ERRORS: Record<string, string> = {
  ERR_PARSE_ARGS_UNKNOWN_OPTION: 'Ukendt tilvalg',
  ERR_PARSE_ARGS_INVALID_OPTION_VALUE: 'Ugyldig værdi til et tilvalg',
  ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL: 'Uventet argument',
};

function help(): string {
  return [
    'Trafiklys – kommandolinje',
    '',
    'Brug: npm run cli -- <kommando> [tilvalg]',
    '',
    'Kommandoer:',
    ...commands.flatMap((c) => [`  ${c.usage}`, `      ${c.summary}`]),
    '',
    'Tilføj --help efter en kommando for dens hjælp.',
  ].join('\n');
}

const isMain = process.argv[1] && /cli[\\/]main\.(ts|js|cjs|mjs)$/.test(process.argv[1]);
if (isMain) {
  runCli(process.argv.slice(2), {
    out: (t) => process.stdout.write(t + '\n'),
    err: (t) => process.stderr.write(t + '\n'),
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`Fejl: ${String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
