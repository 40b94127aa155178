import { Window } from 'happy-dom';
import { afterAll, expect, it } from 'vitest';
import { isShown } from '../../guard/visible';

const window = new Window({ url: 'https://mp.weixin.qq.com/' });
afterAll(() => window.happyDOM.close());

it('tells a live dialog button from the same button in a hidden template', () => {
  const doc = window.document;
  doc.body.innerHTML = `
    <style>.leaving { visibility: hidden; }</style>
    <div class="wrp" id="tpl" style="display: none;"><div class="dialog"><button>继续发表</button></div></div>
    <div class="wrp" id="live" style=""><div class="dialog"><button>继续发表</button></div></div>
    <div class="wrp leaving" id="leaving"><button>确定</button></div>`;
  const [hidden, live] = [...doc.querySelectorAll('button')];
  expect(isShown(hidden as unknown as Element)).toBe(false);
  expect(isShown(live as unknown as Element)).toBe(true);
  expect(isShown(doc.querySelector('#leaving button') as unknown as Element)).toBe(false);
  const detached = doc.createElement('button');
  expect(isShown(detached as unknown as Element)).toBe(false);
});
