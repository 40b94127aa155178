/**
 * The collector's HTTP service (Hono on Node): the upload API the extensions call, and the fleet
 * pages auditors sign in to. Run behind a reverse proxy that terminates TLS (README); the API
 * answers CORS for extension origins only, the pages are same-origin with a strict CSP.
 */
import { Hono, type Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { cors } from 'hono/cors';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { CATEGORY_LABELS, DECISION_LABELS, PLATFORM_LABELS, REVIEW_LABELS, VERDICT_LABELS } from '../utils/labels';
import { REVIEW_GATES } from '../utils/protocol';
import { MAX_BATCH_BYTES, SIGNATURE_HEADER } from '../fleet-protocol/upload';
import { sessionAuditor, signIn, signOut, type Auditor } from './auth';
import type { Database } from './db/database';
import { enrollDevice } from './enrollment';
import { csvFile, fileResponse, jsonlFile, type Column } from './exports';
import { IngestError, ingestBatch } from './ingest';
import { page } from './pages/layout';
import {
  AccountsView,
  AttemptsView,
  DevicesView,
  EventsView,
  EVENT_LABELS,
  LoginView,
  UnitDetailView,
  UnitsView,
} from './pages/views';
import * as q from './queries';

const COOKIE = 'govpost_fleet';
/** A text field of a submitted form ('' for a missing one or a file). */
const field = (value: unknown): string => (typeof value === 'string' ? value : '');
const DEFAULT_DORMANT_DAYS = 14;
type Env = { Variables: { auditor: Auditor } };

export function createApp(db: Database, options: { secureCookies?: boolean } = {}) {
  const app = new Hono<Env>();
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'none'"],
        styleSrc: ["'unsafe-inline'"],
        formAction: ["'self'"],
        imgSrc: ["'self'"],
      },
    }),
  );

  // ── Upload API ────────────────────────────────────────────────────────────────────────────
  app.use(
    '/api/*',
    cors({
      origin: (origin) => (/^(chrome-extension|moz-extension):\/\/[a-z0-9-]+$/.test(origin) ? origin : null),
      allowMethods: ['POST', 'GET'],
      allowHeaders: ['content-type', SIGNATURE_HEADER],
      maxAge: 600,
    }),
  );
  app.use('/api/*', bodyLimit({ maxSize: MAX_BATCH_BYTES, onError: (c) => c.json({ error: '上传内容过大' }, 413) }));
  const apiError = (c: Context, e: unknown) => {
    if (e instanceof IngestError) return c.json({ error: e.message }, e.status);
    console.error('汇聚服务器内部错误', e);
    return c.json({ error: '服务器内部错误' }, 500);
  };
  app.post('/api/v1/enroll', async (c) => {
    try {
      return c.json(await enrollDevice(db, await c.req.json().catch(() => undefined)));
    } catch (e) {
      return apiError(c, e);
    }
  });
  app.post('/api/v1/batches', async (c) => {
    try {
      return c.json(await ingestBatch(db, await c.req.text(), c.req.header(SIGNATURE_HEADER)));
    } catch (e) {
      return apiError(c, e);
    }
  });
  app.get('/healthz', async (c) => {
    await db.query('SELECT 1');
    return c.text('ok');
  });

  // ── Sign-in ───────────────────────────────────────────────────────────────────────────────
  app.get('/login', (c) => c.html(page('登录', undefined, LoginView({ next: c.req.query('next') }))));
  app.post('/login', async (c) => {
    const form = await c.req.parseBody();
    const token = await signIn(db, field(form.login), field(form.password));
    if (!token) return c.html(page('登录', undefined, LoginView({ error: '账号或密码不对' })), 401);
    setCookie(c, COOKIE, token, {
      httpOnly: true,
      sameSite: 'Strict',
      secure: options.secureCookies ?? false,
      path: '/',
      maxAge: 12 * 3600,
    });
    const next = field(form.next) || '/';
    return c.redirect(next.startsWith('/') && !next.startsWith('//') ? next : '/');
  });
  app.post('/logout', async (c) => {
    await signOut(db, getCookie(c, COOKIE));
    deleteCookie(c, COOKIE, { path: '/' });
    return c.redirect('/login');
  });
  app.use('*', async (c, next) => {
    const auditor = await sessionAuditor(db, getCookie(c as Context, COOKIE));
    if (!auditor) return c.redirect(`/login?next=${encodeURIComponent(c.req.path)}`);
    c.set('auditor', auditor);
    return next();
  });

  // ── Fleet pages; `?format=csv|jsonl` exports the same view ───────────────────────────────
  const format = (c: Context) => {
    const f = c.req.query('format');
    return f === 'csv' || f === 'jsonl' ? f : undefined;
  };
  const query = (c: Context) => new URL(c.req.url).searchParams;
  const view = <T,>(c: Context<Env>, name: string, rows: T[], columns: Column<T>[], render: () => string) => {
    const f = format(c);
    if (!f) return c.html(render());
    return fileResponse(name, f, f === 'csv' ? csvFile(rows, columns) : jsonlFile(rows));
  };
  const period = (c: Context) => {
    const to = c.req.query('to') || new Date().toISOString().slice(0, 10);
    const from = c.req.query('from') || new Date(Date.parse(to) - 29 * 86_400_000).toISOString().slice(0, 10);
    return { from, to };
  };

  app.get('/', async (c) => {
    const auditor = c.get('auditor');
    const days = Math.max(1, Math.min(3650, Number(c.req.query('days')) || DEFAULT_DORMANT_DAYS));
    const dormantOnly = c.req.query('show') !== 'all';
    const rows = await q.accounts(db, q.scopeOf(auditor), dormantOnly ? days : undefined);
    return view(
      c,
      '账号活跃度',
      rows,
      [
        { header: '账号', value: (r) => r.name },
        { header: '平台', value: (r) => PLATFORM_LABELS[r.platform as 'weibo'] ?? r.platform },
        { header: '单位', value: (r) => r.unit },
        { header: '最后发布', value: (r) => r.last_publish && new Date(r.last_publish).toISOString() },
        { header: '未发布天数', value: (r) => r.days_silent ?? '从未发布' },
        { header: '发布尝试', value: (r) => r.attempts },
        { header: '发布', value: (r) => r.published },
      ],
      () => page('账号活跃度', auditor, AccountsView({ rows, days, dormantOnly, query: query(c) }), '/'),
    );
  });

  app.get('/units', async (c) => {
    const auditor = c.get('auditor');
    const { from, to } = period(c);
    const rows = await q.units(db, q.scopeOf(auditor), new Date(from), new Date(to));
    return view(
      c,
      '各单位',
      rows,
      [
        { header: '单位', value: (r) => r.name },
        { header: '发布尝试', value: (r) => r.attempts },
        { header: '已拦截', value: (r) => r.blocked },
        { header: '仍要发布', value: (r) => r.overrides },
        { header: '已发布', value: (r) => r.published },
        { header: '设备', value: (r) => r.devices },
        { header: '断链事件', value: (r) => r.events },
      ],
      () => page('各单位', auditor, UnitsView({ rows, from, to, query: query(c) }), '/units'),
    );
  });

  app.get('/units/:id', async (c) => {
    const auditor = c.get('auditor');
    const scope = q.scopeOf(auditor);
    const id = Number(c.req.param('id'));
    const unit = (await q.unitNames(db, scope)).find((u) => u.id === id);
    if (!unit) return c.html(page('没有这个单位', auditor, <p>没有这个单位，或不在你的权限范围内。</p>), 404);
    const { from, to } = period(c);
    const [days, overrides, blocked] = await Promise.all([
      q.days(db, scope, id, new Date(from), new Date(to)),
      q.attempts(db, scope, { unit: id, decision: 'published-with-reason', limit: 200 }),
      q.attempts(db, scope, { unit: id, decision: 'blocked', limit: 200 }),
    ]);
    return view(
      c,
      unit.name,
      days,
      [
        { header: '日期', value: (r) => r.day },
        {
          header: '问题类别',
          value: (r) => (r.category ? (CATEGORY_LABELS[r.category as 'typo'] ?? r.category) : '合计'),
        },
        { header: '尝试', value: (r) => r.attempts },
        { header: '已拦截', value: (r) => r.blocked },
        { header: '仍要发布', value: (r) => r.overrides },
      ],
      () =>
        page(
          unit.name,
          auditor,
          UnitDetailView({ unit: unit.name, unitId: id, days, overrides, blocked, from, to, query: query(c) }),
          '/units',
        ),
    );
  });

  app.get('/attempts', async (c) => {
    const auditor = c.get('auditor');
    const scope = q.scopeOf(auditor);
    const p = c.req.query();
    const date = (s: string | undefined, plusDay = false) =>
      s && /^\d{4}-\d{2}-\d{2}$/.test(s) ? new Date(Date.parse(s) + (plusDay ? 86_400_000 : 0)) : undefined;
    const filter: q.AttemptFilter = {
      unit: p.unit ? Number(p.unit) : undefined,
      device: p.device ? Number(p.device) : undefined,
      account: p.account || undefined,
      platform: p.platform || undefined,
      decision: p.decision || undefined,
      verdict: p.verdict || undefined,
      category: p.category || undefined,
      q: p.q?.trim() || undefined,
      from: date(p.from),
      to: date(p.to, true),
      limit: format(c) ? 10_000 : 500,
    };
    const [rows, units] = await Promise.all([q.attempts(db, scope, filter), q.unitNames(db, scope)]);
    return view(
      c,
      '发布尝试',
      rows,
      [
        { header: '时间', value: (r) => new Date(r.time).toISOString() },
        { header: '单位', value: (r) => r.unit },
        { header: '平台', value: (r) => PLATFORM_LABELS[r.platform as 'weibo'] ?? r.platform },
        { header: '账号', value: (r) => r.account_name },
        { header: '标题', value: (r) => r.title },
        { header: '正文', value: (r) => r.text },
        { header: '正文 SHA-256', value: (r) => r.text_sha256 },
        { header: '检查结论', value: (r) => VERDICT_LABELS[r.verdict as 'pass'] ?? r.verdict },
        { header: '问题类别', value: (r) => r.categories.map((x) => CATEGORY_LABELS[x as 'typo'] ?? x).join('、') },
        { header: '处理结果', value: (r) => DECISION_LABELS[r.decision as 'published'] ?? r.decision },
        { header: '发布理由', value: (r) => r.reason },
        ...REVIEW_GATES.map((gate): Column<q.AttemptRow> => ({
          header: REVIEW_LABELS[gate],
          value: (r) => r.review?.[gate],
        })),
        { header: '编辑', value: (r) => r.editor },
        { header: '设备', value: (r) => r.device_id },
        { header: '序号', value: (r) => r.seq },
      ],
      () => page('发布尝试', auditor, AttemptsView({ rows, filter, units, query: query(c) }), '/attempts'),
    );
  });

  app.get('/devices', async (c) => {
    const auditor = c.get('auditor');
    const rows = await q.devices(db, q.scopeOf(auditor));
    return view(
      c,
      '设备',
      rows,
      [
        { header: '设备', value: (r) => r.id },
        { header: '单位', value: (r) => r.unit },
        { header: '扩展版本', value: (r) => r.extension },
        { header: '最后联系', value: (r) => r.last_contact && new Date(r.last_contact).toISOString() },
        { header: '已收到', value: (r) => r.entries },
        { header: '链头序号', value: (r) => r.head_seq },
        { header: '链头哈希', value: (r) => r.head_hash },
        { header: '断链事件', value: (r) => r.events },
        { header: '已撤销', value: (r) => (r.revoked_at ? new Date(r.revoked_at).toISOString() : '') },
      ],
      () => page('设备与日志链', auditor, DevicesView({ rows, query: query(c) }), '/devices'),
    );
  });

  app.get('/events', async (c) => {
    const auditor = c.get('auditor');
    const device = c.req.query('device') ? Number(c.req.query('device')) : undefined;
    const rows = await q.events(db, q.scopeOf(auditor), device);
    return view(
      c,
      '断链事件',
      rows,
      [
        { header: '发现时间', value: (r) => new Date(r.at).toISOString() },
        { header: '设备', value: (r) => r.device_id },
        { header: '单位', value: (r) => r.unit },
        { header: '类型', value: (r) => EVENT_LABELS[r.kind] ?? r.kind },
        { header: '起始序号', value: (r) => r.from_seq },
        { header: '截止序号', value: (r) => r.to_seq },
        { header: '说明', value: (r) => r.detail },
      ],
      () => page('断链事件', auditor, EventsView({ rows, query: query(c) }), '/events'),
    );
  });

  return app;
}
