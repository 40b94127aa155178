// @vitest-environment happy-dom
import { render } from 'preact';
import { expect, it } from 'vitest';
import { Store, useStore } from '../../guard/overlay/store';

function Shown({ store }: { store: Store<{ text: string }> }) {
  return <p>{useStore(store).text}</p>;
}

const settled = () => new Promise((resolve) => setTimeout(resolve, 150));

it('shows a change made right after the first render, before any effect ran', async () => {
  const store = new Store({ text: '初始' });
  const root = document.createElement('div');
  render(<Shown store={store} />, root);
  // A held request answered before the page painted sets the panel here.
  store.set({ text: '发布前检查' });
  await settled();
  expect(root.textContent).toBe('发布前检查');
  store.set({ text: '返回修改' });
  await settled();
  expect(root.textContent).toBe('返回修改');
});

it('stops following the store once unmounted', async () => {
  const store = new Store({ text: '一' });
  const root = document.createElement('div');
  render(<Shown store={store} />, root);
  render(null, root);
  store.set({ text: '二' });
  await settled();
  expect(root.textContent).toBe('');
});
