import { LIVE_CHANNEL } from '../../shared/contracts/liveContracts';
import { app, BrowserWindow, dialog, ipcMain, Menu, safeStorage, session, shell, type MenuItemConstructorOptions } from 'electron';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PortfolioSession, type OpenedPortfolio } from '../ipc/portfolioSession';
import { createDemoPortfolio } from '../services/demo';
import { isPostgresUrl } from '../storage/pg/pgDb';
import { connectionLabel, parseConnectionUrl } from '../../shared/serverConnection';
import { ServerConnections } from './connections';
import { defaultPortfolioPath } from '../storage/paths';
import { storageMessage } from '../storage/messages';
import { resourcesDir } from '../resources';
import { registerIpc } from './ipc';
import { applyAppSecurity, denyAllPermissions, enforceCsp, secureWebPreferences } from './security';
import { dialogDefaultPath, readAppState, withFolder, withRecent, writeAppState, type AppState } from './windowState';
import { electronHost, MENU_COMMAND_CHANNEL, type DialogFolders } from './appHandlers';

/**
 * The main process: one window, one open portfolio, the IPC handler table over it.
 * Everything the window may do goes through the contract channels; the window may not
 * navigate, open windows or ask for permissions.
 */

const rendererUrl = process.env['ELECTRON_RENDERER_URL'];
const rendererFile = join(__dirname, '../renderer/index.html');
const appFileUrl = pathToFileURL(rendererFile).href;

function isAppUrl(url: string): boolean {
  if (rendererUrl && url.startsWith(rendererUrl)) return true;
  return url === appFileUrl || url.startsWith(`${appFileUrl}#`) || url.startsWith(`${appFileUrl}?`);
}

let mainWindow: BrowserWindow | null = null;
/** The open portfolio (a file or one on a server) and the handler table over it; made when the app is ready. */
let portfolios: PortfolioSession | null = null;
let state: AppState = { recent: [] };

const dialogFolders: DialogFolders = {
  defaultPath: (kind, fileName) => {
    const open = portfolios?.opened?.location;
    return dialogDefaultPath(state, kind, open?.kind === 'file' ? dirname(open.path) : null, fileName);
  },
  chosen(kind, path) {
    state = withFolder(state, kind, path);
    writeAppState(app.getPath('userData'), state);
  },
};

/** Main's part once a portfolio has opened (from the menu, the recent list or the connection dialog). */
function portfolioOpened(opened: OpenedPortfolio): void {
  state = withRecent(state, opened.location.kind === 'file' ? opened.location.path : opened.location.url);
  writeAppState(app.getPath('userData'), state);
  mainWindow?.setTitle(opened.title);
  buildMenu();
  opened.services.portfolio.warmUp();
  // A portfolio on a CD or a write-protected share opens for reading; say so once, up front,
  // rather than at the first refused save.
  const readOnly = opened.services.store.readOnly;
  if (readOnly && opened.location.kind === 'file')
    void dialog.showMessageBox({ type: 'info', title: 'Skrivebeskyttet portefølje', message: storageMessage('da', { code: 'DB_READ_ONLY', file: opened.location.path, reason: readOnly }) });
}

async function openPortfolio(path: string): Promise<void> {
  await portfolios!.openFile(path);
}

function windowTitle(): string {
  return portfolios?.opened?.title ?? 'Trafiklys';
}

/** A recent entry or the last portfolio on a server: opens with the kept password, else the dialog asks for one. */
async function openServerEntry(url: string): Promise<'opened' | 'asked'> {
  const connection = parseConnectionUrl(url);
  if (!connection) throw new Error(`${url} er ikke en forbindelse, Trafiklys kan åbne. Brug Filer > Forbind til server.`);
  if (!portfolios!.hasKeptPassword(connection)) {
    portfolios!.offer(connection);
    sendMenuCommand('connectServer');
    return 'asked';
  }
  await portfolios!.openServer(connection, null);
  return 'opened';
}

