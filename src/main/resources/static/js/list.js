// The ticket list: select all on a page, and the keyboard (j/k move the marked row, Enter opens it, / searches).
(function () {
  'use strict';

  function rows() {
    return Array.prototype.slice.call(document.querySelectorAll('#ticket-table tbody tr.ticket-row'));
  }

  function typing(target) {
    if (!target || !target.tagName) {
      return false;
    }
    var tag = target.tagName.toLowerCase();
    return tag === 'input' || tag === 'textarea' || tag === 'select' || target.isContentEditable;
  }

  function mark(row) {
    rows().forEach(function (r) {
      r.classList.remove('selected');
      r.setAttribute('aria-selected', 'false');
    });
    if (row) {
      row.classList.add('selected');
      row.setAttribute('aria-selected', 'true');
      row.scrollIntoView({ block: 'nearest' });
    }
  }

  function move(step) {
    var all = rows();
    if (all.length === 0) {
      return;
    }
    var current = all.indexOf(document.querySelector('#ticket-table tr.ticket-row.selected'));
    var next = current < 0 ? (step > 0 ? 0 : all.length - 1) : Math.min(Math.max(current + step, 0), all.length - 1);
    mark(all[next]);
  }

  document.addEventListener('keydown', function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) {
      return;
    }
    if (event.key === 'j' || event.key === 'k') {
      event.preventDefault();
      move(event.key === 'j' ? 1 : -1);
    } else if (event.key === 'Enter') {
      var selected = document.querySelector('#ticket-table tr.ticket-row.selected');
      // a focused link or button handles Enter itself
      if (selected && (!event.target.closest || !event.target.closest('a, button'))) {
        event.preventDefault();
        window.location.href = selected.getAttribute('data-href');
      }
    } else if (event.key === '/') {
      var search = document.getElementById('keyword');
      if (search) {
        event.preventDefault();
        search.focus();
        search.select();
      }
    }
  });

  document.addEventListener('change', function (event) {
    if (event.target.id === 'select-all') {
      rows().forEach(function (r) {
        var box = r.querySelector('input.row-select');
        if (box) {
          box.checked = event.target.checked;
        }
      });
    }
  });

  // clicking a row (not its link or checkbox) marks it, so mouse and keyboard agree on the marked row
  document.addEventListener('click', function (event) {
    var row = event.target.closest && event.target.closest('#ticket-table tr.ticket-row');
    if (row && !event.target.closest('a, input, button, label')) {
      mark(row);
    }
  });
})();
