// The console's only script: confirm before any action, and refresh the live part of a page.
(function () {
  'use strict';
  var REFRESH_MILLIS = 4000;

  document.addEventListener('submit', function (event) {
    var message = event.target.getAttribute('data-confirm');
    if (message && !window.confirm(message)) {
      event.preventDefault();
    }
  });

  function refresh(region) {
    var url = region.getAttribute('data-live');
    // a form being filled in a live region is never overwritten under the user's hands
    if (region.contains(document.activeElement) && document.activeElement.tagName !== 'BODY') {
      return;
    }
    fetch(url, {credentials: 'same-origin', headers: {'X-Requested-With': 'fetch'}})
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
          region.setAttribute('data-refreshed', new Date().toISOString());
        }
      })
      .catch(function () {
        region.classList.add('stale');
      });
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('[data-live]').forEach(function (region) {
      window.setInterval(function () { refresh(region); }, REFRESH_MILLIS);
    });
  });
})();
