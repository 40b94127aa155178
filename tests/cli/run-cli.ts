/** Runs the CLI's `main` in-process with in-memory streams. */
import { Readable, Writable } from 'node:stream';
import { resolve } from 'node:path';
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
