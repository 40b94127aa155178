/**
 * The fleet pages' frame: server-rendered Preact (no script needed to read them), zh_CN first.
 * Everything shown is text: Preact escapes every string, so a draft holding markup or SQL is
 * shown as the characters it is.
 */
import type { ComponentChildren } from 'preact';
import { render } from 'preact-render-to-string';
import type { Auditor } from '../auth';
import { FLEET_CSS } from './style';

export const NAV = [
  ['/', '账号活跃度'],
  ['/units', '各单位'],
  ['/attempts', '发布尝试'],
  ['/devices', '设备与日志链'],
  ['/events', '断链事件'],
] as const;

export function page(title: string, auditor: Auditor | undefined, body: ComponentChildren, path = ''): string {
  return `<!doctype html>${render(
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · 政务新媒体审计汇聚`}</title>
        <style dangerouslySetInnerHTML={{ __html: FLEET_CSS }} />
      </head>
      <body>
        <header>
          <strong>政务新媒体审计汇聚</strong> <span class="en">GovPost Guard fleet</span>
          {auditor && (
            <nav>
              {NAV.map(([href, label]) => (
                <a href={href} class={path === href ? 'here' : ''}>
                  {label}
                </a>
              ))}
              <span class="who">
                {auditor.login}（{auditor.role === 'city' ? '市级审计' : `${auditor.unit ?? ''} 审计`}）
                <form method="post" action="/logout">
                  <button>退出</button>
                </form>
              </span>
            </nav>
          )}
        </header>
        <main>
          <h1>{title}</h1>
          {body}
        </main>
      </body>
    </html>,
  )}`;
}

/** Links to the same view as CSV (Excel/WPS) and JSON Lines. */
export function Exports(props: { path: string; query: URLSearchParams }) {
  const link = (format: string) => {
    const q = new URLSearchParams(props.query);
    q.set('format', format);
    return `${props.path}?${q.toString()}`;
  };
  return (
    <p class="exports">
      导出当前视图：<a href={link('csv')}>CSV（Excel/WPS）</a> · <a href={link('jsonl')}>JSON Lines</a>
    </p>
  );
}

export const dateTime = (value: string | Date | null | undefined): string => {
  if (!value) return '—';
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? '—' : d.toISOString().slice(0, 16).replace('T', ' ');
};
