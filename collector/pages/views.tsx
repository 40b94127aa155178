/** The fleet pages' bodies: each takes rows from collector/queries.ts and renders them as text. */
import {
  CATEGORY_LABELS,
  DECISION_LABELS,
  KIND_LABELS,
  PLATFORM_LABELS,
  REVIEW_LABELS,
  VERDICT_LABELS,
} from '../../utils/labels';
import { REVIEW_GATES } from '../../utils/protocol';
import type { AccountRow, AttemptFilter, AttemptRow, DayRow, DeviceRow, EventRow, UnitRow } from '../queries';
import { dateTime, Exports } from './layout';

const label = (table: Record<string, string>, key: string) => table[key] ?? key;

export const EVENT_LABELS: Record<string, string> = {
  gap: '缺失（有记录没有到达）',
  rewritten: '改写（与已收到的不同）',
  restarted: '重新开始（本地日志被清空或重建）',
};

export function AccountsView(props: {
  rows: AccountRow[];
  days: number;
  dormantOnly: boolean;
  query: URLSearchParams;
}) {
  return (
    <>
      <form class="filters" method="get">
        <label>
          超过多少天未发布算“长期不发布”
          <input type="number" name="days" min="1" max="3650" value={String(props.days)} />
        </label>
        <label>
          显示
          <select name="show">
            <option value="dormant" selected={props.dormantOnly}>
              只看长期不发布的账号
            </option>
            <option value="all" selected={!props.dormantOnly}>
              全部账号
            </option>
          </select>
        </label>
        <button>查看</button>
      </form>
      <p data-testid="account-count">
        {props.dormantOnly ? `超过 ${props.days} 天没有发布（或从未发布）的账号：` : '全部账号：'}
        <strong>{props.rows.length}</strong> 个
      </p>
      <Exports path="/" query={props.query} />
      <table data-testid="accounts">
        <thead>
          <tr>
            <th>账号</th>
            <th>平台</th>
            <th>单位</th>
            <th>最后发布</th>
            <th>未发布天数</th>
            <th>最后一次尝试</th>
            <th>尝试</th>
            <th>发布</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((a) => (
            <tr>
              <td>
                <a href={`/attempts?account=${encodeURIComponent(a.account_key)}`}>{a.name}</a>
              </td>
              <td>{label(PLATFORM_LABELS, a.platform)}</td>
              <td>{a.unit}</td>
              <td>{dateTime(a.last_publish)}</td>
              <td class={`n ${a.days_silent === null || a.days_silent >= props.days ? 'bad' : ''}`}>
                {a.days_silent ?? '从未发布'}
              </td>
              <td>{dateTime(a.last_attempt)}</td>
              <td class="n">{a.attempts}</td>
              <td class="n">{a.published}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export function UnitsView(props: { rows: UnitRow[]; from: string; to: string; query: URLSearchParams }) {
  return (
    <>
      <PeriodForm from={props.from} to={props.to} />
      <Exports path="/units" query={props.query} />
      <table data-testid="units">
        <thead>
          <tr>
            <th>单位</th>
            <th>发布尝试</th>
            <th>已拦截</th>
            <th>仍要发布（附理由）</th>
            <th>已发布</th>
            <th>仍要发布率</th>
            <th>设备</th>
            <th>断链事件</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((u) => (
            <tr>
              <td>
                <a href={`/units/${u.id}?from=${props.from}&to=${props.to}`}>{u.name}</a>
              </td>
              <td class="n">{u.attempts}</td>
              <td class="n">{u.blocked}</td>
              <td class="n">{u.overrides}</td>
              <td class="n">{u.published}</td>
              <td class="n">{u.attempts ? `${((100 * u.overrides) / u.attempts).toFixed(1)}%` : '—'}</td>
              <td class="n">{u.devices}</td>
              <td class={`n ${u.events ? 'bad' : ''}`}>{u.events}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function PeriodForm(props: { from: string; to: string }) {
  return (
    <form class="filters" method="get">
      <label>
        起始日期
        <input type="date" name="from" value={props.from} />
      </label>
      <label>
        截止日期
        <input type="date" name="to" value={props.to} />
      </label>
      <button>查看</button>
    </form>
  );
}

/** Per day: attempts, blocks, overrides, and each category's attempts, as bars. */
export function UnitDetailView(props: {
  unit: string;
  unitId: number;
  days: DayRow[];
  overrides: AttemptRow[];
  blocked: AttemptRow[];
  from: string;
  to: string;
  query: URLSearchParams;
}) {
  const totals = props.days.filter((d) => d.category === '');
  const max = Math.max(1, ...totals.map((d) => d.attempts));
  const categories = new Map<string, number>();
  for (const d of props.days)
    if (d.category) categories.set(d.category, (categories.get(d.category) ?? 0) + d.attempts);
  return (
    <>
      <PeriodForm from={props.from} to={props.to} />
      <h2>每天的尝试、拦截和仍要发布</h2>
      <table data-testid="unit-days">
        <thead>
          <tr>
            <th>日期</th>
            <th>尝试</th>
            <th>已拦截</th>
            <th>仍要发布</th>
            <th>问题类别</th>
          </tr>
        </thead>
        <tbody>
          {totals.map((d) => (
            <tr>
              <td>{d.day}</td>
              <td class="n">
                {d.attempts} <span class="bar" style={{ width: `${(120 * d.attempts) / max}px` }} />
              </td>
              <td class="n">
                {d.blocked} <span class="bar blocked" style={{ width: `${(120 * d.blocked) / max}px` }} />
              </td>
              <td class="n">
                {d.overrides} <span class="bar overrides" style={{ width: `${(120 * d.overrides) / max}px` }} />
              </td>
              <td>
                {props.days
                  .filter((c) => c.day === d.day && c.category)
                  .map((c) => (
                    <span class="tag">
                      {label(CATEGORY_LABELS, c.category)} {c.attempts}
                    </span>
                  ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>问题类别（本期合计）</h2>
      <p>
        {[...categories.entries()]
          .sort((a, b) => b[1] - a[1])
          .map(([c, n]) => (
            <span class="tag">
              {label(CATEGORY_LABELS, c)} {n}
            </span>
          ))}
        {categories.size === 0 && '本期没有发现问题。'}
      </p>
      <h2>仍要发布及其理由</h2>
      <AttemptsTable rows={props.overrides} testid="overrides" />
      <h2>拦截</h2>
      <AttemptsTable rows={props.blocked} testid="blocked" />
      <p>
        <a href={`/attempts?unit=${props.unitId}`}>查看本单位全部发布尝试</a>
      </p>
    </>
  );
}

export function AttemptsTable(props: { rows: AttemptRow[]; testid?: string }) {
  if (!props.rows.length) return <p>没有记录。</p>;
  return (
    <table data-testid={props.testid}>
      <thead>
        <tr>
          <th>时间</th>
          <th>单位</th>
          <th>账号</th>
          <th>类型</th>
          <th>内容</th>
          <th>检查结论</th>
          <th>问题类别</th>
          <th>处理结果</th>
          <th>发布理由</th>
          <th>编辑</th>
          <th>设备/序号</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((a) => (
          <tr>
            <td>{dateTime(a.time)}</td>
            <td>{a.unit}</td>
            <td>
              {label(PLATFORM_LABELS, a.platform)} · {a.account_name}
            </td>
            <td>{label(KIND_LABELS, a.kind)}</td>
            <td class="text" data-testid="attempt-text">
              {a.title && <strong>{a.title}</strong>}
              {a.title && '\n'}
              {a.text ?? <span class="warn">（按策略未上传全文；SHA-256 {a.text_sha256.slice(0, 16)}…）</span>}
            </td>
            <td>
              <span class={`tag ${a.verdict === 'block' ? 'block' : ''}`}>{label(VERDICT_LABELS, a.verdict)}</span>
            </td>
            <td>
              {a.categories.map((c) => (
                <span class="tag">{label(CATEGORY_LABELS, c)}</span>
              ))}
            </td>
            <td>
              <span
                class={`tag ${a.decision === 'blocked' ? 'block' : a.decision === 'published-with-reason' ? 'override' : ''}`}
              >
                {label(DECISION_LABELS, a.decision)}
              </span>
            </td>
            <td class="text">
              {a.reason ?? ''}
              {a.review && (
                <span class="review" data-testid="attempt-review">
                  {'\n'}
                  {REVIEW_GATES.map((gate) => `${REVIEW_LABELS[gate]}：${a.review?.[gate] ?? ''}`).join('　')}
                </span>
              )}
            </td>
            <td>{a.editor}</td>
            <td>
              {a.device_id}/{a.seq}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A filter's drop-down: 全部 first, then each value with its Chinese label. */
function Choice(props: { label: string; name: string; options: [string, string][]; current?: string }) {
  return (
    <label>
      {props.label}
      <select name={props.name}>
        <option value="">全部</option>
        {props.options.map(([value, text]) => (
          <option value={value} selected={props.current === value}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

export function AttemptsView(props: {
  rows: AttemptRow[];
  filter: AttemptFilter;
  units: { id: number; name: string }[];
  query: URLSearchParams;
}) {
  const f = props.filter;
  const units = props.units.map((u): [string, string] => [String(u.id), u.name]);
  return (
    <>
      <form class="filters" method="get">
        <Choice label="单位" name="unit" options={units} current={f.unit === undefined ? undefined : String(f.unit)} />
        <Choice label="平台" name="platform" options={Object.entries(PLATFORM_LABELS)} current={f.platform} />
        <Choice label="检查结论" name="verdict" options={Object.entries(VERDICT_LABELS)} current={f.verdict} />
        <Choice label="处理结果" name="decision" options={Object.entries(DECISION_LABELS)} current={f.decision} />
        <Choice label="问题类别" name="category" options={Object.entries(CATEGORY_LABELS)} current={f.category} />
        <label>
          起始日期
          <input type="date" name="from" value={f.from?.toISOString().slice(0, 10) ?? ''} />
        </label>
        <label>
          截止日期
          <input type="date" name="to" value={f.to ? new Date(f.to.getTime() - 1).toISOString().slice(0, 10) : ''} />
        </label>
        <label>
          全文搜索
          <input type="search" name="q" value={f.q ?? ''} placeholder="正文、标题、理由、账号、哈希" />
        </label>
        {f.account && <input type="hidden" name="account" value={f.account} />}
        <button>筛选</button>
      </form>
      <p>
        共 <strong data-testid="attempt-count">{props.rows.length}</strong> 条
        {props.rows.length >= (f.limit ?? 500) && `（只显示最新的 ${f.limit ?? 500} 条，请缩小筛选范围或导出）`}
      </p>
      <Exports path="/attempts" query={props.query} />
      <AttemptsTable rows={props.rows} testid="attempts" />
    </>
  );
}

export function DevicesView(props: { rows: DeviceRow[]; query: URLSearchParams }) {
  return (
    <>
      <Exports path="/devices" query={props.query} />
      <table data-testid="devices">
        <thead>
          <tr>
            <th>设备</th>
            <th>单位</th>
            <th>扩展版本</th>
            <th>登记时间</th>
            <th>最后联系</th>
            <th>已收到</th>
            <th>链头</th>
            <th>日志链状态</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((d) => (
            <tr>
              <td>{d.id}</td>
              <td>{d.unit}</td>
              <td>{d.extension}</td>
              <td>{dateTime(d.enrolled_at)}</td>
              <td>{dateTime(d.last_contact)}</td>
              <td class="n">{d.entries}</td>
              <td>
                序号 {d.head_seq} <code>{d.head_hash.slice(0, 12)}</code>
              </td>
              <td data-testid="chain-state">
                {d.revoked_at ? (
                  <span class="bad">已撤销（{dateTime(d.revoked_at)}）</span>
                ) : d.events ? (
                  <a class="bad" href={`/events?device=${d.id}`}>
                    ✗ {d.events} 处断链：{d.last_event}
                  </a>
                ) : (
                  <span class="good">✓ 连续</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export function EventsView(props: { rows: EventRow[]; query: URLSearchParams }) {
  return (
    <>
      <p>每台设备上传的日志必须接在汇聚服务器已收到的最后一条之后。缺失、改写、倒退或重新开始都记为事件，不可删除。</p>
      <Exports path="/events" query={props.query} />
      <table data-testid="events">
        <thead>
          <tr>
            <th>发现时间</th>
            <th>设备</th>
            <th>单位</th>
            <th>类型</th>
            <th>涉及序号</th>
            <th>说明</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((e) => (
            <tr>
              <td>{dateTime(e.at)}</td>
              <td>{e.device_id}</td>
              <td>{e.unit}</td>
              <td class="bad">{EVENT_LABELS[e.kind] ?? e.kind}</td>
              <td>
                {e.from_seq}–{e.to_seq}
              </td>
              <td>{e.detail}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export function LoginView(props: { error?: string; next?: string }) {
  return (
    <form class="login" method="post" action="/login">
      {props.error && <p class="error">{props.error}</p>}
      <label>
        账号
        <input name="login" autocomplete="username" required />
      </label>
      <label>
        密码
        <input name="password" type="password" autocomplete="current-password" required />
      </label>
      <input type="hidden" name="next" value={props.next ?? '/'} />
      <button>登录</button>
    </form>
  );
}
