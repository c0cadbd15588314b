import type { ImportIssue, ImportPreview } from './items';

/**
 * What an import leaves out, and why (issue 10, point 3): one bad item never blocks the rest,
 * but nothing is dropped in silence either. The wizard's result and the CLI's output list these.
 */
export interface LeftOutEntry {
  file: string;
  location: string;
  /** The item left out; null = a place (or a whole file) that gave no item. */
  itemId: string | null;
  /** Why, in Danish, with the keyed message where there is one (for the UI's other languages). */
  reasons: { message: string; msg?: ImportIssue['msg'] }[];
}

/** The problems of a preview that leave something out when the rest is applied: errors, and blocked items. */
export function leftOutOf(preview: Pick<ImportPreview, 'items' | 'issues' | 'diff' | 'files'>, sent: ReadonlySet<string>): LeftOutEntry[] {
  const out: LeftOutEntry[] = [];
  const errorsOf = new Map<string, ImportIssue[]>();
  for (const i of preview.issues) if (i.severity === 'error' && i.itemId) errorsOf.set(i.itemId, [...(errorsOf.get(i.itemId) ?? []), i]);
  const diffOf = new Map(preview.diff.map((d) => [d.itemId, d]));
  const fileOrder = new Map(preview.files.map((f, k) => [f.file, k]));
  for (const item of preview.items) {
    if (sent.has(item.id)) continue;
    const errors = errorsOf.get(item.id) ?? [];
    const d = diffOf.get(item.id);
    if (errors.length === 0 && d?.change !== 'blocked') continue;
    out.push({
      file: item.source.file,
      location: item.source.location,
      itemId: item.id,
      reasons: errors.length ? errors.map((e) => ({ message: e.message, msg: e.msg })) : [{ message: d!.note, msg: d!.noteMsgs[0] }],
    });
  }
  const itemOrder = new Map(preview.items.map((i, k) => [i.id, k]));
  for (const e of preview.issues)
    if (e.severity === 'error' && !e.itemId) out.push({ file: e.file, location: e.location, itemId: null, reasons: [{ message: e.message, msg: e.msg }] });
  // By file, then items before the places that gave none (in the order they were found).
  return out
    .map((entry, k) => ({ entry, k }))
    .sort(
      (a, b) =>
        (fileOrder.get(a.entry.file) ?? 1e9) - (fileOrder.get(b.entry.file) ?? 1e9) ||
        (a.entry.itemId ? (itemOrder.get(a.entry.itemId) ?? 0) : 1e9) - (b.entry.itemId ? (itemOrder.get(b.entry.itemId) ?? 0) : 1e9) ||
        a.k - b.k,
    )
    .map((x) => x.entry);
}

/** Errors that gave no item (a cell that can't be read, a file that can't be opened): only leaving them out lets the rest through. */
export const placeErrors = (preview: Pick<ImportPreview, 'issues'>): ImportIssue[] => preview.issues.filter((i) => i.severity === 'error' && !i.itemId);
