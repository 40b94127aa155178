import { describe, expect, it } from 'vitest';
import { readBody } from '../../guard/main-world/body';

describe('reading a held request body', () => {
  it('reads every body a page can send without consuming it', async () => {
    const form = new FormData();
    form.append('comment', '评论内容');
    form.append('pic', new Blob(['x']), 'a.jpg');
    expect(await readBody('content=%E4%BD%A0%E5%A5%BD&visible=0')).toEqual({ content: '你好', visible: '0' });
    expect(await readBody(new URLSearchParams({ content: '你好' }))).toEqual({ content: '你好' });
    expect(await readBody(form)).toEqual({ comment: '评论内容', pic: '[文件 a.jpg]' });
    expect(await readBody(new Blob(['content=a+b']))).toEqual({ content: 'a b' });
    expect(await readBody(new TextEncoder().encode('content=%E5%A5%BD'))).toEqual({ content: '好' });
    expect(await readBody('{"title0":"标题","count":1}')).toEqual({ title0: '标题', count: '1' });
    expect(await readBody(null)).toEqual({});
  });

  it('keeps the first of repeated fields', async () => {
    expect(await readBody('content=a&content=b')).toEqual({ content: 'a' });
  });

  it('cannot read a stream: null, and the guard fails closed', async () => {
    expect(await readBody(new ReadableStream())).toBeNull();
  });
});
