/*
 * A replica of weibo.com's front end for end-to-end tests and the demo (sources: docs/platform-sources.md). It keeps
 * the stable hooks exactly (placeholders, woo-button texts, i[title], <article> cards, endpoint
 * paths and form fields) and behaves like the SPA where it matters to a guard:
 *
 * - two page generations: Vue 2 "V7" (`#app`, `Composer_mar1_xxxxx` classes, `#app.__vue__`) and
 *   Vue 3 (`[data-v-app]`, `_mar1_xxxxx_2` classes, `[composerconfig]`, `__vue_app__`);
 * - hashed CSS-module class names randomised on every load;
 * - the home composer mounts late; comment, reply and repost composers mount on demand;
 * - the feed is virtually scrolled: a few <article> views are recycled for other posts;
 * - a hidden repost dialog template is always in the DOM;
 * - 发送 is disabled until there is text; Ctrl/Cmd+Enter submits every composer;
 * - publishing goes through XHR and fetch with the real fields; an {ok:0,msg} answer shows a toast;
 * - a heartbeat request runs on a timer (ordinary traffic that must never be held).
 *
 * Plain script in the page's own world, like the real bundle.
 */
(() => {
  const cfg = window.__REPLICA__ || {};
  const gen = cfg.generation === 'vue3' ? 'vue3' : 'vue2';
  const route = cfg.route || 'home';
  const record = (window.__replica = { handled: [], generation: gen });

  // --- hashed CSS-module names, new on every load ---------------------------------------------
  const hashes = new Map();
  const rand = () => Math.random().toString(36).slice(2, 7).padEnd(5, 'x');
  const cls = (component, name) => {
    const key = `${component}.${name}`;
    if (!hashes.has(key)) hashes.set(key, rand());
    const h = hashes.get(key);
    return gen === 'vue2' ? `${component}_${name}_${h}` : `_${name}_${h}_${(h.charCodeAt(0) % 9) + 1}`;
  };
  const h = (tag, attrs, ...children) => {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === false || v === undefined || v === null) continue;
      if (k === 'class') el.className = v;
      else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
      else el.setAttribute(k, v === true ? '' : v);
    }
    for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) el.append(c);
    return el;
  };
  const primaryButton = (label, attrs = {}) =>
    h(
      'button',
      {
        class: `woo-button-main woo-button-flat woo-button-primary woo-button-m woo-button-round ${cls('Composer', 'btn')}`,
        ...attrs,
      },
      h('span', { class: 'woo-button-wrap' }, h('span', { class: 'woo-button-content' }, label)),
    );

  // --- who is logged in -----------------------------------------------------------------------
  const me = {
    id: 1234567890,
    idstr: '1234567890',
    screen_name: '保定发布',
    avatar_hd: 'https://tvax1.sinaimg.cn/avatar.jpg',
  };
  // The Vue 3 page sets $CONFIG from this external bundle: no inline script to read as text.
  if (gen === 'vue3') window.$CONFIG = { user: me };

  // --- data -----------------------------------------------------------------------------------
  const AUTHORS = [
    { uid: '2803301701', name: '人民日报' },
    { uid: '1699432410', name: '新华社' },
    { uid: '6004281123', name: '河北发布' },
    { uid: '7712345678', name: '某某娱乐八卦' },
  ];
  const TEXTS = [
    '今冬明春森林防火工作部署会召开，各地要压实责任。',
    '国务院常务会议研究部署进一步稳就业举措。',
    '我省新增3条高速公路建成通车，出行更便利。',
    '某明星深夜被拍，恋情疑似曝光！',
  ];
  const posts = Array.from({ length: 40 }, (_, i) => {
    const a = AUTHORS[i % AUTHORS.length];
    return {
      mid: String(5000000000000000 + i),
      bid: `Nq${i}Xa`,
      uid: a.uid,
      author: a.name,
      text: `${TEXTS[i % TEXTS.length]}（第${i + 1}条）`,
      comments: [
        {
          cid: String(6000000000000000 + i * 10),
          uid: '3300112233',
          author: '网友甲',
          text: `说得好，支持！（评论${i + 1}-1）`,
        },
        {
          cid: String(6000000000000000 + i * 10 + 1),
          uid: '3300445566',
          author: '网友乙',
          text: `什么时候开始实施？（评论${i + 1}-2）`,
        },
      ],
      commentOpen: false,
      commentDraft: '',
      replyTo: null,
    };
  });
  record.posts = posts;

  document.cookie = 'XSRF-TOKEN=replica-xsrf-token; path=/';
  const xsrf = () => decodeURIComponent((document.cookie.match(/XSRF-TOKEN=([^;]+)/) || [])[1] || '');

  // --- network: the real endpoints, XHR and fetch both --------------------------------------
  const toast = (text) => {
    const t = h('div', { class: 'replica-toast', role: 'status' }, text);
    document.body.append(t);
    setTimeout(() => t.remove(), 4000);
  };
  const viaXhr = (path, fields) =>
    new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', path, true);
      xhr.setRequestHeader('Content-Type', 'application/x-www-form-urlencoded; charset=UTF-8');
      xhr.setRequestHeader('X-XSRF-TOKEN', xsrf());
      xhr.setRequestHeader('client-version', 'v2.47.25');
      xhr.responseType = 'json';
      xhr.onload = () => resolve(xhr.response);
      xhr.onerror = () => reject(new Error('网络错误'));
      xhr.send(new URLSearchParams(fields).toString());
    });
  const viaFetch = (path, fields) =>
    fetch(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=UTF-8', 'X-XSRF-TOKEN': xsrf() },
      body: new URLSearchParams(fields),
    }).then((r) => r.json());
  const settle = (promise, onOk) =>
    promise.then(
      (json) => (json && json.ok === 1 ? onOk(json) : toast((json && json.msg) || '发布失败')),
      (e) => toast(e.message),
    );
  const onSubmitKey = (textarea, submit) =>
    textarea.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        submit();
      }
    });

  // --- composers ------------------------------------------------------------------------------
  const composerShell = (...children) => {
    const inner = h('div', { class: cls('Composer', 'mar1') }, ...children);
    return gen === 'vue3'
      ? h('div', { composerconfig: '[object Object]', class: cls('Composer', 'wrap') }, inner)
      : inner;
  };
  const textBox = (placeholder) => h('textarea', { class: cls('Form', 'input'), placeholder });

  function homeComposer() {
    const input = textBox('有什么新鲜事想分享给大家？');
    const send = primaryButton('发送', { disabled: true });
    // Like Vue's v-model: the component's state follows `input` events, and is what it sends.
    let model = '';
    input.addEventListener('input', () => {
      model = input.value;
      send.disabled = model.trim() === '';
    });
    const submit = () => {
      record.handled.push({ what: 'send', t: performance.now() });
      const content = model;
      settle(
        viaXhr('/ajax/statuses/update', {
          content,
          visible: '0',
          pic_id: '',
          share_id: '',
          approval_state: '0',
          vote: '{}',
        }),
        (json) => {
          posts.unshift({
            mid: json.data.idstr,
            bid: 'new',
            uid: me.idstr,
            author: me.screen_name,
            text: content,
            comments: [],
            commentOpen: false,
            commentDraft: '',
            replyTo: null,
          });
          input.value = model = '';
          send.disabled = true;
          feed.rebind(true);
          toast('发送成功');
        },
      );
    };
    send.addEventListener('click', submit);
    onSubmitKey(input, submit);
    const tools = h(
      'div',
      { class: cls('Tool', 'bar') },
      ['表情', '图片', '视频', '话题', '头条文章', '更多'].map((t) => h('span', { class: cls('Tool', 'item') }, t)),
      h('input', { type: 'file', multiple: true, style: 'display:none' }),
    );
    return composerShell(input, tools, h('div', { class: cls('Visible', 'limits') }, '公开'), send);
  }

  function commentComposer(post) {
    const input = textBox('发布你的评论');
    input.value = post.commentDraft;
    input.addEventListener('input', () => (post.commentDraft = input.value));
    const also = h('input', { type: 'checkbox' });
    const submit = () => {
      record.handled.push({ what: 'comment', t: performance.now() });
      const comment = post.commentDraft;
      settle(
        viaFetch('/ajax/comments/create', {
          id: post.mid,
          comment,
          pic_id: '',
          is_repost: also.checked ? '1' : '0',
          comment_ori: '0',
          is_comment: '0',
        }),
        (json) => {
          post.comments.push({ cid: json.data.idstr, uid: me.idstr, author: me.screen_name, text: comment });
          post.commentDraft = '';
          input.value = '';
          feed.rebind(true);
        },
      );
    };
    const button = primaryButton('评论');
    button.addEventListener('click', submit);
    onSubmitKey(input, submit);
    return composerShell(input, h('div', {}, h('label', {}, also, ' 同时转发')), button);
  }

  function replyComposer(post, comment) {
    const input = textBox('发布你的回复');
    let model = '';
    input.addEventListener('input', () => (model = input.value));
    const also = h('input', { type: 'checkbox' });
    const submit = () => {
      record.handled.push({ what: 'reply', t: performance.now() });
      const text = model;
      settle(
        viaFetch('/ajax/comments/reply', {
          id: post.mid,
          cid: comment.cid,
          comment: text,
          pic_id: '',
          is_repost: also.checked ? '1' : '0',
          comment_ori: '0',
          is_comment: '0',
        }),
        () => {
          post.replyTo = null;
          feed.rebind(true);
        },
      );
    };
    const button = primaryButton('回复');
    button.addEventListener('click', submit);
    onSubmitKey(input, submit);
    return composerShell(input, h('div', {}, h('label', {}, also, ' 同时转发')), button);
  }

  // --- repost dialog (a hidden template is always present) -----------------------------------
  const dialogTemplate = () =>
    h(
      'div',
      { class: 'woo-modal-wrap', style: 'display:none' },
      h(
        'div',
        { role: 'dialog', 'aria-modal': 'true', class: `woo-modal-main ${cls('Repost', 'wrap')}` },
        h('div', { class: 'woo-modal-title' }, '转发微博'),
        h(
          'article',
          { class: cls('Repost', 'card') },
          h('header', {}, h('span', { title: '' }, '')),
          h('div', { class: cls('detail', 'wbtext') }, ''),
        ),
        composerShell(
          textBox('说说分享心得…'),
          h('div', { class: cls('Visible', 'limits') }, '公开'),
          h('label', {}, h('input', { type: 'checkbox' }), ' 同时评论给原博主'),
          primaryButton('转发'),
        ),
      ),
    );

  function openRepost(post) {
    const wrap = dialogTemplate();
    wrap.style.display = '';
    wrap.querySelector('header span').setAttribute('title', post.author);
    wrap.querySelector('header span').textContent = `@${post.author}`;
    wrap.querySelector('article div').textContent = post.text;
    const input = wrap.querySelector('textarea');
    let model = '';
    input.addEventListener('input', () => (model = input.value));
    const also = wrap.querySelector('input[type=checkbox]');
    const submit = () => {
      record.handled.push({ what: 'repost', t: performance.now() });
      settle(
        viaXhr('/ajax/statuses/normal_repost', {
          id: post.mid,
          comment: model,
          pic_id: '',
          is_repost: '0',
          comment_ori: '0',
          is_comment: also.checked ? '1' : '0',
          visible: '0',
          share_id: '',
        }),
        () => {
          wrap.remove();
          toast('转发成功');
        },
      );
    };
    wrap.querySelector('button').addEventListener('click', submit);
    onSubmitKey(input, submit);
    document.body.append(wrap);
    setTimeout(() => input.focus(), 0);
  }

  // --- feed cards, recycled by a virtual scroller ----------------------------------------------
  function cardView() {
    const view = h('article', { class: cls('Feed', 'body') });
    view.bind = (post) => {
      view.post = post;
      view.replaceChildren(
        h(
          'header',
          {},
          h('a', { href: `/u/${post.uid}`, usercard: post.uid }, h('span', { title: post.author }, post.author)),
          h('span', { class: cls('head', 'time') }, ' 刚刚'),
        ),
        h('div', { class: cls('detail', 'wbtext') }, post.text),
        h(
          'footer',
          { class: 'replica-toolbar' },
          h(
            'div',
            { class: `${cls('toolbar', 'retweet')} ${cls('toolbar', 'wrap')}`, onclick: () => openRepost(post) },
            h('i', { class: 'woo-font woo-font--retweet', title: '转发' }),
            ' 转发',
          ),
          h(
            'div',
            {
              class: cls('toolbar', 'item'),
              onclick: () => {
                post.commentOpen = !post.commentOpen;
                view.bind(post);
              },
            },
            h('i', { class: 'woo-font woo-font--comment', title: '评论' }),
            ' 评论',
          ),
          h('button', { title: '赞', class: 'woo-like-main' }, '赞'),
        ),
        // replaceChildren would write a null as the text “null”.
        ...(post.commentOpen || route === 'detail' ? [commentArea(post, view)] : []),
      );
    };
    return view;
  }

  function commentArea(post, view) {
    return h(
      'div',
      { class: cls('Feed', 'comment') },
      // Composers mount a moment after the card opens, like the real lazy components.
      lateMount(() => commentComposer(post), 60),
      h(
        'div',
        { class: cls('Comment', 'list') },
        post.comments.map((c) =>
          h(
            'div',
            { class: cls('Comment', 'item1') },
            h(
              'div',
              { class: cls('Comment', 'con') },
              h('a', { href: `/u/${c.uid}`, usercard: c.uid }, c.author),
              '：',
              h('span', { class: cls('Comment', 'text') }, c.text),
            ),
            h(
              'div',
              { class: cls('Comment', 'info') },
              h(
                'span',
                {
                  role: 'button',
                  onclick: () => {
                    post.replyTo = post.replyTo === c.cid ? null : c.cid;
                    view.bind(post);
                  },
                },
                '回复',
              ),
            ),
            post.replyTo === c.cid ? lateMount(() => replyComposer(post, c), 30) : null,
          ),
        ),
      ),
    );
  }

  function lateMount(make, ms) {
    const slot = h('div', { class: cls('Lazy', 'slot') });
    setTimeout(() => slot.replaceChildren(make()), ms);
    return slot;
  }

  const ESTIMATE = 260;
  const POOL = 5;
  const feed = (() => {
    const before = h('div', {});
    const after = h('div', {});
    const views = Array.from({ length: POOL }, cardView);
    const box = h(
      'div',
      { class: `replica-feed vue-recycle-scroller ${cls('Scroll', 'wrap')}` },
      before,
      ...views,
      after,
    );
    let start = -1;
    const rebind = (force) => {
      const top = box.getBoundingClientRect().top + window.scrollY;
      const first = Math.max(0, Math.min(posts.length - POOL, Math.floor((window.scrollY - top) / ESTIMATE)));
      if (first === start && !force) return;
      start = first;
      before.style.height = `${first * ESTIMATE}px`;
      after.style.height = `${Math.max(0, posts.length - first - POOL) * ESTIMATE}px`;
      views.forEach((v, i) => v.bind(posts[first + i]));
    };
    window.addEventListener('scroll', () => rebind(false), { passive: true });
    return { box, rebind, views };
  })();
  record.scrollToPost = (i) => {
    window.scrollTo(0, feed.box.getBoundingClientRect().top + window.scrollY + i * ESTIMATE + 1);
    feed.rebind(false);
  };

  // --- the page --------------------------------------------------------------------------------
  const root = document.getElementById('app');
  if (gen === 'vue2') root.__vue__ = { config: { user: me } };
  else {
    root.setAttribute('data-v-app', '');
    root.__vue_app__ = {
      config: { globalProperties: { $store: { state: { config: { config: { uid: me.idstr } } } } } },
    };
  }
  const nav = h('header', { class: cls('Nav', 'wrap') }, h('a', { class: cls('Nav', 'logoWrap'), href: '/' }, '微博'));
  const main = h('main', {});
  root.append(h('div', { class: `woo-box-flex ${cls('Frame', 'wrap')}` }, nav, main));
  document.body.append(dialogTemplate());

  if (route === 'detail') {
    const bid = location.pathname.split('/')[2];
    const post = posts.find((p) => p.bid === bid) || posts[0];
    const view = cardView();
    view.bind(post);
    main.append(view);
  } else {
    const home = h('div', { id: 'homeWrap' });
    main.append(home);
    home.append(feed.box);
    feed.rebind(true);
    // The composer is a lazily loaded component: it arrives after the feed.
    setTimeout(() => home.prepend(homeComposer()), cfg.composerDelay ?? 400);
  }

  // Ordinary traffic on a timer: never a publish, never to be held.
  setInterval(
    () => navigator.sendBeacon('/ajax/log/action', new URLSearchParams({ act: 'heartbeat', t: String(Date.now()) })),
    cfg.heartbeatMs ?? 1000,
  );
})();
