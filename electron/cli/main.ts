import { parseArgs } from 'node:util';
import { StorageError } from '../storage/store';
import { storageMessage } from '../storage/messages';
import { commands, loadAllCommands } from './commands';
import { CLI_MESSAGES, languageFromEnv, type CliMessages, type Lang } from './messages';
import { CliError, type CliCommand, type CliIO } from './types';
import { urlWithPassword } from './open';

/**
 * Trafiklys on the command line, over the same services as the app. Runs on plain Node,
 * without the Electron binary: `npm run cli -- <command> [options]`. It speaks Danish unless
 * `--lang en` (anywhere on the line) or an English locale (LANG=en_*) says otherwise.
 */
export async function runCli(argv: string[], io: CliIO, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const chosen = takeLang(argv);
  const lang: Lang = chosen.lang === undefined ? languageFromEnv(env) : chosen.lang === 'en' ? 'en' : 'da';
  const t = CLI_MESSAGES[lang];
  if (chosen.lang !== undefined && chosen.lang !== 'da' && chosen.lang !== 'en') {
    io.err(`${t.errorPrefix}: ${t.badLang(chosen.lang)}`);
    return 2;
  }
  const [name, ...rest] = chosen.argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(await help(t));
    return name ? 0 : 2;
  }
  const entry = commands.find((c) => c.name === name);
  if (!entry) {
    io.err(`${t.unknownCommand(name)}\n\n${await help(t)}`);
    return 2;
  }
  const withPassword = urlWithPassword(rest);
  if (withPassword) io.err(t.passwordInUrl(withPassword));
  const command = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(`${t.usage(command.usage)}\n\n${summaryOf(command, t)}${'project' in command.options ? `\n${t.projectOption}` : ''}`);
    return 0;
  }
  try {
    const parsed = parseArgs({
      args: rest,
      options: command.options,
      allowPositionals: command.allowPositionals ?? false,
      strict: true,
    });
    return await command.run({ values: parsed.values as Record<string, string | boolean | undefined>, positionals: parsed.positionals, lang, t }, io);
  } catch (err) {
    if (err instanceof CliError) {
      io.err(`${t.errorPrefix}: ${err.message}`);
      return err.exitCode;
    }
    // A portfolio file that cannot be used: what it means and what to do, in the run's language.
    if (err instanceof StorageError) {
      io.err(`${t.errorPrefix}: ${storageMessage(lang, err.problem)}`);
      return 1;
    }
    const code = (err as { code?: string }).code;
    const parseProblem = code ? parseError(code, t) : undefined;
    if (parseProblem) {
      const detail = /'([^']+)'/.exec((err as Error).message)?.[1] ?? '';
      io.err(`${t.errorPrefix}: ${parseProblem}${detail ? ` (${detail})` : ''}.\n${t.usage(command.usage)}`);
      return 2;
    }
    io.err(`${t.errorPrefix}: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
}

/** Removes `--lang X` / `--lang=X` from anywhere in argv; the rest goes to the command. */
function takeLang(argv: string[]): { argv: string[]; lang: string | undefined } {
  const rest: string[] = [];
  let lang: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    if (a === '--lang') lang = argv[++i] ?? '';
    else if (a.startsWith('--lang=')) lang = a.slice('--lang='.length);
    else rest.push(a);
  }
  return { argv: rest, lang };
}

function parseError(code: string, t: CliMessages): string | undefined {
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return t.unknownOption;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return t.invalidOptionValue;
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return t.unexpectedPositional;
  return undefined;
}

function summaryOf(command: CliCommand, t: CliMessages): string {
  return t.commandSummary[command.name] ?? command.summary;
}

async function help(t: CliMessages): Promise<string> {
  const all = await loadAllCommands();
  return [
    t.helpTitle,
    '',
    t.helpUsage,
    '',
    t.helpCommands,
    ...all.flatMap((c) => [`  ${c.usage}`, `      ${summaryOf(c, t)}`]),
    '',
    t.helpMore,
    t.projectOption,
    t.helpLang,
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
      process.stderr.write(`${CLI_MESSAGES[languageFromEnv(process.env)].errorPrefix}: ${String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
