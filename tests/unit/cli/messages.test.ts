import { CLI_MESSAGES, languageFromEnv } from '../../../electron/cli/messages';
import { commands } from '../../../electron/cli/commands';
import { STORAGE_MESSAGE_CODES } from '../../../electron/storage/messages';

/** Every text of the CLI exists in Danish and English, of the same shape, and says something. */
function shape(value: unknown): unknown {
  if (typeof value === 'function') return `fn/${value.length}`;
  if (Array.isArray(value)) return value.map(shape);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shape(v)]).sort());
  return typeof value;
}

function texts(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'function') {
    const sample = Array.from({ length: value.length }, (_, i) => (i === 1 && value.length === 2 ? ['Alfa', 'Beta'] : `«p${i}»`));
    return [[path, String((value as (...a: unknown[]) => unknown)(...sample))]];
  }
  if (typeof value === 'string') return [[path, value]];
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => texts(v, `${path}.${k}`));
  return [];
}

describe('CLI message catalogue', () => {
  it('has the same keys, arities and list lengths in Danish and English', () => {
    expect(shape(CLI_MESSAGES.en)).toEqual(shape(CLI_MESSAGES.da));
    expect(STORAGE_MESSAGE_CODES.en.sort()).toEqual(STORAGE_MESSAGE_CODES.da.sort());
  });

  it('has a help text for every command in both languages', () => {
    for (const lang of ['da', 'en'] as const)
      for (const c of commands) expect(CLI_MESSAGES[lang].commandSummary[c.name], `${lang} ${c.name}`).toBeTruthy();
  });

  it('puts every parameter into the text, and no text is left empty', () => {
    for (const lang of ['da', 'en'] as const)
      for (const [path, text] of texts(CLI_MESSAGES[lang])) {
        expect(text.trim(), `${lang}${path}`).not.toBe('');
        for (const p of text.match(/«p\d»/g) ?? []) expect(text).toContain(p);
      }
    const en = texts(CLI_MESSAGES.en);
    const da = new Map(texts(CLI_MESSAGES.da));
    // "Output" and "Budget" are the same word in both languages; every other text is translated.
    const untranslated = en.filter(([path, text]) => da.get(path) === text && !/^(Output|Budget)$/.test(text));
    expect(untranslated.map(([p]) => p)).toEqual([]);
  });

  it('chooses English for en_* locales and Danish otherwise, unset included', () => {
    expect(languageFromEnv({})).toBe('da');
    expect(languageFromEnv({ LANG: 'da_DK.UTF-8' })).toBe('da');
    expect(languageFromEnv({ LANG: 'C' })).toBe('da');
    expect(languageFromEnv({ LANG: 'en_US.UTF-8' })).toBe('en');
    expect(languageFromEnv({ LANG: 'en' })).toBe('en');
    expect(languageFromEnv({ LANG: 'english' })).toBe('da');
    expect(languageFromEnv({ LC_ALL: 'da_DK.UTF-8', LANG: 'en_US.UTF-8' })).toBe('da');
    expect(languageFromEnv({ LC_MESSAGES: 'en_GB.UTF-8', LANG: 'da_DK.UTF-8' })).toBe('en');
  });
});
