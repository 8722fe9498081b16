/**
 * Starts a local Azurite Table service as a child process (tests, `npm start`) and stops it
 * cleanly. I/O shell only: spawns `azurite-table` through the current node binary, so there
 * is no shell wrapper and the child is the only process to stop.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { createServer, connect, type Socket } from 'node:net';

export interface AzuriteOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** A directory to keep the data in; without it the data lives in memory. */
  location?: string;
  inMemory?: boolean;
  /** Give up waiting for the port after this many milliseconds. */
  startTimeoutMs?: number;
}

export interface Azurite {
  connectionString: string;
  tableEndpoint: string;
  port: number;
  stop(): Promise<void>;
  /** SIGKILL, as a crash would: no save. For the fault tests. Resolves once it has exited. */
  kill(): Promise<void>;
}

const host = '127.0.0.1';
const account = 'devstoreaccount1';
/** Azurite's published well-known development key (not a secret). */
const accountKey = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export async function startAzurite(options: AzuriteOptions = {}): Promise<Azurite> {
  const port = options.port ? options.port : await freePort();
  const persistence =
    options.location && !options.inMemory ? ['--location', options.location] : ['--inMemoryPersistence'];
  const args = [
    azuriteTableMain(),
    '--tableHost',
    host,
    '--tablePort',
    String(port),
    '--skipApiVersionCheck',
    '--disableTelemetry',
    '--silent',
    ...persistence,
  ];
  // Detached: a Ctrl-C in the terminal reaches only us, and we stop the child gracefully
  // (a second SIGINT while Azurite is saving would kill it mid-save).
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  // If the parent exits without calling stop() (a crash, mocha --exit), take the child with it.
  const killOnExit = (): void => {
    child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);

  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-4000);
  });

  try {
    await waitForPort(child, port, options.startTimeoutMs ?? 15000, () => stderr);
  } catch (error) {
    process.removeListener('exit', killOnExit);
    await stopChild(child);
    throw error;
  }
  // The child and its pipe must not keep the event loop alive on their own.
  child.unref();
  (child.stderr as Socket | null)?.unref?.();

  const tableEndpoint = `http://${host}:${port}/${account}`;
  return {
    port,
    tableEndpoint,
    connectionString: `DefaultEndpointsProtocol=http;AccountName=${account};AccountKey=${accountKey};TableEndpoint=${tableEndpoint};`,
    async stop() {
      process.removeListener('exit', killOnExit);
      await stopChild(child);
    },
    async kill() {
      process.removeListener('exit', killOnExit);
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.ref();
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
      child.stderr?.destroy();
    },
  };
}

function azuriteTableMain(): string {
  const require = createRequire(__filename);
  return require.resolve('azurite/dist/src/table/main.js');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('No free port found'))));
    });
  });
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

async function waitForPort(child: ChildProcess, port: number, timeoutMs: number, log: () => string): Promise<void> {
  let exited: string | undefined;
  child.once('exit', (code, signal) => {
    exited = `exited with ${code ?? signal}`;
  });
  const pollMs = 50;
  for (let waited = 0; waited < timeoutMs; waited += pollMs) {
    if (exited) throw new Error(`Azurite ${exited} before it listened on port ${port}: ${log()}`);
    if (await canConnect(port)) return;
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
  throw new Error(`Azurite did not listen on port ${port} within ${timeoutMs} ms: ${log()}`);
}

/**
 * SIGINT is Azurite's graceful stop (it saves a --location database; SIGTERM would lose the
 * last few seconds of writes), then SIGKILL if it lingers. Resolves once the child has exited.
 */
function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  child.ref(); // keep the loop alive until the exit event arrives
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(force);
      child.stderr?.destroy();
      resolve();
    });
    child.kill('SIGINT');
  });
}

/** `npx tsx src/cli/azurite.ts [port] [location]`: run Azurite in the foreground. */
if (require.main === module) {
  const [portArg, location] = process.argv.slice(2);
  startAzurite({ port: Number(portArg ?? 10002), location })
    .then((azurite) => {
      console.log(`Azurite Table service on ${azurite.tableEndpoint}`);
      console.log(`AZURE_STORAGE_CONNECTION_STRING="${azurite.connectionString}"`);
      const stop = (): void => void azurite.stop().then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      setInterval(() => undefined, 1 << 30);
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
