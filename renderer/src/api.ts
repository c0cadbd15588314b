import { createContext, useContext } from 'react';
import type { ApiClient, IpcError, IpcResult, LiveEvent } from '../../shared/contracts';

/** Menu commands the Electron main process can send (see electron/preload). */
export interface AppEvents {
  onMenuCommand(listener: (command: string) => void): () => void;
  onProgress?(listener: (event: { task: string; phase: string; done: number; total: number }) => void): () => void;
  /** Others' changes and presence on a team server (absent where nothing pushes them). */
  onLive?(listener: (event: LiveEvent) => void): () => void;
}

declare global {
  interface Window {
    /** The contract client: the preload exposes it in Electron, `/bridge.js` in the browser preview. */
    api: ApiClient;
    appEvents?: AppEvents;
  }
}

/** The client the app talks to; tests provide their own through `ApiContext`. */
export function windowApi(): ApiClient {
  return window.api;
}

export const ApiContext = createContext<ApiClient | null>(null);

export function useApi(): ApiClient {
  const api = useContext(ApiContext);
  if (!api) throw new Error('ApiContext is missing');
  return api;
}

/** A transport failure (bridge down, preload missing) becomes an error as data too. */
export async function safeCall<T>(call: () => Promise<IpcResult<T>>): Promise<IpcResult<T>> {
  try {
    const result = await call();
    if (!result || typeof result !== 'object' || !('ok' in result)) {
      return { ok: false, error: { code: 'INTERNAL', message: 'Ugyldigt svar fra programmet.' } };
    }
    return result;
  } catch (err) {
    return { ok: false, error: { code: 'INTERNAL', message: err instanceof Error ? err.message : String(err) } };
  }
}

export type { ApiClient, IpcError, IpcResult };
