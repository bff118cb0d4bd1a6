// Check-in without signal. Registers the service worker (which keeps the check-in page for offline
// use); on the check-in page, a scanned QR code or a typed code is kept in the browser while there is
// no signal, each with a nonce of its own, and sent when the signal returns (from any page, by the
// member who took it). The server records each nonce once.
(function () {
    'use strict';

    var KEY = 'league.pendingCheckIns';

    if ('serviceWorker' in navigator) {
        navigator.serviceWorker.register('/sw.js').catch(function () { /* the app still works online */ });
    }

    function meta(name) {
        var el = document.querySelector('meta[name="' + name + '"]');
        return el ? el.content : null;
    }

    function load() {
        try {
            return JSON.parse(localStorage.getItem(KEY)) || [];
        } catch (e) {
            return [];
        }
    }

    function save(items) {
        localStorage.setItem(KEY, JSON.stringify(items));
    }

    function nonce() {
        if (window.crypto && crypto.randomUUID) {
            return crypto.randomUUID();
        }
        var bytes = crypto.getRandomValues(new Uint8Array(16));
        bytes[6] = (bytes[6] & 0x0f) | 0x40;
        bytes[8] = (bytes[8] & 0x3f) | 0x80;
        var hex = Array.prototype.map.call(bytes, function (b) { return (b + 0x100).toString(16).substring(1); }).join('');
        return hex.substring(0, 8) + '-' + hex.substring(8, 12) + '-' + hex.substring(12, 16) + '-' + hex.substring(16, 20) + '-' + hex.substring(20);
    }

    var panel = document.getElementById('checkin-pending');
    var sent = document.getElementById('checkin-sent');

    function line(list, text) {
        var li = document.createElement('li');
        li.textContent = text;
        list.appendChild(li);
    }

    function show() {
        if (!panel) {
            return;
        }
        var mine = load().filter(function (item) { return item.user === meta('league-user'); });
        var list = panel.querySelector('ul');
        list.textContent = '';
        mine.forEach(function (item) {
            line(list, new Date(item.takenAt).toLocaleTimeString() + ' · ' + panel.getAttribute('data-queued'));
        });
        panel.classList.toggle('d-none', mine.length === 0);
    }

    function told(text) {
        if (sent) {
            line(sent.querySelector('ul'), text);
            sent.classList.remove('d-none');
        }
    }

    function queue(item) {
        item.nonce = nonce();
        item.takenAt = new Date().toISOString();
        item.user = meta('league-user');
        var items = load();
        items.push(item);
        save(items);
        show();
    }

    var sending = false;

    // one at a time, oldest first; a refusal is told and dropped, a failure of the network kept for later
    function send() {
        var me = meta('league-user');
        var token = meta('_csrf');
        var header = meta('_csrf_header');
        if (sending || !navigator.onLine || !me || !token || !header) {
            return;
        }
        var next = load().filter(function (item) { return item.user === me; })[0];
        if (!next) {
            return;
        }
        sending = true;
        var headers = {'Content-Type': 'application/json'};
        headers[header] = token;
        fetch('/api/v1/me/check-ins', {
            method: 'POST', credentials: 'same-origin', headers: headers,
            body: JSON.stringify({nonce: next.nonce, token: next.token || null, code: next.code || null, takenAt: next.takenAt})
        }).then(function (response) {
            if (response.status === 200 || response.status === 409) {
                return response.json().then(function (answer) {
                    save(load().filter(function (item) { return item.nonce !== next.nonce; }));
                    told((answer.activity ? answer.activity + ' · ' : '') + answer.message);
                    return true;
                });
            }
            return false;
        }).catch(function () {
            return false;
        }).then(function (again) {
            sending = false;
            show();
            if (again) {
                send();
            }
        });
    }

    // the check-in page as kept for use without signal, opened by a scanned QR code: keep its token
    var form = document.getElementById('general-code-form');
    var path = location.pathname;
    if (form && path.indexOf('/check-in/') === 0 && !document.getElementById('checkin-result')
            && !document.getElementById('checkin-refusal')) {
        queue({token: decodeURIComponent(path.substring('/check-in/'.length))});
        history.replaceState(null, '', '/me/check-in');
    }
    // a code typed without signal
    if (form) {
        form.addEventListener('submit', function (event) {
            var input = form.querySelector('input[name="code"]');
            if (!navigator.onLine && input && input.value.trim() !== '') {
                event.preventDefault();
                queue({code: input.value.trim()});
                input.value = '';
            }
        });
    }

    window.addEventListener('online', send);
    show();
    send();
}());
