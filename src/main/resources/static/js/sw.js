// The service worker of the installable app: keeps the check-in page, the organiser's screens and the
// assets they need, so that a phone without signal still opens them. Everything else goes to the
// network as if there were no worker. No assets from elsewhere: all of it is served by the application.
'use strict';

var CACHE = 'league-offline-v2'; // named in checkin-offline.js too, which forgets the page at sign-out
var SHELL = '/me/check-in';
// the app's own files; the styles and scripts a page uses are kept as the page names them (their
// addresses carry the library's version)
var ASSETS = ['/manifest.webmanifest', '/assets/icons/app-192.png', '/assets/icons/app-512.png'];

self.addEventListener('install', function (event) {
    event.waitUntil(caches.open(CACHE).then(function (cache) {
        return cache.addAll(ASSETS).then(function () {
            return keepShell(cache);
        });
    }).then(function () {
        return self.skipWaiting();
    }));
});

self.addEventListener('activate', function (event) {
    event.waitUntil(caches.keys().then(function (names) {
        return Promise.all(names.filter(function (name) { return name !== CACHE; }).map(function (name) {
            return caches.delete(name);
        }));
    }).then(function () {
        return self.clients.claim();
    }));
});

// the signed-in member's check-in page (not the sign-in page it may redirect to), and what it loads
function keepShell(cache) {
    // marked as a script's request, so that a sign-in page it may meet does not remember it as where to go next
    return fetch(SHELL, {credentials: 'same-origin', headers: {'X-Requested-With': 'XMLHttpRequest'}}).then(function (response) {
        if (!response.ok || response.redirected) {
            return undefined;
        }
        return response.clone().text().then(function (html) {
            return cache.addAll(assetsOf(html)).then(function () {
                return cache.put(SHELL, response);
            });
        });
    }).catch(function () { /* offline at install: kept at the next visit */ });
}

function assetsOf(html) {
    var found = [];
    var pattern = /(?:href|src)="(\/(?:webjars|assets)\/[^"]+)"/g;
    var match;
    while ((match = pattern.exec(html)) !== null) {
        if (found.indexOf(match[1]) < 0) {
            found.push(match[1]);
        }
    }
    return found;
}

function isAsset(path) {
    return ASSETS.indexOf(path) >= 0 || path.indexOf('/webjars/') === 0 || path.indexOf('/assets/') === 0;
}

function offlineCapable(path) {
    return path === SHELL || path.indexOf('/check-in/') === 0 || /^\/activities\/\d+\/screen$/.test(path);
}

self.addEventListener('fetch', function (event) {
    var request = event.request;
    var url = new URL(request.url);
    if (request.method !== 'GET' || url.origin !== self.location.origin) {
        return;
    }
    if (request.mode === 'navigate' && offlineCapable(url.pathname)) {
        event.respondWith(fetch(request).then(function (response) {
            if (response.ok && !response.redirected && (url.pathname === SHELL || url.pathname.indexOf('/activities/') === 0)) {
                var copy = response.clone();
                var page = response.clone();
                caches.open(CACHE).then(function (cache) {
                    return page.text().then(function (html) {
                        return cache.addAll(assetsOf(html)).then(function () { return cache.put(url.pathname, copy); });
                    });
                }).catch(function () { /* kept at the next visit */ });
            }
            return response;
        }).catch(function () {
            // a scanned QR code opens /check-in/<token>: the check-in page keeps the token until it can be sent
            return caches.match(url.pathname.indexOf('/check-in/') === 0 ? SHELL : url.pathname).then(function (kept) {
                return kept || caches.match(SHELL);
            });
        }));
        return;
    }
    if (isAsset(url.pathname)) {
        event.respondWith(fetch(request).then(function (response) {
            if (response.ok) {
                var copy = response.clone();
                caches.open(CACHE).then(function (cache) { cache.put(url.pathname, copy); });
            }
            return response;
        }).catch(function () {
            return caches.match(url.pathname);
        }));
    }
});
