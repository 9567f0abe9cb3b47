// Lindung's own script, loaded as a file: the content security policy allows no inline script (issue 12 item 7).
// htmx requests carry the CSRF token of the page, as the forms do.
document.addEventListener('htmx:configRequest', function (e) {
  var t = document.querySelector('meta[name=_csrf]'), h = document.querySelector('meta[name=_csrf_header]');
  if (t && h) { e.detail.headers[h.content] = t.content; }
});
