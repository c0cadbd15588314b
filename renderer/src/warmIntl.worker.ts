/*
 * A throwaway worker (see warmIntl.ts): the page's first Intl.NumberFormat starts ICU's number
 * formatting, 50-90 ms in Chromium whatever the locale, and its first Intl.DateTimeFormat a few
 * ms more. ICU's data is the renderer process's, shared by its threads, so done here the
 * formats the portfolio's first rows build on the main thread cost under a millisecond.
 */
for (const locale of ['da-DK', 'en-GB']) {
  new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 0, maximumFractionDigits: 0 }).format(0.5);
  new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(1.5);
  new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }).format(0);
}
close();
