/*
 * Behaviour of the replica card.weibo.com headline-article editor (see editor-page.ts).
 * Requests go through fetch with form-encoded bodies. Flows, after docs/platform-sources.md:
 *   #/ (list) → 写文章 → draft/create → #/draft/<id>
 *   autosave / 保存草稿 → draft/save
 *   下一步 → draft/save → publish settings (Naive UI modal at body level) → 发布
 *        → .n-dialog 确定 → draft/publish (v5: `_rid` query and `SN-REQID` header)
 */
(function () {
  var version = /\/article\/(v\d)\//.exec(location.pathname)[1];
  var state = window.__INITIAL_STATE__;
  var uid = state ? state.config.uid : String(window.$CONFIG.uid);
  var base = '/article/' + version + '/aj/editor/draft/';
  var draftId = null;
  var saving = null;

  function $(sel, root) {
    return (root || document).querySelector(sel);
  }
  var title = $('textarea[placeholder="请输入标题"]');
  var summary = $('textarea[placeholder="导语（选填）"]');
  var body = window.ProseMirrorEmu.attach($('.js-editor .ProseMirror'), { invisibles: true });

  function message(text) {
    var m = document.createElement('div');
    m.className = 'n-message n-message--success-type';
    m.textContent = text;
    document.body.appendChild(m);
    setTimeout(function () {
      m.remove();
    }, 1500);
  }

  function button(label, type) {
    return (
      '<button class="n-button n-button--' +
      (type || 'default') +
      '-type n-button--medium-type" tabindex="0" type="button">' +
      '<span class="n-button__content">' +
      label +
      '</span><div class="n-base-wave"></div><div class="n-button__border"></div></button>'
    );
  }

  /** Naive UI's modal: mounted at body when opened, removed when closed. */
  function modal(inner) {
    var container = document.createElement('div');
    container.className = 'n-modal-container';
    container.innerHTML =
      '<div class="n-modal-mask"></div><div class="n-modal-body-wrapper"><div class="n-modal-scroll-content">' +
      inner +
      '</div></div>';
    document.body.appendChild(container);
    return container;
  }

  function post(action, fields) {
    var query = 'uid=' + uid + (draftId ? '&id=' + draftId : '');
    var headers = { 'Content-Type': 'application/x-www-form-urlencoded' };
    if (version === 'v5') {
      var rid = Math.random().toString(36).slice(2);
      query += '&_rid=' + rid;
      headers['SN-REQID'] = rid;
    }
    return fetch(base + action + '?' + query, {
      method: 'POST',
      credentials: 'include',
      headers: headers,
      body: new URLSearchParams(fields || {}).toString(),
    }).then(function (r) {
      return r.json();
    });
  }

  function save() {
    if (saving) return saving;
    if (!draftId) return Promise.resolve(null);
    saving = post('save', {
      id: draftId,
      title: title.value,
      subtitle: '',
      summary: summary.value,
      content: body.html(),
      cover: '',
      writer: '',
      collection: '[]',
      free_content: '',
      is_word: '0',
      article_recommend: '[]',
      follow_to_read: '0',
      isreward: '0',
      pay_setting: '{"ispay":0}',
      source: '0',
      action: '0',
      content_type: '0',
      save: '1',
      status: '0',
      publish_at: '',
      extra: '{}',
      ver: '4.0',
      is_aigc_used: '0',
    }).then(
      function (res) {
        saving = null;
        if (res.code === 100000) $('.js-save-state').textContent = '已保存';
        return res;
      },
      function (e) {
        saving = null;
        $('.js-save-state').textContent = '保存失败';
        throw e;
      },
    );
    return saving;
  }

  setInterval(
    function () {
      save().catch(function () {});
    },
    Number(document.body.getAttribute('data-autosave-ms')) || 3000,
  );

  function setEditable(on) {
    title.readOnly = summary.readOnly = !on;
    $('.js-editor .ProseMirror').setAttribute('contenteditable', on ? 'true' : 'false');
  }

  function route() {
    var m = /^#\/draft\/(\d+)/.exec(location.hash);
    draftId = m ? m[1] : null;
    $('.js-list').style.display = draftId ? 'none' : '';
    $('.js-editor').style.display = draftId ? '' : 'none';
    $('.js-footer').style.display = draftId ? '' : 'none';
    if (draftId) {
      // Read-only until the draft has loaded, as the live editor is.
      setEditable(false);
      post('load', { id: draftId }).then(function (res) {
        if (res.code === 100000 && res.data) {
          title.value = res.data.title || '';
          summary.value = res.data.summary || '';
        }
        setEditable(true);
      });
    }
  }
  window.addEventListener('hashchange', route);
  route();

  $('.js-list .n-button').addEventListener('click', function () {
    post('create').then(function (res) {
      location.hash = '#/draft/' + res.data.id;
    });
  });

  title.addEventListener('input', function () {
    title.parentElement.closest('[class^="title_"]').querySelector('[class^="count_"]').textContent =
      title.value.length + '/32';
  });

  $('.js-save').addEventListener('click', function () {
    save().then(function () {
      message('保存成功');
    });
  });
  $('.js-preview').addEventListener('click', function () {
    save().then(function () {
      message('预览已生成');
    });
  });

  function confirmPublish(settings) {
    var dialog = modal(
      '<div class="n-dialog n-modal n-dialog--icon-left" role="dialog" aria-modal="true">' +
        '<div class="n-dialog__title">确认发布</div><div class="n-dialog__content">文章发布后将同步到你的微博，确定发布吗？</div>' +
        '<div class="n-dialog__action">' +
        button('取消') +
        button('确定', 'primary') +
        '</div></div>',
    );
    var buttons = dialog.querySelectorAll('.n-dialog__action .n-button');
    buttons[0].addEventListener('click', function () {
      dialog.remove();
    });
    buttons[1].addEventListener('click', function () {
      dialog.remove();
      post('publish', {
        id: draftId,
        text: '发布了头条文章：《' + title.value + '》',
        follow_to_read: '0',
        follow_official: '0',
        sync_wb: settings.sync ? '1' : '0',
        is_original: settings.original ? '1' : '0',
        time: '',
        rank: '0',
        support_all_tag: '0',
        ver: '4.0',
      }).then(function (res) {
        if (res.code !== 100000) return message(res.msg || '发布失败');
        message('发布成功');
        location.hash = '#/';
      });
    });
    buttons[1].focus();
  }

  $('.js-next').addEventListener('click', function () {
    if (!title.value.trim()) return message('请输入标题');
    save().then(function () {
      var settings = modal(
        '<div class="n-card n-modal publish-setting" role="dialog" aria-modal="true"><div class="n-card-header"><div class="n-card-header__main">发布设置</div></div>' +
          '<div class="n-card__content">' +
          '<label class="n-checkbox js-sync"><input type="checkbox" checked> 同步到微博</label>' +
          '<label class="n-checkbox js-original"><input type="checkbox"> 声明原创</label></div>' +
          '<div class="n-card__footer">' +
          button('上一步') +
          button('发布', 'primary') +
          '</div></div>',
      );
      var buttons = settings.querySelectorAll('.n-card__footer .n-button');
      buttons[0].addEventListener('click', function () {
        settings.remove();
      });
      buttons[1].addEventListener('click', function () {
        var chosen = {
          sync: $('.js-sync input', settings).checked,
          original: $('.js-original input', settings).checked,
        };
        settings.remove();
        confirmPublish(chosen);
      });
    });
  });
})();
