/**
 * Reading the inputs a command was given: paths relative to the working directory, `-` for
 * standard input (readable once), whole texts or a stream of lines.
 */
import { open, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import type { CliIO } from './io';

export const STDIN = '-';
export const STDIN_NAME = '标准输入';

export class InputError extends Error {}

export function displayName(input: string): string {
  return input === STDIN ? STDIN_NAME : input;
}

function describe(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  const why: Record<string, string> = { ENOENT: '文件不存在', EACCES: '没有读取权限', EISDIR: '是目录，不是文件' };
  return (code && why[code]) ?? (e as Error).message;
}

async function readAll(stream: Readable): Promise<string> {
  stream.setEncoding('utf8');
  let text = '';
  for await (const chunk of stream) text += chunk;
  return text;
}

/** The whole text of an input, without a leading byte-order mark. */
export async function readText(input: string, io: CliIO): Promise<string> {
  try {
    const text = input === STDIN ? await readAll(io.stdin) : await readFile(resolve(io.cwd, input), 'utf8');
    return text.replace(/^\uFEFF/, '');
  } catch (e) {
    throw new InputError(`${displayName(input)}: 无法读取（${describe(e)}）`);
  }
}

/**
 * The lines of an input, streamed (bounded memory whatever the size), numbered from 1, without
 * their line ends and without a leading byte-order mark.
 */
export async function* readLines(input: string, io: CliIO): AsyncGenerator<{ line: string; number: number }> {
  let stream: Readable;
  if (input === STDIN) stream = io.stdin;
  else {
    try {
      const handle = await open(resolve(io.cwd, input));
      if ((await handle.stat()).isDirectory()) {
        await handle.close();
        throw Object.assign(new Error('EISDIR'), { code: 'EISDIR' });
      }
      stream = handle.createReadStream({ encoding: 'utf8' });
    } catch (e) {
      throw new InputError(`${displayName(input)}: 无法读取（${describe(e)}）`);
    }
  }
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let number = 0;
  try {
    for await (const line of lines) {
      number++;
      yield { line: number === 1 ? line.replace(/^\uFEFF/, '') : line, number };
    }
  } catch (e) {
    throw new InputError(`${displayName(input)}:${number + 1}: 读取中断（${describe(e)}）`);
  } finally {
    lines.close();
    if (input !== STDIN) stream.destroy();
  }
}
