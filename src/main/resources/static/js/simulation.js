// /simulasi: shows only the fields the chosen case (or segment) needs. A field names the cases it belongs to in
// data-cases, and optionally the JHT reasons in data-reasons; a hidden field is also disabled so it is not sent.
// Without JavaScript every field stays visible and the server ignores those a case does not use.
(function () {
  function apply(form) {
    var select = form.querySelector('[data-case-select]');
    if (!select) { return; }
    var reasonSelect = form.querySelector('[data-reason-select]');
    // a field's reasons count only where the reason is asked (a birth date is JHT at age 56, and any JP old age)
    var reasonCases = reasonSelect && reasonSelect.closest('[data-cases]');
    var reasonAsked = !reasonCases || reasonCases.getAttribute('data-cases').split(' ').indexOf(select.value) >= 0;
    form.querySelectorAll('[data-cases]').forEach(function (el) {
      var show = el.getAttribute('data-cases').split(' ').indexOf(select.value) >= 0;
      var reasons = el.getAttribute('data-reasons');
      if (show && reasons && reasonSelect && reasonAsked) {
        show = reasons.split(' ').indexOf(reasonSelect.value) >= 0;
      }
      el.hidden = !show;
      el.querySelectorAll('input, select, textarea').forEach(function (input) { input.disabled = !show; });
    });
  }
  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('form[data-fields-per-case]').forEach(function (form) {
      apply(form);
      form.addEventListener('change', function (e) {
        if (e.target.hasAttribute('data-case-select') || e.target.hasAttribute('data-reason-select')) { apply(form); }
      });
    });
  });
})();
