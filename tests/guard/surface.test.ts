// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { domPosition, richText } from '../../guard/surface-rich';
import { surfaceFor } from '../../guard/surface';

function editor(html: string): HTMLElement {
  document.body.innerHTML = `<div contenteditable="true" class="ProseMirror">${html}</div>`;
  return document.body.firstElementChild as HTMLElement;
}

describe('rich text surfaces', () => {
  it('turn blocks and line breaks into newlines, and skip what readers do not see as text', () => {
    const el = editor(
      '<p>第一段<strong>加粗</strong>。</p><p>第二段<br>换行</p><div contenteditable="false">图片说明</div><ul><li>一</li><li>二</li></ul>',
    );
    expect(richText(el).text).toBe('第一段加粗。\n第二段\n换行\n一\n二');
  });

  it('map every offset back to a DOM position, synthetic newlines to the next text', () => {
    const el = editor('<p>做为</p><p>再接再励</p>');
    const model = richText(el);
    const at = (offset: number) => {
      const p = domPosition(model, offset, el);
      return [(p.node as Text).data, p.offset];
    };
    expect(at(0)).toEqual(['做为', 0]);
    expect(at(2)).toEqual(['做为', 2]);
    expect(at(3)).toEqual(['再接再励', 0]);
    expect(at(7)).toEqual(['再接再励', 4]);
  });

  it('select a finding as a document Range', () => {
    const el = editor('<p>作为基层干部，要<em>再接</em>再励。</p>');
    const surface = surfaceFor(el);
    const text = surface.text();
    const start = text.indexOf('再接再励');
    surface.select(start, start + 4, { focus: false });
    expect(document.getSelection()?.toString()).toBe('再接再励');
  });

  it('read a textarea’s value unchanged', () => {
    document.body.innerHTML = '<textarea>  两个空格\n和换行</textarea>';
    expect(surfaceFor(document.querySelector('textarea')!).text()).toBe('  两个空格\n和换行');
  });
});
