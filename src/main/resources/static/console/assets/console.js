// The console's only script: confirm before any action, and refresh the live part of a page.
(function () {
  'use strict';
  var REFRESH_MILLIS = 4000;
  // a console left alone stops refreshing, so its session can expire like any other
  var IDLE_MILLIS = 30 * 60 * 1000;
  var lastInput = Date.now();

  document.addEventListener('submit', function (event) {
    var message = event.target.getAttribute('data-confirm');
    if (message && !window.confirm(message)) {
      event.preventDefault();
    }
  });
  ['keydown', 'mousedown', 'touchstart', 'scroll'].forEach(function (name) {
    document.addEventListener(name, function () { lastInput = Date.now(); }, {passive: true});
  });

  function schedule(region, delay) {
    window.setTimeout(function () { refresh(region); }, delay);
  }

  // one request at a time per region: the next is asked only once the last has answered (or failed)
  function refresh(region) {
    var idle = Date.now() - lastInput > IDLE_MILLIS;
    var busy = region.contains(document.activeElement) && document.activeElement.tagName !== 'BODY';
    if (document.hidden || idle || busy) {
      // a hidden tab, an absent user or a form being filled: look again later, ask nothing now
      schedule(region, REFRESH_MILLIS);
      return;
    }
    fetch(region.getAttribute('data-live'), {credentials: 'same-origin', headers: {'X-Requested-With': 'XMLHttpRequest'}})
      .then(function (response) {
        if (response.redirected || !response.ok) {
          throw new Error('session over or page gone');
        }
        return response.text();
      })
      .then(function (html) {
        var next = new DOMParser().parseFromString(html, 'text/html').querySelector('[data-live]');
        if (next) {
          region.innerHTML = next.innerHTML;
          region.classList.remove('stale');
          region.setAttribute('data-refreshed', new Date().toISOString());
        }
        schedule(region, REFRESH_MILLIS);
      })
      .catch(function () {
        // the hub restarted, the session ended or the network is away: say so, and ask less often
        region.classList.add('stale');
        schedule(region, REFRESH_MILLIS * 4);
      });
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('[data-live]').forEach(function (region) {
      schedule(region, REFRESH_MILLIS);
    });
  });
})();
