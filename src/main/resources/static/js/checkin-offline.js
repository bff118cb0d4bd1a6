// Check-in without signal. Registers the service worker (which keeps the check-in pages for offline
// use). On the member's check-in page, a scanned QR code or a typed code is kept in the browser while
// there is no signal; on the organiser's screen, the youth cards it scans (leader mode) are kept the
// same way. Each has a nonce of its own and is sent when the signal returns (from any page, by the
// account that took it); the server records each nonce once.
(function () {
    'use strict';

    var KEY = 'league.pendingCheckIns';

    function meta(name) {
        var el = document.querySelector('meta[name="' + name + '"]');
        return el ? el.content : null;
    }

    // the worker keeps a signed-in member's check-in page: only for someone signed in, and forgotten at sign-out
    if ('serviceWorker' in navigator && meta('league-user')) {
        navigator.serviceWorker.register('/sw.js').catch(function () { /* the app still works online */ });
    } else if (window.caches && !meta('league-user')) {
        caches.open('league-offline-v2').then(function (cache) { return cache.delete('/me/check-in'); })
            .catch(function () { /* nothing kept */ });
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

    // where each kind of item is shown: the member's check-in page, or the organiser's screen of its activity
    var leader = document.getElementById('leader-mode');
    var places = {
        member: {pending: document.getElementById('checkin-pending'), sent: document.getElementById('checkin-sent')},
        card: {pending: document.getElementById('leader-pending'), sent: document.getElementById('leader-sent')}
    };

    function shownHere(item) {
        return item.kind !== 'card' || (leader && String(item.activity) === leader.getAttribute('data-activity'));
    }

    function line(list, text, refused) {
        var li = document.createElement('li');
        li.textContent = text;
        if (refused) {
            li.className = 'text-danger';
        }
        list.appendChild(li);
    }

    function show() {
        var mine = load().filter(function (item) { return item.user === meta('league-user'); });
        Object.keys(places).forEach(function (kind) {
            var panel = places[kind].pending;
            if (!panel) {
                return;
            }
            var list = panel.querySelector('ul');
            var here = mine.filter(function (item) { return (item.kind || 'member') === kind && shownHere(item); });
            list.textContent = '';
            here.forEach(function (item) {
                line(list, new Date(item.takenAt).toLocaleTimeString() + (item.card ? ' · ' + item.card : '') + ' · '
                    + panel.getAttribute('data-queued'));
            });
            panel.classList.toggle('d-none', here.length === 0);
        });
    }

    function told(item, text, refused) {
        var sent = places[item.kind || 'member'].sent;
        if (sent && shownHere(item)) {
            line(sent.querySelector('ul'), (item.card ? item.card + ' · ' : '') + text, refused);
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
        var card = next.kind === 'card';
        fetch(card ? '/api/v1/activities/' + next.activity + '/check-ins' : '/api/v1/me/check-ins', {
            method: 'POST', credentials: 'same-origin', headers: headers,
            body: JSON.stringify(card ? {nonce: next.nonce, card: next.card, takenAt: next.takenAt}
                : {nonce: next.nonce, token: next.token || null, code: next.code || null, takenAt: next.takenAt})
        }).then(function (response) {
            if (response.status === 200 || response.status === 409) {
                return response.json().then(function (answer) {
                    save(load().filter(function (item) { return item.nonce !== next.nonce; }));
                    told(next, (answer.activity && !card ? answer.activity + ' · ' : '') + answer.message, response.status === 409);
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
        queue({kind: 'member', token: decodeURIComponent(path.substring('/check-in/'.length))});
        history.replaceState(null, '', '/me/check-in');
    }
    // a code typed without signal
    if (form) {
        form.addEventListener('submit', function (event) {
            var input = form.querySelector('input[name="code"]');
            if (!navigator.onLine && input && input.value.trim() !== '') {
                event.preventDefault();
                queue({kind: 'member', code: input.value.trim()});
                input.value = '';
            }
        });
    }

    // leader mode: the organiser's screen records youth cards, typed or scanned, and sends them when it can
    if (leader) {
        var activity = leader.getAttribute('data-activity');
        var cardForm = document.getElementById('leader-form');
        var cardInput = document.getElementById('leader-card');
        var record = function (value) {
            queue({kind: 'card', activity: activity, card: value});
            send();
        };
        cardForm.addEventListener('submit', function (event) {
            event.preventDefault();
            if (cardInput.value.trim() !== '') {
                record(cardInput.value.trim());
                cardInput.value = '';
            }
        });
        var scan = document.getElementById('leader-scan');
        if ('BarcodeDetector' in window && navigator.mediaDevices) {
            scan.classList.remove('d-none');
            scan.addEventListener('click', function () {
                var video = document.getElementById('leader-camera');
                var detector = new window.BarcodeDetector({formats: ['qr_code']});
                var last = {value: null, at: 0};
                navigator.mediaDevices.getUserMedia({video: {facingMode: 'environment'}}).then(function (stream) {
                    video.srcObject = stream;
                    video.classList.remove('d-none');
                    scan.classList.add('d-none');
                    return video.play();
                }).then(function () {
                    setInterval(function () {
                        detector.detect(video).then(function (codes) {
                            codes.forEach(function (code) {
                                // the same card held up for a while is one check-in
                                if (code.rawValue.indexOf('/card/') >= 0 && (code.rawValue !== last.value || Date.now() - last.at > 10000)) {
                                    last = {value: code.rawValue, at: Date.now()};
                                    record(code.rawValue.substring(code.rawValue.lastIndexOf('/card/') + 6));
                                }
                            });
                        }).catch(function () { /* a frame without a code */ });
                    }, 500);
                }).catch(function () {
                    scan.disabled = true;
                });
            });
        }
    }

    window.addEventListener('online', send);
    show();
    send();
}());
