import { windowApi } from './api';
import { storedLanguage } from './i18n';
import { parseRoute } from './router';
import { askFirstPageEarly } from './views/portfolio/firstPage';
import { warmIntlOffThread } from './warmIntl';

/*
 * The first module main.tsx imports, for its side effect: the portfolio's first page is asked for
 * before the rest of the app's modules (react-dom, Mantine, the views) are evaluated, so main
 * reads it while the renderer evaluates them and builds the shell (issue 12, first paint). The
 * language is the one createI18n will start in (the stored choice). Then ICU's formatting starts on
 * a worker thread (warmIntl.ts), before the first rows need it.
 */
const api = windowApi();
if (api && parseRoute(window.location.hash).name === 'portfolio') askFirstPageEarly(api, storedLanguage());
warmIntlOffThread();
