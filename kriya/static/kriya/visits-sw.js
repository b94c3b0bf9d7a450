/* The service worker of the mentor's pages. Served by kriya.programs.visits.service_worker,
 * which puts VERSION, SCOPE, PAGES and ASSETS in front of this file.
 *
 * It precaches the visit form, the mentor's home, the list of recently visited businesses
 * and their CSS/JS (with htmx), so the form opens with no connection. Pages and the
 * business list are network-first (fresh when there is signal, the cached copy when not);
 * the static files are cache-first (their URLs, or else VERSION, change with their
 * content). POSTs are never touched: visits.js queues and sends them itself.
 */
/* global VERSION, SCOPE, PAGES, ASSETS */
"use strict";

var CACHE = "kriya-visits-" + VERSION;
var NETWORK_WAIT_MS = 4000;  // one bar of signal: fall back to the copy after this long

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    return Promise.all(PAGES.concat(ASSETS).map(function (url) {
      return fetch(url, { credentials: "same-origin", cache: "no-cache" }).then(function (response) {
        // A redirect means the login page: never keep it in place of the form.
        if (response.ok && !response.redirected) return cache.put(url, response);
      }).catch(function () { /* kept on the next visit with a connection */ });
    }));
  }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (key) {
      return key.indexOf("kriya-visits-") === 0 && key !== CACHE;
    }).map(function (key) { return caches.delete(key); }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") return;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (ASSETS.indexOf(url.pathname) >= 0) {
    event.respondWith(caches.match(url.pathname).then(function (cached) {
      return cached || fetch(request);
    }));
  } else if (url.pathname.indexOf(SCOPE) === 0 && url.pathname !== SCOPE + "sw.js") {
    event.respondWith(networkFirst(request, url));
  }
});

function networkFirst(request, url) {
  var key = url.pathname + url.search;
  var network = fetch(request).then(function (response) {
    if (response.ok && !response.redirected && PAGES.indexOf(key) >= 0) {
      var copy = response.clone();
      caches.open(CACHE).then(function (cache) { return cache.put(key, copy); });
    }
    return response;
  });
  var slow = new Promise(function (resolve) {
    setTimeout(function () { resolve(null); }, NETWORK_WAIT_MS);
  });
  return Promise.race([network, slow]).then(function (response) {
    if (response) return response;
    return fallback(request, url).then(function (copy) { return copy || network; });
  }, function () {
    return fallback(request, url).then(function (copy) {
      return copy || Response.error();
    });
  });
}

function fallback(request, url) {
  var search = PAGES[2];
  if (url.pathname === search) {
    // Offline search: the mentor's recently visited businesses, marked so the page
    // filters them by name itself.
    return caches.match(search).then(function (cached) {
      if (!cached) return null;
      var headers = new Headers(cached.headers);
      headers.set("X-Kriya-Offline", "1");
      return cached.blob().then(function (body) {
        return new Response(body, { status: 200, headers: headers });
      });
    });
  }
  return caches.match(url.pathname).then(function (cached) {
    if (cached || request.mode !== "navigate") return cached;
    return caches.match(SCOPE);
  });
}
