/**
 * A fake `electron` module that records what the built main bundle and preload do with it.
 * The Electron binary cannot run on these machines; this lets the real bundles run in Node so
 * that what only Electron would catch (an unbundled dependency, ESM/CommonJS mismatch, a
 * missing security setting) is caught here.
 */
type Listener = (...args: unknown[]) => unknown;

export interface FakeWebContents {
  listeners: Record<string, Listener[]>;
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null;
  on(event: string, listener: Listener): FakeWebContents;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void;
  send(channel: string, ...args: unknown[]): void;
  reload(): void;
  sent: unknown[][];
}

function fakeWebContents(): FakeWebContents {
  const wc: FakeWebContents = {
    listeners: {},
    windowOpenHandler: null,
    sent: [],
    on(event, listener) {
      (wc.listeners[event] ??= []).push(listener);
      return wc;
    },
    setWindowOpenHandler(handler) {
      wc.windowOpenHandler = handler;
    },
    send(...args) {
      wc.sent.push(args);
    },
    reload() {},
  };
  return wc;
}

export function createFakeElectron(userData: string) {
  const recorded = {
    windows: [] as { options: Record<string, unknown>; loaded: string | null; webContents: FakeWebContents; titles: string[] }[],
    handlers: new Map<string, (event: unknown, payload: unknown) => Promise<unknown>>(),
    appListeners: {} as Record<string, Listener[]>,
    permissionRequestHandler: null as null | ((wc: unknown, permission: string, cb: (ok: boolean) => void) => void),
    permissionCheckHandler: null as null | ((...args: unknown[]) => boolean),
    headersHandler: null as null | ((details: { responseHeaders?: Record<string, string[]> }, cb: (r: { responseHeaders: Record<string, string[]> }) => void) => void),
    menu: null as unknown,
    errors: [] as string[][],
    /** The options of every file dialog the main process opened, in order. */
    dialogs: [] as { kind: 'save' | 'open'; options: Record<string, unknown> }[],
    singleInstanceRequested: false,
  };

  class BrowserWindow {
    webContents = fakeWebContents();
    private entry: (typeof recorded.windows)[number];
    constructor(options: Record<string, unknown>) {
      this.entry = { options, loaded: null, webContents: this.webContents, titles: [] };
      recorded.windows.push(this.entry);
    }
    loadFile(file: string) {
      this.entry.loaded = file;
      return Promise.resolve();
    }
    loadURL(url: string) {
      this.entry.loaded = url;
      return Promise.resolve();
    }
    once() {
      return this;
    }
    on() {
      return this;
    }
    show() {}
    maximize() {}
    isMaximized() {
      return false;
    }
    isMinimized() {
      return false;
    }
    isDestroyed() {
      return false;
    }
    getBounds() {
      return { x: 0, y: 0, width: 1360, height: 860 };
    }
    setTitle(title: string) {
      this.entry.titles.push(title);
    }
    focus() {}
    restore() {}
  }

  const electron = {
    app: {
      requestSingleInstanceLock: () => {
        recorded.singleInstanceRequested = true;
        return true;
      },
      on(event: string, listener: Listener) {
        (recorded.appListeners[event] ??= []).push(listener);
        return electron.app;
      },
      whenReady: () => Promise.resolve(),
      getPath: (_name: string) => userData,
      getVersion: () => '0.0.0-test',
      quit() {},
    },
    BrowserWindow,
    ipcMain: {
      handle(channel: string, handler: (event: unknown, payload: unknown) => Promise<unknown>) {
        if (recorded.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
        recorded.handlers.set(channel, handler);
      },
    },
    Menu: {
      buildFromTemplate: (template: unknown) => template,
      setApplicationMenu: (menu: unknown) => {
        recorded.menu = menu;
      },
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler(h: typeof recorded.permissionRequestHandler) {
          recorded.permissionRequestHandler = h;
        },
        setPermissionCheckHandler(h: typeof recorded.permissionCheckHandler) {
          recorded.permissionCheckHandler = h;
        },
        webRequest: {
          onHeadersReceived(h: typeof recorded.headersHandler) {
            recorded.headersHandler = h;
          },
        },
      },
    },
    dialog: {
      showErrorBox: (...args: string[]) => recorded.errors.push(args),
      showMessageBox: () => Promise.resolve({ response: 0 }),
      // Called as (options) or (window, options), like Electron's.
      showSaveDialog: (...args: unknown[]) => {
        recorded.dialogs.push({ kind: 'save', options: args[args.length - 1] as Record<string, unknown> });
        return Promise.resolve({ canceled: true });
      },
      showOpenDialog: (...args: unknown[]) => {
        recorded.dialogs.push({ kind: 'open', options: args[args.length - 1] as Record<string, unknown> });
        return Promise.resolve({ canceled: true, filePaths: [] });
      },
    },
    shell: { openExternal: () => Promise.resolve(), showItemInFolder: () => {}, openPath: () => Promise.resolve('') },
    // As on a Linux desktop without a key ring: nothing can be encrypted, so no password is kept.
    safeStorage: {
      isEncryptionAvailable: () => false,
      encryptString: () => {
        throw new Error('Encryption is not available.');
      },
      decryptString: () => {
        throw new Error('Encryption is not available.');
      },
    },
  };
  return { electron, recorded, fakeWebContents };
}
