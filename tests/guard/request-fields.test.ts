import { describe, expect, it } from 'vitest';
import type { RequestSnapshot } from '../../guard/bridge';
import { readRequest, UnreadableBody } from '../../guard/request-fields';

const snap = (
  body: string | Uint8Array | null,
  type?: string,
  url = 'https://weibo.com/ajax/statuses/update',
): RequestSnapshot => ({
  id: 'r1',
  endpoint: 'statuses/update',
  method: 'POST',
  url,
  headers: type ? `content-type: ${type}\n` : '',
  body: typeof body === 'string' ? new TextEncoder().encode(body) : body,
  via: 'fetch',
});
const FORM = 'application/x-www-form-urlencoded;charset=UTF-8';

describe('reading a request the way servers do', () => {
  it('reads a form by its content type, every value of a repeated field kept', async () => {
    const { fields } = await readRequest(snap('content=%E4%BD%A0%E5%A5%BD&visible=0&content=b', FORM));
    expect(fields.content).toEqual(['你好', 'b']);
    expect(fields.visible).toEqual(['0']);
  });

  it('puts the query’s parameters first: a server may merge them', async () => {
    const { fields } = await readRequest(
      snap('content=clean', FORM, 'https://weibo.com/ajax/statuses/update?content=x'),
    );
    expect(fields.content).toEqual(['x', 'clean']);
  });

  it('reads a JSON-looking body sent as a form as the form the server reads', async () => {
    const { fields } = await readRequest(snap('{"content":"clean","x":"&content=BLOCKED&"}', FORM));
    expect(fields.content).toEqual(['BLOCKED']);
  });

  it('splits a form on ; as well, keeping the reading without it', async () => {
    const { fields } = await readRequest(snap('content=明天;下午开会', FORM));
    expect(fields.content).toEqual(['明天;下午开会', '明天']);
  });

  it('reads a form declared in another charset both ways', async () => {
    const { fields } = await readRequest(
      snap('content=%BD%F6%B9%A9%C4%DA%B2%BF%B2%CE%BF%BC', 'application/x-www-form-urlencoded; charset=gbk'),
    );
    expect(fields.content).toContain('仅供内部参考');
  });

  it('refuses to guess an unknown charset', async () => {
    await expect(
      readRequest(snap('content=a', 'application/x-www-form-urlencoded; charset=x-nonsense')),
    ).rejects.toBeInstanceOf(UnreadableBody);
  });

  it('reads multipart bodies with the browser’s parser; small text files count as values', async () => {
    const form = new FormData();
    form.append('comment', '评论内容');
    form.append('content', new Blob(['文件里的正文'], { type: 'text/plain' }), 'a.txt');
    form.append('pic', new Blob([new Uint8Array([0xff, 0xd8])], { type: 'image/jpeg' }), 'a.jpg');
    const request = new Request('https://x/', { method: 'POST', body: form });
    const body = new Uint8Array(await request.arrayBuffer());
    const { fields } = await readRequest(snap(body, request.headers.get('content-type')!));
    expect(fields).toEqual({ comment: ['评论内容'], content: ['文件里的正文'] });
  });

  it('a multipart body that does not parse is unreadable', async () => {
    await expect(readRequest(snap('garbage', 'multipart/form-data; boundary=zzz'))).rejects.toBeInstanceOf(
      UnreadableBody,
    );
  });

  it('reads JSON by its members', async () => {
    const { fields } = await readRequest(snap('{"title0":"标题","count":1,"list":["a",{"b":1}]}', 'application/json'));
    expect(fields).toEqual({ title0: ['标题'], count: ['1'], list: ['a', '{"b":1}'] });
  });

  it('reads a body of no declared type both as a form and as JSON', async () => {
    expect((await readRequest(snap('content=a+b'))).fields.content).toEqual(['a b']);
    expect((await readRequest(snap('{"content":"x"}', 'text/plain'))).fields.content).toEqual(['x']);
  });

  it('no body, no fields', async () => {
    expect((await readRequest(snap(null))).fields).toEqual({});
  });
});
