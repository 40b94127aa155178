/** Runs the CLI in-process with in-memory streams, or as a real process through bin/. */
import { execFile } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { resolve } from 'node:path';
import { main } from '../../cli/main';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

function collect(stream: PassThrough): () => string {
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  return () => Buffer.concat(chunks).toString('utf8');
}

export async function runCli(args: string[], cwd: string, stdin = ''): Promise<CliRun> {
  const io = { stdin: new PassThrough(), stdout: new PassThrough(), stderr: new PassThrough(), cwd };
  const out = collect(io.stdout);
  const err = collect(io.stderr);
  io.stdin.end(stdin);
  const code = await main(args, io);
  return { code, stdout: out(), stderr: err() };
}

export const BIN = resolve(import.meta.dirname, '../../bin/govpost-guard.js');

export function spawnCli(args: string[], cwd: string): Promise<CliRun> {
  return new Promise((done) => {
    execFile(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8' }, (error, stdout, stderr) => {
      done({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}
