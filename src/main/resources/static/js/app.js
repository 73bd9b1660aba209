// Behaviour shared by all pages; no inline scripts (the Content-Security-Policy forbids them).
(function () {
  'use strict';

  // htmx requests carry the CSRF token like forms do
  document.addEventListener('htmx:configRequest', function (event) {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) {
      event.detail.headers[header.content] = token.content;
    }
  });

  // the navbar toggle without Bootstrap's JavaScript
  document.addEventListener('click', function (event) {
    var toggle = event.target.closest('[data-toggle-target]');
    if (toggle) {
      var target = document.querySelector(toggle.getAttribute('data-toggle-target'));
      var shown = target.classList.toggle('show');
      toggle.setAttribute('aria-expanded', String(shown));
    }
  });

  // forms and buttons that need a confirmation say so with data-confirm
  document.addEventListener('submit', function (event) {
    var form = event.target;
    var submitter = event.submitter;
    var message = (submitter && submitter.getAttribute('data-confirm')) || form.getAttribute('data-confirm');
    if (message && !window.confirm(message)) {
      event.preventDefault();
    }
  });
})();
