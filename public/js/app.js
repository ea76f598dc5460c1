// Progressive enhancement only: every page works without this file.
// No inline handlers and no eval (CSP), so behaviour lives here, attached by data attributes.
(function () {
  'use strict';

  var live = function () {
    return document.getElementById('live-region');
  };

  /** Say something in the polite live region (and show it, for sighted users). */
  function announce(text) {
    var region = live();
    if (!region) return;
    region.textContent = '';
    // A fresh text node after a tick makes screen readers announce repeated identical messages.
    window.setTimeout(function () {
      region.textContent = text;
    }, 50);
    window.clearTimeout(announce.timer);
    announce.timer = window.setTimeout(function () {
      region.textContent = '';
    }, 8000);
  }
  window.sbAnnounce = announce;

  /** After a swap that changes context, move focus to the error summary or the marked element. */
  function focusMarked(root) {
    var target = (root || document).querySelector('[data-focus-on-load]');
    if (target) {
      if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
      target.focus();
    }
  }

  document.addEventListener('DOMContentLoaded', function () {
    focusMarked(document);
    // A step of the balance editor reached by a button (`…?step=…#step`): its heading takes focus,
    // unless something more urgent already did (an error, a conflict, a notification banner).
    if (window.location.hash === '#step' && !document.querySelector('[data-focus-on-load]')) {
      var step = document.getElementById('step');
      if (step) step.focus();
    }
  });

  document.addEventListener('htmx:after:swap', function (event) {
    var detail = event.detail || {};
    var ctx = detail.ctx || {};
    var target = ctx.target || event.target;
    var scope = target && target.isConnected ? target : document;
    var msg = scope.querySelector ? scope.querySelector('[data-announce]') : null;
    if (msg) announce(msg.getAttribute('data-announce'));
    focusMarked(scope);
  });

  // ---- The balance editor (views/balances/BalanceEditorPage.tsx). When to save and what to say is
  // docs/decisions/021-editor-saves-and-announcements.md:
  // - a score group (the levels of one domain, a remark, the client's score) is saved when focus
  //   leaves it, or after a pause (2 s after a choice, 1.2 s after typing): arrowing through the
  //   levels is one save and one audit row, not one per level passed;
  // - a save is announced once, in the page's one live region, when the user leaves the group it
  //   belongs to; a save made during a pause while the user is still there is not announced (the
  //   status line under the step shows it), so typing a remark is never interrupted;
  // - a conflict takes focus (its box is a described group), with nothing in the live region;
  //   a refused save (an error text) is announced once;
  // - buttons (previous, next, a step of the overview, confirm, keep mine, Enter) submit the form
  //   through htmx: the step is saved, then the next step opens.
  var CHOICE_PAUSE_MS = 2000;
  var TYPING_PAUSE_MS = 1200;
  function editorForm(form) {
    var dirty = false;
    var timer = null;
    var pending = 0;
    var announceNext = false;
    var unannounced = null;
    function announceSaved() {
      if (unannounced) announce(unannounced);
      unannounced = null;
      announceNext = false;
    }
    function save(leaving) {
      window.clearTimeout(timer);
      timer = null;
      if (leaving) announceNext = true;
      if (!dirty) {
        if (leaving && pending === 0) announceSaved();
        return;
      }
      dirty = false;
      form.dispatchEvent(new CustomEvent('sb-save'));
    }
    function later(ms) {
      dirty = true;
      window.clearTimeout(timer);
      timer = window.setTimeout(function () {
        save(false);
      }, ms);
    }
    function showDiffers(cell) {
      var note = cell && cell.querySelector('[data-differs]');
      if (!note) return;
      var chosen = cell.querySelector('input[type=radio]:checked');
      var worker = chosen && /^[1-5]$/.test(chosen.value) ? chosen.value : '';
      var select = cell.querySelector('select');
      var client = select ? select.value : '';
      var differs = worker !== '' && client !== '' && worker !== client;
      note.textContent = differs ? note.getAttribute('data-differs').replace('{w}', worker).replace('{c}', client) : '';
      note.hidden = !differs;
    }
    form.addEventListener('change', function (event) {
      var field = event.target;
      if (field.type === 'radio' || field.tagName === 'SELECT') later(CHOICE_PAUSE_MS);
      else dirty = true;
      showDiffers(field.closest('fieldset.cell'));
    });
    form.addEventListener('input', function (event) {
      if (event.target.tagName === 'TEXTAREA') later(TYPING_PAUSE_MS);
    });
    form.addEventListener('focusout', function (event) {
      var group = event.target.closest('[data-save-group]');
      if (!group || (event.relatedTarget && group.contains(event.relatedTarget))) return;
      save(true);
    });
    // A button or Enter: htmx sends the whole step (autosave waits, the button's request carries it).
    form.addEventListener('submit', function () {
      window.clearTimeout(timer);
      timer = null;
      dirty = false;
      announceNext = true;
    });
    form.addEventListener('htmx:before:request', function () {
      pending++;
    });
    // A conflict answer replaces its cells with what was posted; what the user typed or chose
    // since that request left is kept (put back after the swap), so nothing typed is lost.
    var latest = null;
    form.addEventListener('htmx:before:swap', function (event) {
      var ctx = (event.detail && event.detail.ctx) || {};
      if (!ctx.response || ctx.response.status !== 409) return;
      latest = {};
      Array.prototype.forEach.call(form.querySelectorAll('fieldset.cell'), function (cell) {
        var chosen = cell.querySelector('input[type=radio]:checked');
        var remark = cell.querySelector('textarea');
        var client = cell.querySelector('select');
        latest[cell.id] = { chosen: chosen ? chosen.value : null, remark: remark ? remark.value : '', client: client ? client.value : '' };
      });
    });
    function restore(cell) {
      var was = latest && latest[cell.id];
      if (!was) return;
      Array.prototype.forEach.call(cell.querySelectorAll('input[type=radio]'), function (radio) {
        radio.checked = radio.value === was.chosen;
      });
      var remark = cell.querySelector('textarea');
      if (remark) remark.value = was.remark;
      var client = cell.querySelector('select');
      if (client) client.value = was.client;
      showDiffers(cell);
    }
    form.addEventListener('htmx:after:swap', function () {
      var saved = document.querySelector('#save-status [data-saved]');
      if (saved) unannounced = saved.getAttribute('data-saved');
      Array.prototype.forEach.call(form.querySelectorAll('fieldset.cell--conflict'), restore);
      latest = null;
      var conflict = document.querySelector('[data-conflict][data-focus-on-load]');
      if (conflict) {
        conflict.removeAttribute('data-focus-on-load');
        conflict.focus();
        unannounced = null;
        announceNext = false;
      }
    });
    form.addEventListener('htmx:finally:request', function (event) {
      pending = Math.max(0, pending - 1);
      var ctx = (event.detail && event.detail.ctx) || {};
      // A refused save said its own words (data-announce); an earlier save is not said after it.
      if (!ctx.response || ctx.response.status >= 400) {
        announceNext = false;
        unannounced = null;
      }
      if (announceNext && pending === 0 && !dirty) announceSaved();
    });
    // Leaving the page (a link, closing the tab) with a change not yet sent, or still under way:
    // the browser delivers this last save even as the page goes.
    window.addEventListener('pagehide', function () {
      if ((dirty || pending > 0) && navigator.sendBeacon) {
        navigator.sendBeacon(form.action, new URLSearchParams(new FormData(form)));
        dirty = false;
      }
    });
  }
  document.addEventListener('DOMContentLoaded', function () {
    var form = document.querySelector('form[data-autosave]');
    if (form) editorForm(form);
  });

  document.addEventListener('htmx:error', function () {
    var body = document.body;
    announce(body.getAttribute('data-network-error') || 'Er ging iets mis. Probeer opnieuw.');
  });

  // ---- Idle warning (WCAG 2.2.1 Timing Adjustable): two minutes before the idle timeout, offer
  // to stay signed in. Activity on the server (a page load or an htmx request) restarts the clock.
  var WARN_BEFORE_MS = 2 * 60 * 1000;
  var idleTimer = null;
  function startIdleTimer() {
    var idleMs = Number(document.body.getAttribute('data-idle-ms'));
    var dialog = document.getElementById('idle-dialog');
    if (!idleMs || !dialog || typeof dialog.showModal !== 'function') return;
    window.clearTimeout(idleTimer);
    idleTimer = window.setTimeout(
      function () {
        if (!dialog.open) dialog.showModal();
      },
      Math.max(1000, idleMs - WARN_BEFORE_MS),
    );
  }
  document.addEventListener('DOMContentLoaded', function () {
    startIdleTimer();
    var stay = document.getElementById('idle-stay');
    var dialog = document.getElementById('idle-dialog');
    if (!stay || !dialog) return;
    stay.addEventListener('click', function () {
      fetch('/session/keepalive', { method: 'POST', credentials: 'same-origin' }).then(function (res) {
        dialog.close();
        if (res.status === 204) {
          announce(stay.getAttribute('data-done') || '');
          startIdleTimer();
        } else {
          window.location.reload();
        }
      });
    });
  });
  document.addEventListener('htmx:after:request', startIdleTimer);

  // "Afdrukken" buttons (data-print) are hidden until script runs: without script the page says
  // to use Ctrl+P, so there is never a button that does nothing.
  document.addEventListener('DOMContentLoaded', function () {
    Array.prototype.forEach.call(document.querySelectorAll('[data-print]'), function (button) {
      button.hidden = false;
      button.addEventListener('click', function () {
        window.print();
      });
    });
  });
})();
