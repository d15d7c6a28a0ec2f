import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, rmSync } from 'node:fs'
import { connect } from 'node:net'
import { join, resolve } from 'node:path'
import type { ConnectionOptions } from 'bullmq'
import { Redis } from 'ioredis'

export interface LocalRedis {
  readonly connection: ConnectionOptions
  /** For people and logs: where it listens. */
  readonly address: string
  stop(): Promise<void>
}

/**
 * Runs a private `redis-server` for `npm start`, the simulation and the tests: data under `dir`, the
 * append-only file on (work in flight survives a crash), and `noeviction` (BullMQ must never lose a
 * key to memory pressure). Without a port it listens only on a unix socket, so it can neither clash
 * with another Redis nor be reached from the network.
 */
export async function startLocalRedis(dir: string, options: { port?: number } = {}): Promise<LocalRedis> {
  const root = resolve(dir)
  mkdirSync(root, { recursive: true })
  const socket = join(root, 'redis.sock')
  if (!options.port && existsSync(socket)) {
    // A server left running by a run that was killed (SIGKILL leaves children behind): it is ours and
    // holds our data, so carry on with it rather than start a second one on the same files.
    if (await isListening(socket)) return adopt(socket)
    rmSync(socket, { force: true })
  }
  const listen = options.port
    ? ['--port', String(options.port), '--bind', '127.0.0.1']
    : ['--port', '0', '--unixsocket', socket, '--unixsocketperm', '700']
  const args = [...listen, '--dir', root, '--appendonly', 'yes', '--maxmemory-policy', 'noeviction', '--save', '', '--daemonize', 'no']
  let child: ChildProcess
  try {
    // Its own process group: Ctrl-C in the terminal must reach us, and we stop it after the queues.
    child = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true })
  } catch (error) {
    throw new Error(`could not start redis-server (${(error as Error).message}): run scripts/setup.sh, or set REDIS_URL`)
  }
  await new Promise<void>((ready, fail) => {
    let output = ''
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      if (/ready to accept connections/i.test(output)) {
        child.stdout?.off('data', onData)
        ready()
      }
    }
    child.stdout?.on('data', onData)
    child.once('error', (error) =>
      fail(new Error(`could not start redis-server (${error.message}): run scripts/setup.sh to install it, or set REDIS_URL`)),
    )
    child.once('exit', (code) => fail(new Error(`redis-server exited with ${code} before it was ready:\n${output.slice(-2000)}`)))
  })
  // Keep draining its output so a chatty server never blocks on a full pipe.
  child.stdout?.resume()
  child.stderr?.resume()
  const connection: ConnectionOptions = options.port
    ? { host: '127.0.0.1', port: options.port, maxRetriesPerRequest: null }
    : { path: socket, maxRetriesPerRequest: null }
  return {
    connection,
    address: options.port ? `127.0.0.1:${options.port}` : socket,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done()
        child.once('exit', () => done())
        child.kill('SIGTERM')
      }),
  }
}

function isListening(socket: string): Promise<boolean> {
  return new Promise((answer) => {
    const probe = connect(socket)
    probe.once('connect', () => (probe.destroy(), answer(true)))
    probe.once('error', () => answer(false))
  })
}

function adopt(socket: string): LocalRedis {
  const connection: ConnectionOptions = { path: socket, maxRetriesPerRequest: null }
  return {
    connection,
    address: `${socket} (left running by an earlier run)`,
    async stop() {
      // No retries: SHUTDOWN ends the connection, and a client that reconnects would wait forever.
      const redis = new Redis({ path: socket, lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null })
      redis.on('error', () => undefined)
      try {
        await redis.connect()
        await redis.call('SHUTDOWN')
      } catch {
        // SHUTDOWN closes the connection before it answers: that is the expected outcome.
      } finally {
        redis.disconnect()
      }
    },
  }
}
