/*
 * Behaviour of the replica mp.weixin.qq.com article / 贴图 editor (see editor-page.ts).
 * Requests go through XMLHttpRequest with form-encoded bodies, as the live page's ajax helper
 * does. Flows, after docs/platform-sources.md:
 *   保存为草稿 / autosave → operate_appmsg sub=create (first) | update
 *   预览 → save → dialog (WeChat id) → 确定 → operate_appmsg sub=preview
 *   发表 → save → masssendpage + pre-checks → .mass-send dialog → 发表 → for_check pre-check
 *        → 继续发表 confirm → admin QR (outside any dialog) → masssend (or action=time_send)
 */
(function () {
  var query = new URLSearchParams(location.search);
  var token = query.get('token') || '';
  var appMsgId = query.get('appmsgid') || '';
  var imagePost = !document.getElementById('ueditor_0');
  var seq = 0;
  var saving = null;
  var original = false;
  var sourceUrl = '';

  function $(sel, root) {
    return (root || document).querySelector(sel);
  }
  function show(el) {
    if (el.tagName === 'DIALOG') return el.open || el.showModal();
    el.style.display = '';
  }
  function hide(el) {
    if (el.tagName === 'DIALOG') return el.close();
    el.style.display = 'none';
  }
  function toast(text) {
    var t = document.createElement('div');
    t.className = 'weui-desktop-toast';
    t.textContent = text;
    document.body.appendChild(t);
    setTimeout(function () {
      t.remove();
    }, 1500);
  }

  // ---- editors ----------------------------------------------------------------------------
  var titleArea = $('#title');
  var titlePm = $('#js_title_main .ProseMirror');
  var titleMax = Number(titleArea.getAttribute('maxlength'));
  if (titlePm) {
    var titleEditor = window.ProseMirrorEmu.attach(titlePm, {
      maxLength: titleMax,
      onChange: function () {
        titleArea.value = titleEditor.text().replace(/\n/g, '');
      },
    });
  }

  var body;
  var bodyPm = $('#ueditor_0 .ProseMirror');
  var guidePm = $('#guide_words_main .ProseMirror');
  var frame = $('iframe#ueditor_0');
  if (bodyPm) body = window.ProseMirrorEmu.attach(bodyPm, {});
  if (guidePm) {
    body = window.ProseMirrorEmu.attach(guidePm, {
      maxLength: 1000,
      onChange: function () {
        $('.js_guide_counter').textContent = body.text().length + '/1000';
      },
    });
  }
  if (frame) {
    // UEditor writes its editing document into an about:blank iframe.
    var doc = frame.contentDocument;
    doc.open();
    doc.write(
      '<!DOCTYPE html><html><head><style>body{font-size:16px;margin:8px;}p{margin:0 0 1em;}</style></head>' +
        '<body class="view rich_media_content" contenteditable="true" spellcheck="false"><p><br></p></body></html>',
    );
    doc.close();
    body = {
      html: function () {
        return frame.contentDocument.body.innerHTML;
      },
    };
    doc.body.addEventListener('input', function () {
      $('#edui1_contentplaceholder').style.display = doc.body.textContent ? 'none' : '';
    });
  }

  // ---- 原创 / 原文链接 ----------------------------------------------------------------------
  var originalDialog = $('.js_original_dialog');
  document.querySelectorAll('#js_original .js_original_apply').forEach(function (a) {
    a.addEventListener('click', function () {
      show(originalDialog);
    });
  });
  $('.js_original_ok', originalDialog).addEventListener('click', function () {
    if (!$('.js_original_agree', originalDialog).checked) return toast('请先同意原创声明须知');
    original = true;
    hide($('#js_original .unorigin'));
    show($('#js_original .origined'));
    hide(originalDialog);
  });
  $('#js_original .js_original_cancel').addEventListener('click', function () {
    original = false;
    show($('#js_original .unorigin'));
    hide($('#js_original .origined'));
  });

  var urlArea = $('#js_article_url_area');
  if (urlArea) {
    var popover = $('.js_url_popover', urlArea);
    $('.js_article_url_allow_click', urlArea).addEventListener('click', function (e) {
      e.preventDefault();
      show(popover);
      $('.js_url', popover).focus();
    });
    $('.js_url_confirm', popover).addEventListener('click', function () {
      var value = $('.js_url', popover).value.trim();
      if (!/^https?:\/\/\S+$/.test(value)) return toast('链接不合法');
      sourceUrl = value;
      $('.js_article_url_setting', urlArea).textContent = value;
      $('.js_url_checkbox', urlArea).checked = true;
      hide(popover);
    });
    $('.js_url_cancel', popover).addEventListener('click', function () {
      hide(popover);
    });
  }

  // ---- requests ---------------------------------------------------------------------------
  function request(method, path, fields) {
    return new Promise(function (resolve, reject) {
      var xhr = new XMLHttpRequest();
      var url = path + (path.indexOf('?') >= 0 ? '&' : '?') + 'token=' + token + '&lang=zh_CN';
      xhr.open(method, url);
      xhr.setRequestHeader('Content-Type', 'application/x-www-form-urlencoded; charset=UTF-8');
      xhr.onload = function () {
        try {
          resolve(JSON.parse(xhr.responseText));
        } catch (e) {
          reject(e);
        }
      };
      xhr.onerror = function () {
        reject(new Error('network'));
      };
      var form = new URLSearchParams(fields || {});
      form.set('f', 'json');
      form.set('ajax', '1');
      form.set('random', String(Math.random()));
      xhr.send(method === 'POST' ? form.toString() : null);
    });
  }

  function articleFields() {
    var reprint = $('#js_reprint_source');
    var reprinted = reprint && reprint.style.display !== 'none';
    var author = $('#author');
    var desc = $('#js_description');
    return {
      AppMsgId: appMsgId,
      count: '1',
      data_seq: String(seq),
      operate_from: 'Chrome',
      isnew: appMsgId ? '0' : '1',
      articlenum: '1',
      title0: titleArea.value,
      author0: author ? author.value : '',
      digest0: desc ? desc.value : '',
      auto_gen_digest0: desc && desc.value ? '0' : '1',
      content0: body.html(),
      sourceurl0: sourceUrl,
      need_open_comment0: '1',
      only_fans_can_comment0: '0',
      cdn_url0: 'https://mmbiz.qpic.cn/mmbiz_jpg/replica/0?wx_fmt=jpeg',
      copyright_type0: original ? '1' : '0',
      is_share_copyright0: reprinted ? '1' : '0',
      share_copyright_url0: reprinted ? $('.js_share_copyright_url').value : '',
      share_page_type0: imagePost ? '8' : '0',
      share_imageinfo0: imagePost
        ? JSON.stringify({ list: [{ url: 'https://mmbiz.qpic.cn/mmbiz_jpg/replica/0', file_id: 1, cdn_url: '' }] })
        : '',
      fingerprint: 'c0ffee00c0ffee00c0ffee00c0ffee00',
    };
  }

  /** One save at a time, as the live page answers "已有流程保存中，请稍后再试". */
  function save() {
    if (saving) return saving;
    var sub = appMsgId ? 'update' : 'create';
    saving = request('POST', '/cgi-bin/operate_appmsg?t=ajax-response&sub=' + sub + '&type=77', articleFields())
      .then(function (res) {
        if (!res.base_resp || res.base_resp.ret !== 0) throw new Error('save failed');
        seq = Number(res.data_seq || seq + 1);
        if (!appMsgId) {
          appMsgId = String(res.appMsgId);
          history.replaceState(
            null,
            '',
            '/cgi-bin/appmsg?t=media/appmsg_edit&action=edit&type=77&appmsgid=' +
              appMsgId +
              '&token=' +
              token +
              '&lang=zh_CN',
          );
        }
        $('#js_autosave').textContent = '已保存 ' + new Date().toTimeString().slice(0, 5);
        return res;
      })
      .catch(function (e) {
        $('#js_autosave').textContent = '自动保存失败';
        throw e;
      })
      .then(
        function (res) {
          saving = null;
          return res;
        },
        function (e) {
          saving = null;
          throw e;
        },
      );
    return saving;
  }

  setInterval(
    function () {
      save().catch(function () {});
    },
    (window.wx.cgiData && window.wx.cgiData.appmsg_autosave_ms) || 3000,
  );

  $('#js_submit button').addEventListener('click', function () {
    save().then(function () {
      show($('#js_save_success'));
      toast('已保存');
    });
  });

  // ---- dialogs ----------------------------------------------------------------------------
  document.querySelectorAll('.weui-desktop-dialog__wrp, dialog').forEach(function (wrp) {
    wrp.querySelectorAll('.js_cancel, .weui-desktop-dialog__close-btn').forEach(function (b) {
      b.addEventListener('click', function () {
        hide(wrp);
      });
    });
  });

  // 预览: the content is sent to a phone.
  var previewDialog = $('.js_preview_dialog');
  $('#js_preview button').addEventListener('click', function () {
    save().then(function () {
      show(previewDialog);
      $('.js_preview_user', previewDialog).focus();
    });
  });
  $('.js_preview_confirm', previewDialog).addEventListener('click', function () {
    var user = $('.js_preview_user', previewDialog).value.trim();
    if (!user) return toast('请输入微信号');
    var fields = articleFields();
    fields.preusername = user;
    request('POST', '/cgi-bin/operate_appmsg?t=ajax-appmsg-preview&sub=preview&type=77', fields).then(function (res) {
      hide(previewDialog);
      toast(res.base_resp && res.base_resp.ret === 0 ? '已发送，请留意手机微信' : '预览发送失败');
    });
  });

  // 发表: the whole chain.
  var massDialog = $('.js_mass_send_dialog');
  var confirmDialog = $('.js_publish_confirm');
  var qr = $('.js_safe_check');
  var groupSwitch = $('.js_group_switch', massDialog);
  var timerSwitch = $('.js_timer_switch', massDialog);
  var operationSeq = '';
  timerSwitch.addEventListener('change', function () {
    (timerSwitch.checked ? show : hide)($('.mass-send__timer', massDialog));
  });

  $('#js_send button').addEventListener('click', function () {
    var tip = $('.js_send_tip');
    if (!imagePost && !$('.js_cover_preview_new')) {
      tip.textContent = '必须插入一张图片';
      return show(tip);
    }
    save()
      .then(function () {
        return request('GET', '/cgi-bin/masssendpage?f=json&preview_appmsgid=' + appMsgId);
      })
      .then(function (page) {
        operationSeq = String(page.operation_seq);
        return Promise.all([
          request('POST', '/cgi-bin/masssend?action=check_same_material', { appmsgid: appMsgId }),
          request('POST', '/cgi-bin/masssend?action=get_appmsg_copyright_stat', { appmsgid: appMsgId }),
        ]);
      })
      .then(function () {
        show(massDialog);
      });
  });

  $('.js_mass_send_confirm', massDialog).addEventListener('click', function () {
    request('POST', '/cgi-bin/masssend?t=ajax-response&for_check=1&is_release_publish_page=1', {
      appmsgid: appMsgId,
    }).then(function () {
      hide(massDialog);
      show(confirmDialog);
    });
  });

  function sendTime() {
    if (!timerSwitch.checked) return 0;
    var day = 0;
    var parts = $('.js_send_time', massDialog).value.split(':');
    var at = new Date();
    at.setDate(at.getDate() + day);
    at.setHours(Number(parts[0]), Number(parts[1] || 0), 0, 0);
    if (at.getTime() < Date.now()) at.setDate(at.getDate() + 1);
    return Math.floor(at.getTime() / 1000);
  }

  function publish(code) {
    var timed = timerSwitch.checked;
    var path = timed
      ? '/cgi-bin/masssend?action=time_send&t=ajax-response'
      : '/cgi-bin/masssend?t=ajax-response&is_release_publish_page=' + (groupSwitch.checked ? '0' : '1');
    return request('POST', path, {
      appmsgid: appMsgId,
      operation_seq: operationSeq,
      send_time: String(sendTime()),
      type: '10',
      share_page: '1',
      synctxweibo: '0',
      isFreePublish: groupSwitch.checked ? '0' : '1',
      isMulti: '0',
      reprint_info: '',
      reprint_confirm: '0',
      groupid: '-1',
      sex: '0',
      country: '',
      province: '',
      city: '',
      req_id: Math.random().toString(36).slice(2),
      req_time: String(Date.now()),
      code: code,
      ack: '',
    }).then(function (res) {
      if (!res.base_resp || res.base_resp.ret !== 0) return toast('发表失败');
      toast(timed ? '已设置定时发表' : '发表成功');
      setTimeout(function () {
        location.href = '/cgi-bin/home?t=home/index&lang=zh_CN&token=' + token;
      }, 300);
    });
  }

  $('.js_continue', confirmDialog).addEventListener('click', function () {
    hide(confirmDialog);
    request('POST', '/cgi-bin/misc/safeassistant?action=get_ticket', {}).then(function (t) {
      $('.js_qrcode', qr).src = '/cgi-bin/safe/safeqrcode?ticket=' + t.ticket + '&uuid=' + t.uuid;
      show(qr);
      (function poll() {
        request('GET', '/cgi-bin/safe/safeuuid?uuid=' + t.uuid).then(function (res) {
          if (res.errcode === 405) {
            hide(qr);
            publish(res.code);
          } else if (res.errcode === 403) {
            hide(qr);
            toast('已取消');
          } else {
            setTimeout(poll, 150);
          }
        });
      })();
    });
  });
})();
