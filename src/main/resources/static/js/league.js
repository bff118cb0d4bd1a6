// Small behaviours shared by every page; no framework, no inline scripts (strict CSP).
(function () {
    'use strict';

    // htmx and fetch calls carry the CSRF token from the page's meta tags
    document.addEventListener('htmx:configRequest', function (event) {
        var token = document.querySelector('meta[name="_csrf"]');
        var header = document.querySelector('meta[name="_csrf_header"]');
        if (token && header) {
            event.detail.headers[header.content] = token.content;
        }
    });

    // success toasts fade after a few seconds
    document.querySelectorAll('[data-league-autohide]').forEach(function (el) {
        setTimeout(function () { el.classList.remove('show'); }, 4000);
    });

    // forms and buttons that ask first: data-confirm="message"
    document.addEventListener('submit', function (event) {
        var form = event.target;
        var message = form.getAttribute('data-confirm');
        if (message && !window.confirm(message)) {
            event.preventDefault();
        }
    });

    // list toolbars: select all, "edit" needs exactly one row, "delete" asks with the count
    document.querySelectorAll('[data-league-list]').forEach(function (list) {
        var boxes = function () { return list.querySelectorAll('input[data-row-id]'); };
        var checked = function () {
            return Array.prototype.filter.call(boxes(), function (b) { return b.checked; });
        };
        var all = list.querySelector('input[data-check-all]');
        var edit = list.querySelector('[data-edit-template]');
        var remove = list.querySelector('form[data-delete-template]');
        var refresh = function () {
            var n = checked().length;
            if (edit) { edit.classList.toggle('disabled', n !== 1); }
            if (remove) { remove.querySelector('button').disabled = n === 0; }
        };
        if (all) {
            all.addEventListener('change', function () {
                boxes().forEach(function (b) { b.checked = all.checked; });
                refresh();
            });
        }
        boxes().forEach(function (b) { b.addEventListener('change', refresh); });
        if (edit) {
            edit.addEventListener('click', function (event) {
                event.preventDefault();
                var rows = checked();
                if (rows.length === 1) {
                    window.location = edit.getAttribute('data-edit-template').replace('ROWID', rows[0].getAttribute('data-row-id'));
                }
            });
        }
        if (remove) {
            remove.addEventListener('submit', function (event) {
                var rows = checked();
                remove.querySelectorAll('input[name="ids"]').forEach(function (i) { i.remove(); });
                var question = remove.getAttribute('data-delete-template').replace('{0}', rows.length);
                if (rows.length === 0 || !window.confirm(question)) {
                    event.preventDefault();
                    return;
                }
                rows.forEach(function (r) {
                    var input = document.createElement('input');
                    input.type = 'hidden';
                    input.name = 'ids';
                    input.value = r.getAttribute('data-row-id');
                    remove.appendChild(input);
                });
            }, true);
        }
        refresh();
    });
})();