/** First start: the default portfolio does not exist yet, so it is created with the demo. */
async function openInitialPortfolio(): Promise<void> {
  const last = state.lastPortfolio;
  // The last portfolio on a server opens again only with a kept password (there is no window
  // to ask in yet); else the default file opens and the recent list has the server.
  const lastServer = last && isPostgresUrl(last) ? parseConnectionUrl(last) : null;
  if (lastServer && portfolios!.hasKeptPassword(lastServer)) {
    try {
      await portfolios!.openServer(lastServer, null);
      return;
    } catch (err) {
      dialog.showErrorBox('Forbindelsen til serveren mislykkedes', err instanceof Error ? err.message : String(err));
    }
  } else if (last && !isPostgresUrl(last) && existsSync(last)) {
    try {
      await openPortfolio(last);
      return;
    } catch (err) {
      dialog.showErrorBox('Porteføljen kunne ikke åbnes', err instanceof Error ? err.message : String(err));
    }
  }
  const path = defaultPortfolioPath(app.getPath('userData'));
  if (!existsSync(path)) await createDemoPortfolio(path, resourcesDir());
  await openPortfolio(path);
}

async function chooseAndOpen(kind: 'new' | 'open'): Promise<void> {
  if (!mainWindow) return;
  const filters = [{ name: 'Trafiklys-portefølje', extensions: ['sqlite', 'db', 'trafiklys'] }];
  const result =
    kind === 'new'
      ? await dialog.showSaveDialog(mainWindow, { title: 'Ny portefølje', defaultPath: dialogFolders.defaultPath('portfolio', 'portefølje.trafiklys.sqlite'), filters })
      : await dialog.showOpenDialog(mainWindow, { title: 'Åbn portefølje', defaultPath: dialogFolders.defaultPath('portfolio'), properties: ['openFile'], filters });
  const path = 'filePath' in result ? result.filePath : result.filePaths[0];
  if (result.canceled || !path) return;
  dialogFolders.chosen('portfolio', path);
  if (kind === 'new' && existsSync(path)) {
    dialog.showErrorBox('Filen findes allerede', `${path} findes allerede. Vælg et nyt filnavn til den nye portefølje.`);
    return;
  }
  await openRecent(path);
}

async function openRecent(entry: string): Promise<void> {
  const server = isPostgresUrl(entry);
  try {
    if (server) {
      if ((await openServerEntry(entry)) === 'asked') return;
    } else await openPortfolio(entry);
    mainWindow?.webContents.reload();
  } catch (err) {
    dialog.showErrorBox(server ? 'Forbindelsen til serveren mislykkedes' : 'Porteføljen kunne ikke åbnes', err instanceof Error ? err.message : String(err));
  }
}

/** A recent entry as the menu shows it: "user@host/database" for a server, the path for a file. */
function recentLabel(entry: string): string {
  if (!isPostgresUrl(entry)) return entry;
  const connection = parseConnectionUrl(entry);
  return connection ? `${connectionLabel(connection)} (server)` : entry;
}

function sendMenuCommand(command: string): void {
  mainWindow?.webContents.send(MENU_COMMAND_CHANNEL, command);
}

