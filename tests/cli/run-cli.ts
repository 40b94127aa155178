/** Runs the CLI's `main` in-process with in-memory streams, or as a real process through bin/. */
import { spawn } from 'node:child_process';
import { Readable, Writable } from 'node:stream';
import { join, resolve } from 'node:path';
import { main } from '../../cli/main';

export const ROOT = resolve(import.meta.dirname, '../..');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

class Collect extends Writable {
  text = '';
  constructor(readonly isTTY = false) {
    super({ decodeStrings: false });
  }
  override _write(chunk: string | Buffer, _enc: BufferEncoding, done: () => void) {
    this.text += chunk.toString();
    done();
  }
}

export async function runCli(
  args: string[],
  options: { stdin?: string; cwd?: string; env?: NodeJS.ProcessEnv; tty?: boolean } = {},
): Promise<CliRun> {
  const stdout = new Collect(options.tty);
  const stderr = new Collect();
  const code = await main(args, {
    stdin: Readable.from(options.stdin === undefined ? [] : [options.stdin]),
    stdout,
    stderr,
    cwd: options.cwd ?? ROOT,
    env: options.env ?? {},
  });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

/** The installed command for real: a Node process through bin/, its exit code and streams. */
export function spawnCli(args: string[], options: { stdin?: string; cwd?: string } = {}): Promise<CliRun> {
  return new Promise((done, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/govpost-guard.js'), ...args], {
      cwd: options.cwd ?? ROOT,
      env: { ...process.env, NO_COLOR: '1' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.on('error', reject);
    child.on('close', (code) => done({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(options.stdin ?? '');
  });
}
