// Marsad's only script. Pages work without it; it adds the CSRF header to htmx requests,
// confirmation of destructive actions, auto-submission of filter forms, error links that reach their fields, and
// keeps the language switch's way back up to date.
(function () {
  'use strict';

  function csrf() {
    var token = document.querySelector('meta[name="csrf-token"]');
    var header = document.querySelector('meta[name="csrf-header"]');
    return token && header ? { header: header.content, token: token.content } : null;
  }

  document.addEventListener('htmx:configRequest', function (event) {
    var c = csrf();
    if (c) {
      event.detail.headers[c.header] = c.token;
    }
  });

  document.addEventListener('submit', function (event) {
    var form = event.target;
    var message = form.getAttribute('data-confirm');
    if (message && !window.confirm(message)) {
      event.preventDefault();
    }
  });

  // Filter forms: a change of a select or checkbox submits the form (htmx swaps the results).
  document.addEventListener('change', function (event) {
    var form = event.target.form;
    if (form && form.hasAttribute('data-autosubmit') && event.target.type !== 'text' && event.target.type !== 'search') {
      if (window.htmx) {
        window.htmx.trigger(form, 'submit');
      } else {
        form.submit();
      }
    }
  });

  // The language switch comes back to the page as it is now: after htmx has pushed a filtered address, that one.
  document.addEventListener('htmx:pushedIntoHistory', function (event) {
    var back = document.querySelector('form.lang-switch input[name="back"]');
    if (back && event.detail && event.detail.path) {
      back.value = event.detail.path;
    }
  });

  // A form's error summary links each message to its field, named by its path in the record (dates.plannedEnd,
  // budgets[0].amount): when the page has no element of that id, the link goes to the closest one it has (the
  // path without positions, its last part, then its first: plannedEnd, budgets).
  function linkErrors(root) {
    root.querySelectorAll('[data-testid="form-errors"] a[href^="#"]').forEach(function (a) {
      var key = decodeURIComponent(a.getAttribute('href').slice(1));
      if (!key || document.getElementById(key)) {
        return;
      }
      var plain = key.replace(/\[\d+\]/g, '');
      var parts = plain.split('.');
      var candidates = [plain, parts[parts.length - 1], parts[0]];
      for (var i = 0; i < candidates.length; i++) {
        if (candidates[i] && document.getElementById(candidates[i])) {
          a.setAttribute('href', '#' + candidates[i]);
          return;
        }
      }
    });
  }
  linkErrors(document);
  document.addEventListener('htmx:afterSwap', function (event) {
    linkErrors(event.target);
  });

  // Copy buttons (e.g. a new API token).
  document.addEventListener('click', function (event) {
    var button = event.target.closest('[data-copy]');
    if (button && navigator.clipboard) {
      var target = document.getElementById(button.getAttribute('data-copy'));
      if (target) {
        navigator.clipboard.writeText(target.textContent.trim());
        button.setAttribute('data-copied', 'true');
      }
    }
  });
})();
