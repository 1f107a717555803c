/* sitegen default theme: notes that fold on narrow screens, and search that works offline.
 *
 * Notes: on wide screens the CSS puts every note in the margin. On narrow ones each note
 * is folded under its paragraph and its numbered reference opens and closes it (without
 * this script the reference simply jumps to the note).
 *
 * Search: the index is a script (static/search-index.js, setting window.SITEGEN_SEARCH),
 * not a JSON file, so it also loads from file:// where fetch() is refused. It is loaded
 * only when the reader first uses the search box. Text from the index is only ever
 * inserted with textContent, never as HTML.
 */
(function () {
  "use strict";

  var html = document.documentElement;
  html.classList.add("js");
  var root = html.getAttribute("data-root") || "";
  var WIDE = window.matchMedia("(min-width: 1100px)");
  var DROPDOWN_HITS = 8;

  function onChange(query, callback) {
    if (query.addEventListener) query.addEventListener("change", callback);
    else if (query.addListener) query.addListener(callback);
  }

  /* ---- notes ------------------------------------------------------------------------- */

  function setupNotes() {
    var pairs = [];
    var refs = document.querySelectorAll("sup.note-ref a[href^='#note-']");
    Array.prototype.forEach.call(refs, function (ref) {
      var note = document.getElementById(ref.getAttribute("href").slice(1));
      if (!note || note.tagName !== "ASIDE") return;
      var pair = { ref: ref, note: note, open: false };
      ref.setAttribute("aria-controls", note.id);
      ref.addEventListener("click", function (event) {
        if (WIDE.matches) return;
        event.preventDefault();
        show(pair, !pair.open);
      });
      pairs.push(pair);
    });
    if (!pairs.length) return;

    function show(pair, open) {
      pair.open = open;
      if (WIDE.matches) {
        pair.note.classList.remove("collapsed");
        pair.ref.removeAttribute("aria-expanded");
      } else {
        pair.note.classList.toggle("collapsed", !open);
        pair.ref.setAttribute("aria-expanded", open ? "true" : "false");
      }
    }
    function layout() {
      pairs.forEach(function (pair) { show(pair, pair.open); });
      align();
    }
    /* On wide screens, line each margin note up with its highlight (CSS alone can only put it
       beside the end of its paragraph), pushing a note down when the one above would overlap. */
    function align() {
      var bottom = -Infinity;
      pairs.forEach(function (pair) {
        var note = pair.note;
        note.style.top = "";
        if (!WIDE.matches) return;
        var mark = document.getElementById(note.id.replace(/^note-/, "hl-")) || pair.ref;
        var natural = note.getBoundingClientRect().top + window.scrollY;
        var wanted = Math.max(mark.getBoundingClientRect().top + window.scrollY, bottom + 8);
        note.style.top = (wanted - natural) + "px";
        bottom = wanted + note.getBoundingClientRect().height;
      });
    }
    window.addEventListener("load", align);
    window.addEventListener("resize", align);
    function openFromHash() {
      var found = /^#(?:hl|note|ref)-(\d+)$/.exec(window.location.hash);
      if (!found) return;
      pairs.forEach(function (pair) {
        if (pair.note.id === "note-" + found[1]) show(pair, true);
      });
    }
    openFromHash();
    layout();
    onChange(WIDE, layout);
    window.addEventListener("hashchange", openFromHash);
  }

  /* ---- search: loading and matching -------------------------------------------------- */

  var entries = null;
  var loading = false;
  var waiting = [];

  function withIndex(callback, failed) {
    if (entries) return callback(entries);
    waiting.push({ ok: callback, failed: failed });
    if (loading) return;
    loading = true;
    var script = document.createElement("script");
    script.src = root + "static/search-index.js";
    script.async = true;
    script.onload = function () {
      entries = (window.SITEGEN_SEARCH || []).map(prepare);
      waiting.splice(0).forEach(function (w) { w.ok(entries); });
    };
    script.onerror = function () {
      loading = false;
      waiting.splice(0).forEach(function (w) { if (w.failed) w.failed(); });
    };
    document.head.appendChild(script);
  }

  /* Lower case without accents, so "resume" finds "Résumé". */
  function fold(text) {
    return text.normalize ? text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase() : text.toLowerCase();
  }

  /* The folded text and, for each of its code units, the index of the original character. */
  function foldWithMap(text) {
    var folded = "";
    var map = [];
    for (var i = 0; i < text.length; i++) {
      var piece = fold(text.charAt(i));
      for (var j = 0; j < piece.length; j++) map.push(i);
      folded += piece;
    }
    map.push(text.length);
    return { text: folded, map: map };
  }

  function prepare(record) {
    var item = {
      title: record.t || "", url: record.u || "", authors: record.a || "", publisher: record.p || "",
      tags: record.g || "", text: record.x || ""
    };
    item.foldedTitle = fold(item.title);
    item.foldedPeople = fold(item.authors + " " + item.publisher + " " + item.tags);
    item.foldedText = fold(item.text);
    return item;
  }

  function terms(query) {
    var seen = {};
    return fold(query).split(/[\s,;:!?"“”„«»()]+/).filter(function (t) {
      if (!t || seen[t]) return false;
      seen[t] = true;
      return true;
    });
  }

  function startsWord(haystack, at) {
    return at === 0 || /[\s\-–—'’"(\[\/.,:;#]/.test(haystack.charAt(at - 1));
  }

  /* Where `word` occurs in `haystack` from `from` on; a word of one or two letters only
     counts at the start of a word (so "a" does not match every article). */
  function find(haystack, word, from) {
    var at = haystack.indexOf(word, from || 0);
    if (word.length > 2) return at;
    while (at >= 0 && !startsWord(haystack, at)) at = haystack.indexOf(word, at + 1);
    return at;
  }

  function score(item, words) {
    var total = 0;
    for (var i = 0; i < words.length; i++) {
      var w = words[i];
      var inTitle = find(item.foldedTitle, w);
      var inPeople = find(item.foldedPeople, w);
      var inText = find(item.foldedText, w);
      if (inTitle < 0 && inPeople < 0 && inText < 0) return 0;
      if (inTitle >= 0) total += startsWord(item.foldedTitle, inTitle) ? 12 : 6;
      if (inPeople >= 0) total += startsWord(item.foldedPeople, inPeople) ? 6 : 3;
      if (inText >= 0) total += 1;
    }
    return total;
  }

  function search(all, query) {
    var words = terms(query);
    if (!words.length) return [];
    var hits = [];
    all.forEach(function (item, order) {
      var s = score(item, words);
      if (s > 0) hits.push({ item: item, score: s, order: order });
    });
    hits.sort(function (a, b) { return b.score - a.score || a.order - b.order; });
    return hits.map(function (h) { return h.item; });
  }

  /* ---- search: showing results (DOM nodes and textContent only) ----------------------- */

  function highlighted(text, words) {
    var fragment = document.createDocumentFragment();
    var folded = foldWithMap(text);
    var pos = 0;
    while (pos < folded.text.length) {
      var best = -1;
      var length = 0;
      words.forEach(function (w) {
        var at = find(folded.text, w, pos);
        if (at >= 0 && (best < 0 || at < best || (at === best && w.length > length))) { best = at; length = w.length; }
      });
      if (best < 0) break;
      var start = folded.map[best];
      var end = folded.map[best + length];
      var before = text.slice(folded.map[pos], start);
      if (before) fragment.appendChild(document.createTextNode(before));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(start, end);
      fragment.appendChild(mark);
      pos = best + length;
    }
    var rest = text.slice(folded.map[pos]);
    if (rest) fragment.appendChild(document.createTextNode(rest));
    return fragment;
  }

  /* A snippet of the text around the first match. */
  function snippet(text, words) {
    var folded = fold(text);
    var first = -1;
    words.forEach(function (w) {
      var at = find(folded, w);
      if (at >= 0 && (first < 0 || at < first)) first = at;
    });
    if (first <= 60) return text;
    var cut = text.indexOf(" ", first - 40);
    return "…" + text.slice(cut >= 0 && cut < first ? cut + 1 : first);
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function hitList(hits, words) {
    var list = element("ol", "hits");
    hits.forEach(function (item) {
      var li = document.createElement("li");
      var a = element("a", "hit");
      a.href = root + item.url;
      var title = element("span", "hit-title");
      title.appendChild(highlighted(item.title, words));
      a.appendChild(title);
      var tags = item.tags ? item.tags.split(" ").map(function (t) { return "#" + t; }).join(" ") : "";
      var who = [item.authors, item.publisher, tags].filter(Boolean).join(" · ");
      if (who) {
        var meta = element("span", "hit-meta");
        meta.appendChild(highlighted(who, words));
        a.appendChild(meta);
      }
      if (item.text) {
        var text = element("span", "hit-snippet");
        text.appendChild(highlighted(snippet(item.text, words), words));
        a.appendChild(text);
      }
      li.appendChild(a);
      list.appendChild(li);
    });
    return list;
  }

  function plural(n) { return n + (n === 1 ? " article" : " articles"); }

  function setupSearch() {
    var form = document.querySelector("form.search");
    var input = document.getElementById("search-box");
    var box = document.getElementById("search-results");
    var status = document.getElementById("search-status");
    if (!form || !input || !box) return;
    var page = document.getElementById("search-page-results");
    var pageStatus = document.getElementById("search-page-status");
    var searchPage = form.getAttribute("action") || "";

    function say(text) { if (status) status.textContent = text; }
    function close() { box.hidden = true; }
    function unavailable() {
      box.textContent = "";
      box.appendChild(element("p", "search-none", "The search index could not be loaded."));
      box.hidden = false;
    }

    function showDropdown(query, hits, words) {
      box.textContent = "";
      if (!hits.length) {
        box.appendChild(element("p", "search-none", "No article matches “" + query + "”."));
      } else {
        box.appendChild(hitList(hits.slice(0, DROPDOWN_HITS), words));
        if (hits.length > DROPDOWN_HITS && searchPage) {
          var more = element("a", "search-more", "All " + plural(hits.length) + " →");
          more.href = searchPage + "?q=" + encodeURIComponent(query);
          box.appendChild(more);
        }
      }
      box.hidden = false;
    }

    function showPage(query, hits, words) {
      page.textContent = "";
      if (pageStatus) {
        pageStatus.textContent = query ? (hits.length ? plural(hits.length) + " for “" + query + "”"
          : "No article matches “" + query + "”.") : "Type in the search box to search the archive.";
      }
      if (hits.length) page.appendChild(hitList(hits, words));
    }

    function update() {
      var query = input.value.trim();
      if (!query) {
        close();
        say("");
        if (page) showPage("", [], []);
        return;
      }
      withIndex(function (all) {
        if (input.value.trim() !== query) return;  // the reader typed on meanwhile
        var words = terms(query);
        var hits = search(all, query);
        say(hits.length ? plural(hits.length) + " found" : "No results");
        if (page) showPage(query, hits, words);
        else showDropdown(query, hits, words);
      }, unavailable);
    }

    function links() { return Array.prototype.slice.call(box.querySelectorAll("a")); }
    function move(step) {
      var all = links();
      if (!all.length) return;
      var at = all.indexOf(document.activeElement);
      var next = at + step;
      if (next < 0) { input.focus(); return; }
      all[Math.min(next, all.length - 1)].focus();
    }

    input.addEventListener("focus", function () { withIndex(function () {}); });
    input.addEventListener("input", update);
    form.addEventListener("keydown", function (event) {
      if (event.key === "Escape") {
        if (!box.hidden) { close(); input.focus(); event.preventDefault(); }
      } else if (event.key === "ArrowDown" && !box.hidden) {
        move(1);
        event.preventDefault();
      } else if (event.key === "ArrowUp" && !box.hidden) {
        move(-1);
        event.preventDefault();
      }
    });
    form.addEventListener("submit", function (event) {
      if (page) { event.preventDefault(); update(); }
    });
    document.addEventListener("click", function (event) {
      if (!form.contains(event.target)) close();
    });
    form.addEventListener("focusout", function (event) {
      if (event.relatedTarget && !form.contains(event.relatedTarget)) close();
    });

    var params = new URLSearchParams(window.location.search);
    var initial = params.get("q");
    if (initial && page) {
      input.value = initial;
      update();
    }
  }

  function start() {
    setupNotes();
    setupSearch();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
