/**
 * The gate's parts that are installed in workers as source text must refer to nothing outside
 * themselves: each is compiled from its text alone, in a context that has only the JS built-ins,
 * and run.
 */
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { WEIBO_ENDPOINTS } from '../../adapters/weibo/endpoints';
import { makeClassifier } from '../../guard/net/classify';
import { captureNatives } from '../../guard/net/natives';
import { workerStart, workerGate } from '../../guard/main-world/worker-gate';

describe('parts installed as text', () => {
  it('captureNatives and makeClassifier work from their source alone', () => {
    const source = `
      const n = (${captureNatives.toString()})(globalThis);
      const c = (${makeClassifier.toString()})(${JSON.stringify(WEIBO_ENDPOINTS)}, n);
      [c.match('https://weibo.com/ajax/statuses/UPDATE', []).id, c.guarded('https://weibo.com/ajax/log/action')];
    `;
    const sandbox = {
      URL,
      TextEncoder,
      TextDecoder,
      Request,
      Response,
      Headers,
      Blob,
      setTimeout,
      clearTimeout,
    };
    expect(runInNewContext(source, sandbox)).toEqual(['statuses/update', false]);
  });

  it('workerGate runs from its source alone: a worker’s publish request is refused, others go', async () => {
    const sent: string[] = [];
    const sandbox: Record<string, unknown> = {
      URL,
      TextEncoder,
      TextDecoder,
      Request,
      Response,
      Headers,
      Blob,
      setTimeout,
      clearTimeout,
      location: {
        get href() {
          return 'blob:https://weibo.com/1';
        },
      },
      fetch: async (r: Request) => (sent.push(r.url), new Response('ok')),
    };
    sandbox.self = sandbox;
    const source = `
      const n = (${captureNatives.toString()})(globalThis);
      (${workerGate.toString()})(n, ${makeClassifier.toString()}, ${workerStart.toString()}, ${JSON.stringify(WEIBO_ENDPOINTS)},
        '{"ok":0}', 'https://weibo.com/js/worker.js', '');
      Promise.all([
        fetch('/ajax/statuses/update', { method: 'POST', body: 'content=x' }).then((r) => r.text()),
        fetch('/ajax/log/action', { method: 'POST' }).then((r) => r.text()),
      ]);
    `;
    expect(await runInNewContext(source, sandbox)).toEqual(['{"ok":0}', 'ok']);
    expect(sent).toEqual(['https://weibo.com/ajax/log/action']);
  });
});
