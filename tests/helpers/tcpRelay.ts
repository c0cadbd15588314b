import { connect, createServer, type AddressInfo, type Server, type Socket } from 'node:net';

export interface TcpRelay {
  /** The relay's own port on 127.0.0.1: connect there instead of `target`. */
  port: number;
  /** The line is cut: connections dropped, the port closed (like a server that stopped). */
  cut(): Promise<void>;
  /** The line goes silent: connections stay open but nothing passes (like a VPN gone). */
  silence(): void;
  /** The port open again and data passing (after cut or silence). */
  mend(): Promise<void>;
  close(): Promise<void>;
}

/** A TCP relay to a server on 127.0.0.1:`target` that a test can cut, silence and mend. */
export async function tcpRelay(target: number): Promise<TcpRelay> {
  const sockets = new Set<Socket>();
  let silent = false;
  const listen = (p: number) =>
    new Promise<Server>((resolve) => {
      const server = createServer((inbound) => {
        const outbound = connect(target, '127.0.0.1');
        for (const s of [inbound, outbound]) {
          sockets.add(s);
          s.on('close', () => sockets.delete(s));
          s.on('error', () => undefined);
        }
        // Data passes unless silenced; silenced, it is swallowed (the peer waits for an answer).
        inbound.on('data', (d) => void (silent || outbound.write(d)));
        outbound.on('data', (d) => void (silent || inbound.write(d)));
        inbound.on('end', () => outbound.end());
        outbound.on('end', () => inbound.end());
      });
      server.listen(p, '127.0.0.1', () => resolve(server));
    });
  let server: Server | null = await listen(0);
  const port = (server.address() as AddressInfo).port;
  const cut = async () => {
    for (const s of sockets) s.destroy();
    const s = server;
    server = null;
    if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
  };
  return {
    port,
    cut,
    silence: () => {
      silent = true;
    },
    mend: async () => {
      silent = false;
      server ??= await listen(port);
    },
    close: async () => {
      silent = false;
      await cut();
    },
  };
}
