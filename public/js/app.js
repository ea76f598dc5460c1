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

  // The hand-over (src/client-voice/handover.ts): the server locks the session, so every request
  // of it shows the lock screen. Other tabs of this browser may still show a page loaded before;
  // when a worker starts a hand-over, they are emptied at once and then reloaded (to the lock).
  // The client view itself has no script; this only helps with script on.
  var channel = 'BroadcastChannel' in window ? new BroadcastChannel('sociale-balans-session') : null;
  if (channel) {
    document.addEventListener('submit', function (event) {
      var form = event.target;
      if (form && form.querySelector && form.querySelector('input[name="mode"][value="handover"]:checked')) channel.postMessage('handover');
    });
    channel.addEventListener('message', function (message) {
      if (message.data !== 'handover') return;
      document.body.textContent = '';
      window.clearTimeout(idleTimer);
      window.setTimeout(function () {
        window.location.replace('/');
      }, 1500);
    });
  }
})();
