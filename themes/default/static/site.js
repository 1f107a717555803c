/* sitegen default theme: margin notes that fold on narrow screens, and offline search.
   No data from the archive is ever inserted as HTML: only as text nodes. */
(function () {
  "use strict";
  var doc = document.documentElement;
  doc.classList.add("js");
  var root = doc.getAttribute("data-root") || "";
  var wide = window.matchMedia("(min-width: 68rem)");

  /* Notes: collapsed on narrow screens, toggled by their numbered marker. */
  function setupNotes() {
    var refs = document.querySelectorAll("sup.note-ref a[href^='#note-']");
    refs.forEach(function (link) {
      var note = document.getElementById(link.getAttribute("href").slice(1));
      if (!note) return;
      link.setAttribute("aria-controls", note.id);
      function sync() {
        if (wide.matches) { note.classList.remove("collapsed"); link.removeAttribute("aria-expanded"); }
        else if (!link.hasAttribute("aria-expanded")) { note.classList.add("collapsed"); link.setAttribute("aria-expanded", "false"); }
      }
      sync();
      wide.addEventListener("change", function () { link.removeAttribute("aria-expanded"); sync(); });
      link.addEventListener("click", function (event) {
        if (wide.matches) return;
        event.preventDefault();
        var open = link.getAttribute("aria-expanded") === "true";
        link.setAttribute("aria-expanded", open ? "false" : "true");
        note.classList.toggle("collapsed", open);
      });
    });
    var hash = window.location.hash.slice(1);
    if (hash.indexOf("note-") === 0) {
      var target = document.getElementById(hash);
      if (target) target.classList.remove("collapsed");
    }
  }

  /* Search: the index is a script file (works from file://), loaded on first use. */
  var index = null, loading = false, waiting = [];
  function withIndex(callback) {
    if (index) return callback(index);
    waiting.push(callback);
    if (loading) return;
    loading = true;
    var script = document.createElement("script");
    script.src = root + "static/search-index.js";
    script.onload = function () {
      index = (window.SITEGEN_SEARCH || []).map(function (e) {
        return { e: e, hay: (e.t + " " + e.a + " " + e.p + " " + e.g + " " + e.x).toLowerCase() };
      });
      waiting.splice(0).forEach(function (cb) { cb(index); });
    };
    document.head.appendChild(script);
  }
  function terms(query) {
    return query.toLowerCase().split(/\s+/).filter(function (t) { return t.length > 0; });
  }
  function find(entries, query) {
    var words = terms(query);
    if (!words.length) return [];
    var hits = [];
    entries.forEach(function (item) {
      var score = 0;
      for (var i = 0; i < words.length; i++) {
        if (item.hay.indexOf(words[i]) < 0) return;
        if (item.e.t.toLowerCase().indexOf(words[i]) >= 0) score += 3;
        score += 1;
      }
      hits.push({ item: item.e, score: score });
    });
    hits.sort(function (a, b) { return b.score - a.score; });
    return hits.slice(0, 20).map(function (h) { return h.item; });
  }
  function highlighted(text, words) {
    var frag = document.createDocumentFragment();
    var lower = text.toLowerCase(), pos = 0;
    while (pos < text.length) {
      var best = -1, len = 0;
      words.forEach(function (w) {
        var at = lower.indexOf(w, pos);
        if (at >= 0 && (best < 0 || at < best)) { best = at; len = w.length; }
      });
      if (best < 0) { frag.appendChild(document.createTextNode(text.slice(pos))); break; }
      frag.appendChild(document.createTextNode(text.slice(pos, best)));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(best, best + len);
      frag.appendChild(mark);
      pos = best + len;
    }
    return frag;
  }
  function renderHits(box, hits, query) {
    box.textContent = "";
    var words = terms(query);
    if (!hits.length) {
      var none = document.createElement("p");
      none.className = "none";
      none.textContent = "No article matches “" + query + "”.";
      box.appendChild(none);
      return;
    }
    var list = document.createElement("ol");
    hits.forEach(function (entry) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.className = "hit-title";
      a.href = root + entry.u;
      a.appendChild(highlighted(entry.t, words));
      li.appendChild(a);
      var p = document.createElement("p");
      p.className = "hit-snippet";
      p.appendChild(highlighted(entry.x, words));
      li.appendChild(p);
      list.appendChild(li);
    });
    box.appendChild(list);
  }
  function setupSearch() {
    var input = document.getElementById("search-box");
    var box = document.getElementById("search-results");
    if (!input || !box) return;
    function update() {
      var query = input.value.trim();
      if (!query) { box.hidden = true; box.textContent = ""; return; }
      withIndex(function (entries) {
        renderHits(box, find(entries, query), query);
        box.hidden = false;
      });
    }
    input.addEventListener("focus", function () { withIndex(function () {}); });
    input.addEventListener("input", update);
    input.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { input.value = ""; box.hidden = true; }
      if (event.key === "Enter") {
        event.preventDefault();
        var first = box.querySelector("a");
        if (first) first.click();
      }
    });
    var params = new URLSearchParams(window.location.search);
    if (params.get("q")) { input.value = params.get("q"); update(); }
  }

  function start() { setupNotes(); setupSearch(); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
