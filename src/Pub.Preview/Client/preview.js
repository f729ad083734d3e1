// pub preview: reloads the page when the preview server has a newer build, keeping the scroll position,
// and shows the errors of a failed build over the page. Served by the preview server itself.
(function () {
  'use strict';
  var script = document.currentScript;
  var version = Number(script && script.dataset.pubVersion);
  var scrollKey = 'pub-preview-scroll:' + location.pathname;

  var saved = sessionStorage.getItem(scrollKey);
  if (saved !== null) {
    sessionStorage.removeItem(scrollKey);
    var restore = function () { window.scrollTo(0, Number(saved)); };
    restore();
    window.addEventListener('load', restore);
  }

  function reload() {
    sessionStorage.setItem(scrollKey, String(window.scrollY));
    location.reload();
  }

  // The page's own stylesheet must not restyle the overlay: every element starts from 'all: initial'.
  var base = 'all:initial;box-sizing:border-box;font:14px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;color:#f4f4f4;';
  var block = base + 'display:block;';

  function element(tag, text, style) {
    var node = document.createElement(tag);
    if (text !== undefined) { node.textContent = text; }
    node.style.cssText = (tag === 'span' ? base : block) + (style || '');
    return node;
  }

  function showErrors(errors) {
    var old = document.getElementById('pub-preview-overlay');
    if (old) { old.remove(); }
    if (!errors.length) { return; }
    var overlay = element('section', undefined,
      'position:fixed;inset:0;z-index:2147483647;overflow:auto;background:rgba(20,20,24,.96);padding:1.5rem 2rem');
    overlay.id = 'pub-preview-overlay';
    overlay.setAttribute('role', 'alert');
    overlay.setAttribute('aria-label', 'Build errors');
    var title = element('h2', errors.length === 1 ? 'The last save did not build' : errors.length + ' problems stop the build',
      'font:600 18px/1.3 system-ui,sans-serif;margin:0 0 .25rem;color:#ff8a80');
    var note = element('p', 'The page below is the last good build. Fix the problem and save: this overlay goes away by itself.',
      'font:14px/1.4 system-ui,sans-serif;margin:0 0 1rem;color:#ccc');
    overlay.append(title, note);
    errors.forEach(function (e) {
      var item = element('article', undefined, 'border-left:3px solid #ff5252;padding:.5rem .75rem;margin:0 0 .75rem;background:rgba(255,255,255,.05)');
      item.className = 'pub-preview-error';
      var head = element('div');
      head.append(element('span', e.location ? e.location + ': ' : '', 'color:#9ecbff'),
        element('span', e.severity + ' ' + e.code + ': ', 'color:#ff8a80;font-weight:600'),
        element('span', e.message));
      item.append(head);
      (e.hints || []).forEach(function (h) { item.append(element('div', 'hint: ' + h, 'color:#c3e88d')); });
      if (e.source !== undefined) {
        var gutter = String(e.line);
        var caret = ' '.repeat(gutter.length) + ' | ' + ' '.repeat(Math.max(0, e.column - 1)) + '^';
        item.append(element('pre', gutter + ' | ' + e.source + '\n' + caret, 'margin:.35rem 0 0;white-space:pre-wrap;color:#ddd'));
      }
      overlay.append(item);
    });
    var close = element('button', 'Hide', 'position:absolute;top:1rem;right:1.5rem;font:13px system-ui,sans-serif;color:#111;background:#eee;border-radius:4px;padding:.2rem .6rem;cursor:pointer');
    close.type = 'button';
    close.addEventListener('click', function () { overlay.remove(); });
    overlay.append(close);
    document.body.append(overlay);
  }

  var source = new EventSource('/__pub/events');
  source.addEventListener('state', function (event) {
    var state = JSON.parse(event.data);
    if (state.version !== version) { reload(); return; }
    var apply = function () { showErrors(state.errors); };
    if (document.body) { apply(); } else { document.addEventListener('DOMContentLoaded', apply); }
  });
})();