function buildMenu(): void {
  const recent: MenuItemConstructorOptions[] = state.recent.length
    ? state.recent.map((p) => ({ label: recentLabel(p), click: () => void openRecent(p) }))
    : [{ label: '(ingen)', enabled: false }];
  const template: MenuItemConstructorOptions[] = [
    {
      label: 'Filer',
      submenu: [
        { label: 'Ny portefølje…', accelerator: 'CmdOrCtrl+N', click: () => void chooseAndOpen('new') },
        { label: 'Åbn portefølje…', accelerator: 'CmdOrCtrl+O', click: () => void chooseAndOpen('open') },
        { label: 'Forbind til server…', accelerator: 'CmdOrCtrl+Shift+O', click: () => sendMenuCommand('connectServer') },
        { label: 'Seneste', submenu: recent },
        { type: 'separator' },
        { label: 'Importér rapporter…', accelerator: 'CmdOrCtrl+I', click: () => sendMenuCommand('import') },
        { label: 'Gem statusrapport-skabelon…', click: () => sendMenuCommand('saveTemplate') },
        { type: 'separator' },
        { label: 'Eksportér evaluering…', accelerator: 'CmdOrCtrl+E', click: () => sendMenuCommand('exportEvaluation') },
        { label: 'Eksportér evalueringsrapport…', accelerator: 'CmdOrCtrl+Shift+E', click: () => sendMenuCommand('exportReport') },
        { label: 'Eksportér porteføljeoversigt…', click: () => sendMenuCommand('exportPortfolio') },
        { type: 'separator' },
        { role: 'quit', label: 'Afslut' },
      ],
    },
    { label: 'Rediger', role: 'editMenu' },
    { label: 'Vis', submenu: [{ role: 'reload', label: 'Genindlæs' }, { role: 'togglefullscreen', label: 'Fuld skærm' }, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }] },
    {
      label: 'Hjælp',
      submenu: [
        { label: 'Sådan scorer vi', click: () => sendMenuCommand('methodology') },
        {
          label: 'Om Trafiklys',
          click: () =>
            void dialog.showMessageBox({
              type: 'info',
              title: 'Om Trafiklys',
              message: `Trafiklys ${app.getVersion()}`,
              detail: `Evaluering af offentligt finansierede projekter.\nPortefølje: ${portfolios?.opened?.label ?? '–'}`,
            }),
        },
      ],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

async function confirmExternal(win: BrowserWindow, url: string): Promise<void> {
  const { response } = await dialog.showMessageBox(win, {
    type: 'question',
    buttons: ['Åbn i browser', 'Annuller'],
    defaultId: 1,
    cancelId: 1,
    title: 'Åbn link',
    message: 'Vil du åbne linket i din browser?',
    detail: url,
  });
  if (response === 0) await shell.openExternal(url);
}

function createWindow(): BrowserWindow {
  const bounds = state.bounds ?? { width: 1360, height: 860 };
  const win = new BrowserWindow({
    ...bounds,
    minWidth: 1024,
    minHeight: 700,
    show: false,
    title: windowTitle(),
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(join(__dirname, '../preload/index.cjs')),
  });
  if (state.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());
  const remember = () => {
    if (win.isDestroyed()) return;
    state = { ...state, maximized: win.isMaximized(), bounds: win.isMaximized() ? state.bounds : win.getBounds() };
    writeAppState(app.getPath('userData'), state);
  };
  win.on('close', remember);
  // The renderer holds saves the server did not take yet (renderer/src/components/outbox.ts) and
  // then refuses to unload: closing would lose them, so the user decides, in words.
  win.webContents.on('will-prevent-unload', (event) => {
    const response = dialog.showMessageBoxSync(win, {
      type: 'warning',
      buttons: ['Bliv og vent', 'Luk uden at gemme'],
      defaultId: 0,
      cancelId: 0,
      title: 'Ikke gemt endnu',
      message: 'Nogle ændringer er ikke gemt endnu, fordi serveren ikke svarer.',
      detail: 'Trafiklys sender dem af sig selv, når serveren svarer igen. Lukker du nu, går de tabt.',
    });
    if (response === 1) event.preventDefault();
  });
  // Links in texts (imported reports carry many) open in the user's browser, never inside the
  // app, and only after the user has seen where they lead.
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (/^https?:\/\//.test(url)) void confirmExternal(win, url);
    return { action: 'deny' };
  });
  if (rendererUrl) void win.loadURL(rendererUrl);
  else void win.loadFile(rendererFile);
  return win;
}

export async function start(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  applyAppSecurity(app, isAppUrl);
  await app.whenReady();
  denyAllPermissions(session.defaultSession);
  enforceCsp(session.defaultSession);
  state = readAppState(app.getPath('userData'));
  portfolios = new PortfolioSession({
    host: electronHost(() => mainWindow, dialogFolders),
    // Passwords only encrypted by the OS key store (safeStorage), never in plain text.
    connections: ServerConnections.inFolder(app.getPath('userData'), safeStorage),
    onOpened: portfolioOpened,
  });
  // A team server: others' changes and presence go to the window as they come.
  portfolios.subscribe((event) => {
    if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(LIVE_CHANNEL, event);
  });
  registerIpc(ipcMain, () => portfolios?.handlers ?? null, isAppUrl);
  try {
    await openInitialPortfolio();
  } catch (err) {
    dialog.showErrorBox('Trafiklys kunne ikke starte', err instanceof Error ? err.message : String(err));
  }
  mainWindow = createWindow();
  buildMenu();
  app.on('window-all-closed', () => {
    void portfolios?.close();
    app.quit();
  });
}

void start();
