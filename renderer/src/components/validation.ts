import type { TFunction } from 'i18next';
import type { Formatter } from '../format';

/**
 * Forms are validated by the app, in the UI language, with its messages tied to the field
 * (aria-invalid, aria-describedby), never by the browser's native bubble ("Please fill out this
 * field", in the browser's language, gone when the mouse moves). A field marked `required`
 * somewhere would still make the browser block the submit and show its bubble: this catches that
 * once for every form, suppresses the bubble, turns native validation off for that form, and
 * submits it again, so the app's own check runs and shows its message.
 */
export function installAppValidation(root: Document): () => void {
  const onInvalid = (e: Event) => {
    const form = (e.target as HTMLInputElement | null)?.form;
    if (!form) return;
    e.preventDefault();
    if (form.noValidate) return;
    form.noValidate = true;
    // After the remaining fields' own `invalid` events of this validation pass.
    queueMicrotask(() => form.requestSubmit());
  };
  root.addEventListener('invalid', onInvalid, true);
  return () => root.removeEventListener('invalid', onInvalid, true);
}

/**
 * A form's number reader: the figure typed in the UI language's format, or null with the app's
 * message ("Skriv et tal, fx 30 / 24,5") recorded under the field's key in `errors`.
 */
export function numberReader(
  t: TFunction,
  fmt: Pick<Formatter, 'parseNumber' | 'number'>,
  errors: Record<string, string>,
  example: [whole: number, decimal: number],
): (text: string, key: string) => number | null {
  return (text, key) => {
    try {
      return fmt.parseNumber(text);
    } catch {
      errors[key] = t('validation.number', { example: `${fmt.number(example[0])} / ${fmt.number(example[1], 1)}` });
      return null;
    }
  };
}
