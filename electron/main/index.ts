import { LIVE_CHANNEL } from '../../shared/contracts/liveContracts';
import { app, BrowserWindow, dialog, ipcMain, Menu, session, shell, type MenuItemConstructorOptions } from 'electron';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createHandlers, type HandlerTable } from '../ipc/handlers';
import { createAppServices, type AppServices } from '../services';
import { createDemoPortfolio } from '../services/demo';
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
let services: AppServices | null = null;
let table: HandlerTable | null = null;
let state: AppState = { recent: [] };

const dialogFolders: DialogFolders = {
  defaultPath: (kind, fileName) => dialogDefaultPath(state, kind, services ? dirname(services.store.path) : null, fileName),
  chosen(kind, path) {
    state = withFolder(state, kind, path);
    writeAppState(app.getPath('userData'), state);
  },
};

async function openPortfolio(path: string): Promise<void> {
  const next = await createAppServices({ dbPath: path, live: true });
  const previous = services;
  services = next;
  // A team server: others' changes and presence go to the window as they come.
  next.live.subscribe((event) => {
    if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(LIVE_CHANNEL, event);
  });
  table = createHandlers(next, electronHost(() => mainWindow, dialogFolders));
  await previous?.close();
  state = withRecent(state, path);
  writeAppState(app.getPath('userData'), state);
  const readOnly = next.store.readOnly;
  mainWindow?.setTitle(windowTitle());
  buildMenu();
  // A portfolio on a CD or a write-protected share opens for reading; say so once, up front,
  // rather than at the first refused save.
  if (readOnly)
    void dialog.showMessageBox({ type: 'info', title: 'Skrivebeskyttet portefølje', message: storageMessage('da', { code: 'DB_READ_ONLY', file: path, reason: readOnly }) });
}

function windowTitle(): string {
  if (!services) return 'Trafiklys';
  return `Trafiklys – ${services.store.path}${services.store.readOnly ? ' (skrivebeskyttet)' : ''}`;
}

/** First start: the default portfolio does not exist yet, so it is created with the demo. */
async function openInitialPortfolio(): Promise<void> {
  const candidates = [state.lastPortfolio].filter((p): p is string => !!p && existsSync(p));
  if (candidates[0]) {
    try {
      await openPortfolio(candidates[0]);
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

async function openRecent(path: string): Promise<void> {
  try {
    await openPortfolio(path);
    mainWindow?.webContents.reload();
    services?.portfolio.warmUp();
  } catch (err) {
    dialog.showErrorBox('Porteføljen kunne ikke åbnes', err instanceof Error ? err.message : String(err));
  }
}

function sendMenuCommand(command: string): void {
  mainWindow?.webContents.send(MENU_COMMAND_CHANNEL, command);
}

function buildMenu(): void {
  const recent: MenuItemConstructorOptions[] = state.recent.length
    ? state.recent.map((p) => ({ label: p, click: () => void openRecent(p) }))
    : [{ label: '(ingen)', enabled: false }];
  const template: MenuItemConstructorOptions[] = [
    {
      label: 'Filer',
      submenu: [
        { label: 'Ny portefølje…', accelerator: 'CmdOrCtrl+N', click: () => void chooseAndOpen('new') },
        { label: 'Åbn portefølje…', accelerator: 'CmdOrCtrl+O', click: () => void chooseAndOpen('open') },
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
              detail: `Evaluering af offentligt finansierede projekter.\nPortefølje: ${services?.store.path ?? '–'}`,
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
  registerIpc(ipcMain, () => table, isAppUrl);
  try {
    await openInitialPortfolio();
  } catch (err) {
    dialog.showErrorBox('Trafiklys kunne ikke starte', err instanceof Error ? err.message : String(err));
  }
  mainWindow = createWindow();
  // Main reads the portfolio's figures while the window's renderer starts.
  services?.portfolio.warmUp();
  buildMenu();
  app.on('window-all-closed', () => {
    void services?.close();
    app.quit();
  });
}

void start();
