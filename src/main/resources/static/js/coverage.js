// /cakupan: sorts the child regions' table by a column (numbers by their data-value, names alphabetically), and
// draws the 24-month trend with Chart.js from the table of its numbers (the table stays one click away in <details>).
// No inline script: the page's content security policy allows scripts from Lindung only.
(function () {
  function sortable(table) {
    table.querySelectorAll('button.sort').forEach(function (button) {
      button.addEventListener('click', function () {
        var col = parseInt(button.getAttribute('data-col'), 10);
        var ascending = button.getAttribute('aria-sort') !== 'ascending';
        table.querySelectorAll('button.sort').forEach(function (b) {
          b.removeAttribute('aria-sort');
          if (b.closest('th')) { b.closest('th').removeAttribute('aria-sort'); }
        });
        button.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        // a screen reader reads the order from the column header, not from the button inside it
        if (button.closest('th')) { button.closest('th').setAttribute('aria-sort', ascending ? 'ascending' : 'descending'); }
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = a.cells[col].getAttribute('data-value');
          var y = b.cells[col].getAttribute('data-value');
          var nx = parseFloat(x), ny = parseFloat(y);
          var order = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : String(x).localeCompare(String(y));
          return ascending ? order : -order;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  }

  function chart(root) {
    var canvas = root.querySelector ? root.querySelector('#trend-chart') : null;
    if (!canvas || canvas.getAttribute('data-drawn') || typeof Chart === 'undefined') { return; }
    var rows = Array.prototype.slice.call(root.querySelectorAll('#trend-table tbody tr'));
    // numbers, percentages and month names in the page's language, not the browser's (id-ID: 3.000 and 0,7)
    var locale = canvas.getAttribute('data-locale') || document.documentElement.lang || 'id-ID';
    var monthName = new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' });
    var percent = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
    var labels = rows.map(function (r) {
      var ym = (r.getAttribute('data-month') || '').split('-');
      return ym.length === 2 ? monthName.format(new Date(Date.UTC(+ym[0], +ym[1] - 1, 1))) : r.getAttribute('data-month');
    });
    function series(name) {
      return rows.map(function (r) { var v = r.getAttribute('data-' + name); return v === '' ? null : parseFloat(v); });
    }
    function title(name) { return { display: true, text: canvas.getAttribute('data-axis-' + name) }; }
    canvas.setAttribute('data-drawn', 'true');
    new Chart(canvas, {
      type: 'line',
      data: {
        labels: labels,
        datasets: [
          { label: canvas.getAttribute('data-registered'), data: series('registered'), borderColor: '#5b6b63', yAxisID: 'y' },
          { label: canvas.getAttribute('data-protected'), data: series('protected'), borderColor: '#0b6e4f', yAxisID: 'y' },
          { label: canvas.getAttribute('data-ratio') + ' (%)', data: series('ratio'), borderColor: '#9a5b00', borderDash: [4, 3], yAxisID: 'y1' }
        ]
      },
      options: {
        locale: locale,
        responsive: true, maintainAspectRatio: false, animation: false,
        scales: {
          x: { title: title('month') },
          y: { beginAtZero: true, position: 'left', title: title('workers') },
          y1: { beginAtZero: true, position: 'right', grid: { drawOnChartArea: false }, title: title('ratio'),
                ticks: { callback: function (v) { return percent.format(v) + ' %'; } } }
        }
      }
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('table.sortable').forEach(sortable);
    chart(document);
  });
  // the trend arrives as an htmx fragment after the page
  document.addEventListener('htmx:load', function (e) { chart(e.detail.elt.parentNode || e.detail.elt); });
})();
