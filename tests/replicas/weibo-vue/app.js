/*
 * An independent weibo.com replica, built with Vue 3 itself and differently from the main
 * replica (tests/replicas/weibo/): the home composer is a contenteditable box (role="textbox",
 * its placeholder drawn by CSS from data-placeholder), not a textarea with the known
 * placeholder; the send button carries an icon and an aria-label; a restored draft is in the
 * box when it mounts, before any input event; comments use a textarea with another
 * placeholder. It publishes to the real endpoints with the real fields, through fetch.
 */
(() => {
  const { createApp, ref, computed, onMounted, nextTick } = window.Vue;
  const record = (window.__replica = { handled: [], generation: 'vue3-independent' });
  const saved = window.__REPLICA__?.restoredDraft ?? '';

  const post = (path, fields) =>
    fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields),
    }).then((r) => r.json());

  const Composer = {
    setup() {
      const box = ref(null);
      const text = ref(saved);
      const toast = ref('');
      const empty = computed(() => text.value.trim() === '');
      const sync = () => (text.value = box.value.innerText.replace(/\n$/, ''));
      onMounted(() => nextTick(() => (box.value.innerText = saved)));
      const send = () => {
        record.handled.push({ what: 'send', t: performance.now() });
        post('/ajax/statuses/update', { content: text.value, visible: '0' }).then((res) => {
          if (res.ok !== 1) return (toast.value = res.msg || '发送失败');
          box.value.innerText = '';
          text.value = '';
          toast.value = '发送成功';
        });
      };
      return { box, empty, sync, send, toast };
    },
    template: `
      <section class="wbv-composer">
        <div ref="box" class="wbv-editor" role="textbox" contenteditable="true" aria-multiline="true"
             aria-label="微博正文" data-placeholder="此刻你想和大家分享什么" @input="sync"></div>
        <footer class="wbv-bar">
          <span class="wbv-tools">表情 · 图片 · 话题</span>
          <button type="button" class="wbv-send" aria-label="发送" :disabled="empty" @click="send">
            <svg width="12" height="12" aria-hidden="true"><circle cx="6" cy="6" r="5"/></svg><span>发送</span>
          </button>
        </footer>
        <p class="wbv-toast" v-if="toast">{{ toast }}</p>
      </section>`,
  };

  const Comments = {
    setup() {
      const text = ref('');
      const send = () => {
        record.handled.push({ what: 'comment', t: performance.now() });
        post('/ajax/comments/create', { id: '5000000000000001', comment: text.value, is_repost: '0' }).then(
          () => (text.value = ''),
        );
      };
      return { text, send };
    },
    template: `
      <article class="wbv-card">
        <header><span title="人民日报">人民日报</span></header>
        <div class="wbv-text">今冬明春森林防火工作部署会召开，各地要压实责任。</div>
        <div class="wbv-comment">
          <textarea v-model="text" placeholder="写下你的评论…" rows="2"></textarea>
          <button type="button" class="wbv-btn" :disabled="!text.trim()" @click="send">评论</button>
        </div>
      </article>`,
  };

  createApp({ components: { Composer, Comments }, template: '<main class="wbv"><Composer/><Comments/></main>' }).mount(
    '#root',
  );
})();
