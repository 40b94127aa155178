import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { sendMessage } from '../../utils/messaging';

function Popup() {
  const [pack, setPack] = useState<string>('…');
  useEffect(() => {
    sendMessage('getActivePack', {}).then(
      ({ pack }) => setPack(`${pack.name} ${pack.version}`),
      (e: Error) => setPack(`无法读取规则包：${e.message}`),
    );
  }, []);
  return (
    <main>
      <h1>政务新媒体发布前合规守卫</h1>
      <p>当前规则包：{pack}</p>
      <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
        打开审计日志与设置
      </button>
    </main>
  );
}

render(<Popup />, document.getElementById('app')!);
