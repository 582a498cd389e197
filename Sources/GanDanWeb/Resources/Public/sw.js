// The offline shell (issue 20): a secretary in a village with no signal still opens the pages she visited last —
// her cell, its roll, open tasks, the meeting forms — and writes minutes that drafts.js sends when the signal returns.
//
// What is kept, and why it may be: pages are sent `Cache-Control: no-store` so no browser or proxy cache keeps them
// (Back after sign-out, a shared proxy). This worker keeps its own copy in the site's Cache Storage, of GET pages of
// the cell and its meetings only (the list below), answered 200 as HTML: never an answer to a POST, /api, an export
// or a paper. The copy belongs to whoever is signed in: signing out, or anyone signing in, drops every kept page, so
// the next person on a shared phone never sees them. Pages are asked for from the network first; a kept copy is shown
// only when there is no answer at all, marked with when it was kept (Vietnam's time).
"use strict";

var SHELL = "gandan-shell-v1";
var PAGES = "gandan-pages";
var SHELL_FILES = ["/styles.css", "/app.js", "/drafts.js", "/offline.html"];
// Home, a cell's page (its roll and open tasks) and its pages (meetings and planning, feedback, candidates, ratings,
// dues, supervision, report), a meeting and its minutes form.
var KEPT = [
  /^\/$/,
  /^\/cells\/[0-9A-Za-z-]+(\/(meetings|feedback|candidates|ratings|dues|supervision|report))?$/,
  /^\/meetings\/[0-9A-Za-z-]+(\/minutes)?$/
];

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(SHELL).then(function (cache) {
    return cache.addAll(SHELL_FILES);
  }).then(function () {
    return self.skipWaiting();
  }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) {
      return name !== SHELL && name !== PAGES;
    }).map(function (name) {
      return caches.delete(name);
    }));
  }).then(function () {
    return self.clients.claim();
  }));
});

function kept(url) {
  return url.origin === self.location.origin && !/(^|&)format=/.test(url.search.slice(1)) &&
    KEPT.some(function (pattern) {
      return pattern.test(url.pathname);
    });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.method !== "GET") {
    // Sign-out and sign-in (another person may be signing in) drop the pages kept for the one before. The request
    // itself goes to the server untouched.
    if (url.pathname === "/logout" || url.pathname === "/login") event.waitUntil(caches.delete(PAGES));
    return;
  }
  if (request.mode === "navigate") {
    event.respondWith(page(request, url));
  } else if (SHELL_FILES.indexOf(url.pathname) >= 0) {
    event.respondWith(fetch(request).then(function (response) {
      if (response.ok) {
        var copy = response.clone();
        caches.open(SHELL).then(function (cache) { cache.put(url.pathname, copy); });
      }
      return response;
    }, function () {
      return caches.match(url.pathname).then(function (cached) { return cached || Response.error(); });
    }));
  }
});

// Network first; a kept page's copy is refreshed with every answer. With no answer, the copy (marked as such), or the
// offline page for an address never kept.
function page(request, url) {
  return fetch(request).then(function (response) {
    var type = response.headers.get("Content-Type") || "";
    if (kept(url) && response.status === 200 && response.type === "basic" && type.indexOf("text/html") === 0 &&
      !response.headers.has("Content-Disposition")) {
      var copy = response.clone();
      copy.text().then(function (text) {
        return caches.open(PAGES).then(function (cache) {
          return cache.put(url.href, new Response(text, {
            headers: { "Content-Type": type, "X-GanDan-Kept-At": String(Date.now()) }
          }));
        });
      });
    }
    return response;
  }, function () {
    return caches.open(PAGES).then(function (cache) {
      return kept(url) ? cache.match(url.href) : undefined;
    }).then(function (cached) {
      return cached ? marked(cached) : caches.match("/offline.html").then(function (offline) {
        return offline || Response.error();
      });
    });
  });
}

// The kept page with a line at the top of its main part saying it is a copy, and from when.
function marked(cached) {
  var at = Number(cached.headers.get("X-GanDan-Kept-At")) || Date.now();
  return cached.text().then(function (text) {
    var english = /<html lang="en"/.test(text);
    var line = '<p class="notice warn offline-note" role="status">' + (english
      ? "You are offline — copy from " + vietnamTime(at) + " (Vietnam time)."
      : "Bạn đang ngoại tuyến — bản lưu lúc " + vietnamTime(at) + ".") + "</p>";
    return new Response(text.replace("<main>", "<main>" + line), {
      headers: { "Content-Type": cached.headers.get("Content-Type") || "text/html; charset=utf-8" }
    });
  });
}

// dd/mm/yyyy HH:mm in Vietnam's time (UTC+7, no summer time), whatever the phone's zone.
function vietnamTime(time) {
  var date = new Date(time + 7 * 3600 * 1000);
  var two = function (number) {
    return (number < 10 ? "0" : "") + number;
  };
  return two(date.getUTCDate()) + "/" + two(date.getUTCMonth() + 1) + "/" + date.getUTCFullYear() + " " +
    two(date.getUTCHours()) + ":" + two(date.getUTCMinutes());
}
