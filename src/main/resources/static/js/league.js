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

    // an administrator's change from a one-button form asks why: data-reason="question", into its hidden reason field
    document.addEventListener('submit', function (event) {
        var form = event.target;
        var question = form.getAttribute('data-reason');
        var field = form.querySelector('input[name="reason"]');
        if (!question || !field || event.defaultPrevented) {
            return;
        }
        var reason = window.prompt(question, '');
        if (reason === null || reason.trim() === '') {
            event.preventDefault();
        } else {
            field.value = reason.trim().substring(0, 200);
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

    // the menus mark the entry whose address is the longest start of this page's address
    ['#side-menu', '#tab-bar'].forEach(function (selector) {
        var menu = document.querySelector(selector);
        if (!menu) { return; }
        var here = window.location.pathname, best = null;
        menu.querySelectorAll('a[href]').forEach(function (a) {
            var path = new URL(a.href, window.location.href).pathname;
            var fits = here === path || here.indexOf(path.replace(/\/?$/, '/')) === 0;
            if (fits && (!best || path.length > best.path.length)) { best = { a: a, path: path }; }
        });
        if (best) {
            best.a.classList.add('active');
            best.a.setAttribute('aria-current', 'page');
        }
    });

    // the side menu's areas open (at first) or as the user left them; the one holding the current page always opens
    var store = {
        get: function (key) { try { return window.localStorage.getItem(key); } catch (e) { return null; } },
        set: function (key, value) { try { window.localStorage.setItem(key, value); } catch (e) { /* private mode */ } }
    };
    document.querySelectorAll('details[data-league-area]').forEach(function (area) {
        var key = 'league.menu.' + area.getAttribute('data-league-area');
        area.open = area.querySelector('a.active') !== null || store.get(key) !== 'closed';
        area.addEventListener('toggle', function () { store.set(key, area.open ? 'open' : 'closed'); });
    });

    // the menu button: on a wide screen it folds the side menu away (remembered), on a phone it opens the drawer
    var toggle = document.querySelector('[data-league-menu-toggle]');
    if (toggle) {
        var wide = window.matchMedia('(min-width: 992px)');
        if (store.get('league.menu.collapsed') === 'yes') { document.body.classList.add('menu-collapsed'); }
        toggle.addEventListener('click', function () {
            if (wide.matches) {
                var collapsed = document.body.classList.toggle('menu-collapsed');
                store.set('league.menu.collapsed', collapsed ? 'yes' : 'no');
            } else if (window.bootstrap) {
                window.bootstrap.Offcanvas.getOrCreateInstance(document.getElementById('side-menu')).toggle();
            }
        });
    }

    // charts drawn from the table of the same numbers beside them (the table stays for screen readers)
    if (window.Chart) {
        document.querySelectorAll('canvas[data-chart-table]').forEach(function (canvas) {
            var table = document.getElementById(canvas.getAttribute('data-chart-table'));
            if (!table) { return; }
            var heads = Array.prototype.map.call(table.querySelectorAll('thead th'), function (th) { return th.textContent.trim(); });
            var rows = Array.prototype.map.call(table.querySelectorAll('tbody tr'), function (tr) {
                return Array.prototype.map.call(tr.children, function (td) { return td.textContent.trim(); });
            });
            var colours = ['#c8161d', '#0d6efd', '#198754', '#fd7e14', '#6f42c1', '#20c997'];
            var kind = canvas.getAttribute('data-chart') || 'bar';
            new window.Chart(canvas, {
                type: kind,
                data: {
                    labels: rows.map(function (r) { return r[0]; }),
                    datasets: heads.slice(1).map(function (label, i) {
                        return {
                            label: label,
                            data: rows.map(function (r) { return Number((r[i + 1] || '0').replace(/[^0-9.\-]/g, '')); }),
                            backgroundColor: kind === 'doughnut' ? colours : colours[i % colours.length],
                            borderColor: colours[i % colours.length]
                        };
                    })
                },
                options: { responsive: true, maintainAspectRatio: false, animation: false }
            });
        });
    }
})();
