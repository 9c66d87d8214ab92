// Signet's own script on every page (the CSP allows only Signet's own files, no inline script):
// 1. every htmx request carries the page's CSRF token in the X-CSRF-TOKEN header (from <meta name="csrf-token">),
//    so that a state-changing request made with the session cookie is refused without it, whatever its body;
// 2. keyboard shortcuts:
//   ?            show or hide the shortcut help (#shortcuts-help, in the layout)
//   Esc          close the help
//   c            claim the open conversation
//   r            put the cursor in the reply box
//   Ctrl+Enter   send the reply (from the reply box; Cmd+Enter on a Mac)
//   x            resolve the conversation (the status form's "Resolved", when it is offered)
// Single-key shortcuts are ignored while typing in a field, so that they never eat what an agent writes.
(function () {
  'use strict';

  var tokenMeta = document.querySelector('meta[name="csrf-token"]');
  var token = tokenMeta ? tokenMeta.getAttribute('content') : '';
  document.addEventListener('htmx:configRequest', function (e) {
    if (token) {
      e.detail.headers['X-CSRF-TOKEN'] = token;
    }
  });

  function typing(target) {
    if (!target || !target.tagName) {
      return false;
    }
    var tag = target.tagName.toLowerCase();
    return tag === 'input' || tag === 'textarea' || tag === 'select' || target.isContentEditable;
  }

  function help() {
    return document.getElementById('shortcuts-help');
  }

  function toggleHelp(show) {
    var box = help();
    if (!box) {
      return;
    }
    var open = show === undefined ? box.hidden : show;
    box.hidden = !open;
    if (open) {
      box.focus();
    }
  }

  function click(id) {
    var button = document.getElementById(id);
    if (button && !button.disabled) {
      button.click();
      return true;
    }
    return false;
  }

  function resolve() {
    var form = document.getElementById('status-form');
    if (!form) {
      return false;
    }
    var select = form.querySelector('select[name=status]');
    if (!select || !select.querySelector('option[value=RESOLVED]')) {
      return false;
    }
    select.value = 'RESOLVED';
    form.requestSubmit();
    return true;
  }

  document.addEventListener('keydown', function (e) {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && e.target && e.target.id === 'reply-text') {
      if (click('send')) {
        e.preventDefault();
      }
      return;
    }
    if (e.key === 'Escape') {
      toggleHelp(false);
      return;
    }
    if (e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) {
      return;
    }
    var done = false;
    switch (e.key) {
      case '?':
        toggleHelp();
        done = true;
        break;
      case 'c':
        done = click('claim');
        break;
      case 'r': {
        var reply = document.getElementById('reply-text');
        if (reply) {
          reply.focus();
          done = true;
        }
        break;
      }
      case 'x':
        done = resolve();
        break;
      default:
        break;
    }
    if (done) {
      e.preventDefault();
    }
  });

  document.addEventListener('click', function (e) {
    var target = e.target;
    if (target && target.closest && target.closest('[data-shortcuts-toggle]')) {
      e.preventDefault();
      toggleHelp();
    }
  });
})();
