/*
 * A small stand-in for ProseMirror/Tiptap in replica pages. Like the real editor it owns its
 * DOM: after every input it reads the DOM into a model (paragraphs of text runs, links, bold,
 * italic, hard breaks, images) and, when the DOM is not the model's canonical rendering,
 * replaces it and puts the caret back. Paste is handled by the editor, not the browser: the
 * clipboard's text/html (or text/plain) is parsed into the model and appended, as the real
 * WeChat editor does for synthetic pastes. Anything a guard inserted into the editor's DOM is
 * therefore wiped on the next keystroke, exactly as on the live sites.
 *
 * Plain browser JavaScript, inlined into the replica pages: window.ProseMirrorEmu.attach(root, options).
 */
(function () {
  var BLOCKS = /^(P|DIV|SECTION|H[1-6]|BLOCKQUOTE|LI|UL|OL|PRE|FIGURE|TABLE|TBODY|TR|TD)$/;

  function escapeHtml(s) {
    return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  }

  /** DOM → model: [{type:'paragraph'|'heading', runs:[{text, href, bold, italic} | {br:true}]} | {type:'image', src, caption}] */
  function readModel(root) {
    var blocks = [];
    var current = null;
    function open(type) {
      current = { type: type, runs: [] };
      blocks.push(current);
      return current;
    }
    function inline(node, marks) {
      if (node.nodeType === 3) {
        if (!current) open('paragraph');
        if (node.data) current.runs.push({ text: node.data, href: marks.href, bold: marks.bold, italic: marks.italic });
        return;
      }
      if (node.nodeType !== 1) return;
      var el = node;
      if (el.classList.contains('ProseMirror-trailingBreak') || el.classList.contains('Tiptap-invisible-character'))
        return;
      if (el.getAttribute('data-type') === 'image' || el.tagName === 'IMG') {
        var img = el.tagName === 'IMG' ? el : el.querySelector('img');
        var cap = el.querySelector ? el.querySelector('.image-view__caption') : null;
        if (img)
          blocks.push({ type: 'image', src: img.getAttribute('src') || '', caption: cap ? cap.textContent : '' });
        current = null;
        return;
      }
      if (el.tagName === 'BR') {
        if (!current) open('paragraph');
        current.runs.push({ br: true });
        return;
      }
      if (BLOCKS.test(el.tagName)) {
        open(/^H[1-6]$/.test(el.tagName) ? 'heading' : 'paragraph');
        for (var i = 0; i < el.childNodes.length; i++) inline(el.childNodes[i], marks);
        current = null;
        return;
      }
      var next = {
        href: el.tagName === 'A' ? el.getAttribute('href') || marks.href : marks.href,
        bold: marks.bold || el.tagName === 'STRONG' || el.tagName === 'B',
        italic: marks.italic || el.tagName === 'EM' || el.tagName === 'I',
      };
      for (var j = 0; j < el.childNodes.length; j++) inline(el.childNodes[j], next);
    }
    for (var k = 0; k < root.childNodes.length; k++) inline(root.childNodes[k], {});
    // A trailing <br> in a paragraph is the browser's placeholder, not a hard break.
    blocks.forEach(function (b) {
      if (b.runs && b.runs.length && b.runs[b.runs.length - 1].br) b.runs.pop();
    });
    if (!blocks.length) blocks.push({ type: 'paragraph', runs: [] });
    return blocks;
  }

  function renderRuns(runs) {
    return runs
      .map(function (r) {
        if (r.br) return '<br>';
        var html = escapeHtml(r.text);
        if (r.italic) html = '<em>' + html + '</em>';
        if (r.bold) html = '<strong>' + html + '</strong>';
        if (r.href) html = '<a href="' + escapeHtml(r.href) + '" target="_blank">' + html + '</a>';
        return html;
      })
      .join('');
  }

  function render(blocks, options) {
    return blocks
      .map(function (b) {
        if (b.type === 'image') {
          return (
            '<div data-type="image" class="image-view"><div class="image-view__body"><img src="' +
            escapeHtml(b.src) +
            '"><div class="image-view__caption"><span data-node-view-content="">' +
            escapeHtml(b.caption || '') +
            '</span></div></div></div>'
          );
        }
        var tag = b.type === 'heading' ? 'h2' : 'p';
        var inner = renderRuns(b.runs);
        var invisible = options.invisibles
          ? '<span class="Tiptap-invisible-character Tiptap-invisible-character--paragraph"></span>'
          : '';
        if (!inner) return '<' + tag + '>' + invisible + '<br class="ProseMirror-trailingBreak"></' + tag + '>';
        return '<' + tag + '>' + inner + invisible + '</' + tag + '>';
      })
      .join('');
  }

  function textLength(blocks) {
    var n = 0;
    blocks.forEach(function (b) {
      (b.runs || []).forEach(function (r) {
        n += r.br ? 1 : r.text.length;
      });
    });
    return n;
  }

  function truncate(blocks, max) {
    var left = max;
    var out = [];
    for (var i = 0; i < blocks.length && left > 0; i++) {
      var b = blocks[i];
      if (!b.runs) {
        out.push(b);
        continue;
      }
      var runs = [];
      for (var j = 0; j < b.runs.length && left > 0; j++) {
        var r = b.runs[j];
        if (r.br) {
          runs.push(r);
          left -= 1;
        } else {
          var t = r.text.slice(0, left);
          runs.push({ text: t, href: r.href, bold: r.bold, italic: r.italic });
          left -= t.length;
        }
      }
      out.push({ type: b.type, runs: runs });
    }
    return out.length ? out : [{ type: 'paragraph', runs: [] }];
  }

  /** The caret as [top-level block index, character offset inside that block]. */
  function caretPosition(root) {
    var sel = root.ownerDocument.getSelection();
    if (!sel || !sel.rangeCount || !root.contains(sel.focusNode) || sel.focusNode === root) return null;
    var block = sel.focusNode;
    while (block.parentNode !== root) block = block.parentNode;
    var range = root.ownerDocument.createRange();
    range.selectNodeContents(block);
    range.setEnd(sel.focusNode, sel.focusOffset);
    return [Array.prototype.indexOf.call(root.childNodes, block), range.toString().length];
  }

  function setCaret(root, position) {
    var doc = root.ownerDocument;
    var block = root.childNodes[Math.min(position[0], root.childNodes.length - 1)];
    var offset = position[1];
    var range = doc.createRange();
    var walker = doc.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    var node;
    var last = null;
    while ((node = walker.nextNode())) {
      last = node;
      if (offset <= node.data.length) break;
      offset -= node.data.length;
    }
    if (node) range.setStart(node, offset);
    else if (last) range.setStart(last, last.data.length);
    else range.setStart(block, 0);
    range.collapse(true);
    var sel = doc.getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
  }

  function caretAtEnd(root) {
    var last = root.lastChild;
    setCaret(root, [root.childNodes.length - 1, last ? last.textContent.length : 0]);
  }

  function parseHtml(doc, html) {
    var box = doc.createElement('div');
    box.innerHTML = new DOMParser().parseFromString(html, 'text/html').body.innerHTML;
    return readModel(box);
  }

  function attach(root, options) {
    options = options || {};
    var composing = false;
    function sync() {
      var blocks = readModel(root);
      if (options.maxLength && textLength(blocks) > options.maxLength) blocks = truncate(blocks, options.maxLength);
      var html = render(blocks, options);
      if (root.innerHTML !== html) {
        var caret = caretPosition(root);
        root.innerHTML = html;
        if (caret) setCaret(root, caret);
      }
      if (options.onChange) options.onChange(blocks);
    }
    root.setAttribute('contenteditable', 'true');
    root.setAttribute('translate', 'no');
    root.classList.add('ProseMirror');
    root.style.whiteSpace = 'pre-wrap';
    root.innerHTML = render(readModel(root), options);
    root.addEventListener('compositionstart', function () {
      composing = true;
    });
    root.addEventListener('compositionend', function () {
      composing = false;
      sync();
    });
    root.addEventListener('input', function () {
      if (!composing) sync();
    });
    root.addEventListener('paste', function (e) {
      e.preventDefault();
      var data = e.clipboardData;
      var html = data && data.getData('text/html');
      var pasted = html
        ? parseHtml(root.ownerDocument, html)
        : (data ? data.getData('text/plain') : '').split(/\r?\n/).map(function (line) {
            return { type: 'paragraph', runs: line ? [{ text: line }] : [] };
          });
      var blocks = readModel(root).filter(function (b) {
        return !b.runs || b.runs.length;
      });
      root.innerHTML = render(blocks.concat(pasted), options);
      sync();
      caretAtEnd(root);
    });
    root.addEventListener('focus', function () {
      root.classList.add('ProseMirror-focused');
    });
    root.addEventListener('blur', function () {
      root.classList.remove('ProseMirror-focused');
    });
    return {
      html: function () {
        return render(readModel(root), {});
      },
      text: function () {
        return readModel(root)
          .map(function (b) {
            return b.runs
              ? b.runs
                  .map(function (r) {
                    return r.br ? '\n' : r.text;
                  })
                  .join('')
              : b.caption || '';
          })
          .join('\n');
      },
    };
  }

  window.ProseMirrorEmu = { attach: attach };
})();
