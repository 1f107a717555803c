/* sitegen serve: live reload and the error overlay.
   Served only by `sitegen serve` (the server adds the script tag to the HTML it
   sends), never written into a built site. Messages are shown as text, never as
   HTML: they quote the editor's files.

   A tab updates after a rebuild that changed its own page, or a file the page
   uses (its CSS, scripts, fonts, images, and the search shards its search box
   loaded), keeping its scroll position. When only the page itself changed, the
   new page (sent with the event, or fetched) is swapped in place — its <main>,
   <title> and the head's description, social and feed tags — without a
   navigation; then the `sitegen:swap` event on document tells the page's
   scripts to set up the new content again. A page swaps only when every script
   of the site it loads has said it does that (`window.sitegenSwapReady[its
   URL]`) and the new page loads the same stylesheets and scripts; anything
   else, or a swap that fails, reloads the page. Nothing parsed from the new
   page is run: a DOMParser document's scripts never execute. A failed rebuild shows its problems over
   the page until a good one. While a note is being written in the page
   (annotate.js), the reload waits until it is saved or dropped. A hidden tab
   lets go of its event stream (browsers allow about six connections per
   server) and catches up when shown again. The page the server sends while its
   first build runs (no site yet) reloads as soon as that build is in. */
(function () {
  "use strict";
  var here = location.pathname.replace(/^\//, "");
  if (here === "" || here.slice(-1) === "/") here += "index.html";
  try { here = decodeURIComponent(here); } catch (e) { /* keep as is */ }
  var scrollKey = "sitegen-scroll:" + here;
  // the page the server sends while its first build runs: reloaded as soon as there is a site
  var building = !!document.querySelector('meta[name="sitegen-building"]');
  // the last build this tab knows about: at first the one the server had when it sent the page, so a
  // rebuild that lands before this script runs (or while the tab is hidden) is caught up on
  var mine = document.querySelector("script[data-stamp][src*='/__sitegen/livereload.js']");
  var stamp = mine ? mine.getAttribute("data-stamp") : null;
  var source = null;

  var saved = sessionStorage.getItem(scrollKey);
  if (saved !== null) {
    sessionStorage.removeItem(scrollKey);
    var y = parseFloat(saved);
    var restore = function () { window.scrollTo(0, y); };
    if (document.readyState === "complete") restore(); else window.addEventListener("load", restore);
  }
  // for tests and benchmarks: when the page was last shown (loaded, or swapped: then also
  // __sitegenSwappedAt), and when the last build event reached the tab (__sitegenEventAt)
  function loaded() {
    window.__sitegenLoadedAt = Date.now();
    window.__sitegenReloaded = saved !== null;
  }
  if (document.readyState === "complete") loaded(); else window.addEventListener("load", loaded);

  function overlay(message, problems) {
    var box = document.getElementById("sitegen-overlay");
    if (!box) {
      box = document.createElement("div");
      box.id = "sitegen-overlay";
      box.setAttribute("role", "alert");
      box.style.cssText = "position:fixed;inset:0;z-index:2147483647;background:rgba(20,20,24,.95);color:#ffd7d0;" +
        "font:14px/1.5 ui-monospace,Menlo,Consolas,monospace;padding:2rem;overflow:auto;white-space:pre-wrap;" +
        "text-align:left";
      document.body.appendChild(box);
    }
    box.textContent = "";
    var head = document.createElement("strong");
    head.textContent = "sitegen: the last change could not be built: " + message;
    box.appendChild(head);
    var list = document.createElement("ul");
    list.style.cssText = "list-style:none;padding:0;margin:1em 0";
    problems.forEach(function (line) {
      var item = document.createElement("li");
      item.textContent = line;
      list.appendChild(item);
    });
    box.appendChild(list);
    var foot = document.createElement("p");
    foot.textContent = "Fix the file and save: this page updates by itself. Meanwhile the last good version of the site is served.";
    box.appendChild(foot);
  }
  function clear() {
    var box = document.getElementById("sitegen-overlay");
    if (box) box.remove();
    return !!box;
  }
  function showProblems(data) {
    if (data.error) overlay(data.error, data.problems || []); else return clear();
    return false;
  }
  var held = null;  // an update waiting for a note being written (annotate.js) to be saved or dropped
  function holding(kind) {
    if (!(window.sitegenHoldReload && window.sitegenHoldReload())) return false;
    if (held !== "all") held = kind;
    return true;
  }
  function reload() {
    if (holding("all")) return;
    sessionStorage.setItem(scrollKey, String(window.scrollY));
    location.reload();
  }
  window.addEventListener("sitegen:release", function () {
    var kind = held;
    held = null;
    if (kind) update(kind);
  });

  /* ---- swapping the page in place ---- */
  var swapping = null;  // the swap under way: a later one waits for it
  var HEAD = 'meta[name="description"], meta[property], link[rel="canonical"], link[rel="alternate"], ' +
    'script[type="application/ld+json"]';
  function assetList(doc) {  // the stylesheets and scripts of the site a page loads, in order (not the server's)
    return Array.prototype.map.call(doc.querySelectorAll('link[rel~="stylesheet"][href], script[src]'), function (el) {
      return el.tagName + " " + new URL(el.getAttribute("href") || el.getAttribute("src"), location.href).href;
    }).filter(function (line) { return line.indexOf(location.origin + "/__sitegen/") < 0; }).join("\n");
  }
  function swappable(doc) {
    var ready = window.sitegenSwapReady || {};
    var scripts = document.querySelectorAll("script[src]");
    for (var i = 0; i < scripts.length; i++) {  // the server's own set themselves up again
      var path = pathOf(scripts[i].src);
      if ((path === null || path.indexOf("__sitegen/") !== 0) && !ready[scripts[i].src]) return false;
    }
    return !!(doc.querySelector("main") && document.querySelector("main")) && assetList(doc) === assetList(document);
  }
  function apply(doc) {
    var y = window.scrollY;
    document.title = doc.title;
    var lang = doc.documentElement.getAttribute("lang");
    if (lang) document.documentElement.setAttribute("lang", lang);
    document.head.querySelectorAll(HEAD).forEach(function (el) { el.remove(); });
    doc.head.querySelectorAll(HEAD).forEach(function (el) { document.head.appendChild(document.adoptNode(el)); });
    document.querySelector("main").replaceWith(document.adoptNode(doc.querySelector("main")));
    var fresh = doc.querySelector("script[data-sitegen-annotate]");
    var tag = document.querySelector("script[data-sitegen-annotate]");
    if (fresh && tag) tag.setAttribute("data-version", fresh.getAttribute("data-version"));  // the file as saved
    window.scrollTo(window.scrollX, y);
    document.dispatchEvent(new CustomEvent("sitegen:swap"));
    requestAnimationFrame(function () { window.__sitegenLoadedAt = window.__sitegenSwappedAt = Date.now(); });
  }
  function fetched() {
    return fetch(location.pathname + location.search, { cache: "no-store", credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok || !/^text\/html/.test(response.headers.get("Content-Type") || "")) throw new Error("no page");
        return response.text();
      });
  }
  function swap(html) {  // the page's new HTML when the event brought it; else it is fetched
    if (holding("page")) return;
    if (swapping) { swapping.then(function () { swap(html); }); return; }
    swapping = (typeof html === "string" ? Promise.resolve(html) : fetched()).then(function (text) {
      var doc = new DOMParser().parseFromString(text, "text/html");
      if (!swappable(doc)) throw new Error("not swappable");
      apply(doc);
    }).catch(reload).then(function () { swapping = null; });
  }
  function update(kind, html) {  // "page": only this page's HTML changed (`html`, when known); "all": anything else
    if (kind === "page") swap(html); else reload();
  }

  function pathOf(url) {
    try {
      var u = new URL(url, location.href);
      if (u.origin !== location.origin) return null;
      var path = u.pathname.replace(/^\//, "");
      try { return decodeURIComponent(path); } catch (e) { return path; }
    } catch (e) { return null; }
  }
  function used() {  // the output paths this page has loaded: stylesheets, scripts, fonts, images...
    var paths = {};
    performance.getEntriesByType("resource").forEach(function (entry) {
      var path = pathOf(entry.name);
      if (path) paths[path] = true;
    });
    // (a feed or canonical link is no file the page loads)
    document.querySelectorAll("link[href]:not([rel~=alternate]):not([rel~=canonical]), script[src], img[src]").forEach(function (el) {
      var path = pathOf(el.getAttribute("href") || el.getAttribute("src"));
      if (path) paths[path] = true;
    });
    return paths;
  }
  function concerns(changed) {  // false; "page" when only this page's HTML changed; "all"
    if (changed === null) return "all";  // a new server run: anything may have changed
    var uses = null;
    var own = false;
    for (var i = 0; i < changed.length; i++) {
      var path = changed[i];
      if (path === here) { own = true; continue; }
      if (/\.html$/.test(path)) continue;
      uses = uses || used();
      if (uses[path]) return "all";
    }
    return own ? "page" : false;
  }

  function connect() {
    if (source) return;
    source = new EventSource("/__sitegen/events" + (stamp ? "?since=" + encodeURIComponent(stamp) : ""));
    source.addEventListener("hello", function (event) {
      var data = JSON.parse(event.data);
      stamp = data.stamp;
      var cleared = showProblems(data);
      if (building && !/:0$/.test(stamp)) return reload();  // built while this page was on its way
      if (data.changed === null || data.changed.length) {
        var kind = concerns(data.changed);
        if (kind || cleared) update(kind || "all");
      }
    });
    source.addEventListener("build", function (event) {
      window.__sitegenEventAt = Date.now();
      var data = JSON.parse(event.data);
      stamp = data.stamp;
      var cleared = clear();
      var kind = building ? "all" : concerns(data.changed);
      if (kind || (cleared && data.changed.length)) update(kind || "all", data.pages && data.pages[here]);
    });
    source.addEventListener("failure", function (event) {
      var data = JSON.parse(event.data);
      stamp = data.stamp;
      showProblems(data);
    });
  }
  function disconnect() {
    if (source) { source.close(); source = null; }
  }
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden") disconnect(); else connect();
  });
  window.addEventListener("pagehide", disconnect);
  window.addEventListener("pageshow", function (event) { if (event.persisted) connect(); });

  fetch("/__sitegen/status", { cache: "no-store" }).then(function (r) { return r.json(); }).then(function (data) {
    if (!stamp) stamp = data.stamp;
    showProblems(data);
  }).catch(function () { /* the server is gone: nothing to show */ }).then(function () {
    if (document.visibilityState !== "hidden") connect();
  });
})();
