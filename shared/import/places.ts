/**
 * Places in a file as the readers write them, in Danish ("Ark 'Mål', celle E5", "side 1,
 * linje 60", "linje 12, felt 3", "afsnit 40", "række 5"), rendered in the user's language.
 * Places are stored in Danish (an item's source, a status report's provenance in existing
 * databases), so the renderer and the CLI translate them when they show them: one pure
 * function, no second format to keep in step. Sheet names and file names are left as they are.
 */

export type ReaderLang = 'da' | 'en';

/** A Danish place word followed by what it points at (a number, a range, a cell). */
const WORDS: [RegExp, string][] = [
  [/\bKilde: /g, 'Source: '],
  [/\bceller(?:ne)? (?=[A-Z]{1,3}\d)/g, 'cells '],
  [/\bcelle (?=[A-Z]{1,3}\d)/g, 'cell '],
  [/\brækkerne (?=\d)/g, 'rows '],
  [/\brækker (?=\d)/g, 'rows '],
  [/\brække (?=\d)/g, 'row '],
  [/\blinjerne (?=\d)/g, 'lines '],
  [/\blinje (?=\d)/g, 'line '],
  [/\bfelterne (?=\d)/g, 'fields '],
  [/\bfelt (?=\d)/g, 'field '],
  [/\bsiderne (?=\d)/g, 'pages '],
  [/\bside (?=\d)/g, 'page '],
  [/\bafsnit (?=\d)/g, 'paragraph '],
  [/\btabel (?=\d)/g, 'table '],
  [/\bkolonne (?=[A-Z]{1,3}\b|\d)/g, 'column '],
  [/\bog (?=(?:celle |række |linje |felt |side |afsnit )?[A-Z]{0,3}\d)/g, 'and '],
  [/(\d+) svar nedenfor\b/g, '$1 answers below'],
  [/ svar nedenfor\b/g, ' answers below'],
];

/** "Ark 'X'", "arket 'X'", "ark 'X'": the name ends at a quote followed by the end, "," ";" ")" or " og ". */
const SHEET = /\b(Ark|ark|arket|Arket) '(.*?)'(?=$|[,;)]| og )/g;

/** A place in `lang`; Danish comes back as it is. */
export function placeText(place: string, lang: ReaderLang): string {
  if (lang === 'da' || place === '') return place;
  // Sheet names are user text: set them aside so that no word in them is translated.
  const names: string[] = [];
  let text = place.replace(SHEET, (_, word: string, name: string) => {
    names.push(name);
    const english = word === 'Ark' || word === 'Arket' ? 'Sheet' : 'sheet';
    return `${english} '\uE000${names.length - 1}\uE000'`;
  });
  // A file name after "Kilde: " is user text too.
  const file = /^Kilde: (.*?)(?=, (?:Sheet|sheet|side|linje|afsnit|række|celle|felt|tabel) |$)/.exec(text)?.[1];
  if (file !== undefined) text = `Kilde: \uE001${text.slice('Kilde: '.length + file.length)}`;
  for (const [pattern, english] of WORDS) text = text.replace(pattern, english);
  if (file !== undefined) text = text.replace('\uE001', () => file);
  return text.replace(/\uE000(\d+)\uE000/g, (_, i: string) => names[Number(i)]);
}

/**
 * The readers' language from a CLI option or the environment ("en", "en_GB.UTF-8", "da_DK"):
 * English for English, Danish for everything else, as the app's default is Danish.
 */
export function readerLangOf(value: string | undefined | null): ReaderLang {
  return value && /^en(?:[-_.@]|$)/i.test(value.trim()) ? 'en' : 'da';
}
