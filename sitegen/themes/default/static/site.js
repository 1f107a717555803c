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
 *
 * Copy as note: selecting text in an article offers a ready `annotations:` entry for the
 * article's front matter (quote, and prefix/suffix when the quote occurs more than once,
 * chosen as the build's anchoring will read them), copied to the clipboard and shown.
 * Under `sitegen serve`, whose own script writes notes directly, this steps aside.
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

  /* ---- copy as note ------------------------------------------------------------------- */

  /* The text as the build anchors notes in it: without note numbers, notes, footnote marks,
     image alt text or these controls; blocks apart. Whitespace is collapsed by `squash`. */
  var NOT_TEXT = "sup.note-ref, aside.note, sup.footnote-ref, .footnote-backref, .copy-note, .copy-note-offer";
  var BLOCKS = /^(BLOCKQUOTE|DD|DIV|DL|DT|FIGCAPTION|FIGURE|H[1-6]|HR|LI|OL|P|PRE|SECTION|TABLE|TBODY|TD|TH|THEAD|TR|UL)$/;

  function textOf(node) {
    if (node.nodeType === 3) return node.data;
    if (node.nodeType === 1) {
      if (node.matches(NOT_TEXT) || node.tagName === "IMG") return "";
      if (node.tagName === "BR") return "\n";
    } else if (node.nodeType !== 11) {
      return "";
    }
    var out = "";
    for (var child = node.firstChild; child; child = child.nextSibling) out += textOf(child);
    return node.nodeType === 1 && BLOCKS.test(node.tagName) ? "\n" + out + "\n" : out;
  }
  function squash(text) { return text.replace(/\s+/g, " ").replace(/^ | $/g, ""); }
  function nonSpace(text) { return text.replace(/\s+/g, "").length; }
  function sameEnd(a, b) {
    var n = 0;
    while (n < a.length && n < b.length && a.charAt(a.length - 1 - n) === b.charAt(b.length - 1 - n)) n++;
    return n;
  }
  function sameStart(a, b) {
    var n = 0;
    while (n < a.length && n < b.length && a.charAt(n) === b.charAt(n)) n++;
    return n;
  }

  /* The occurrences of `quote` that prefix and suffix point to, scored as the build does. */
  function best(text, starts, length, prefix, suffix) {
    prefix = squash(prefix);
    suffix = squash(suffix);
    var top = -1;
    var found = [];
    starts.forEach(function (s) {
      var score = sameEnd(text.slice(Math.max(0, s - prefix.length - 1), s).replace(/ $/, ""), prefix) +
        sameStart(text.slice(s + length, s + length + suffix.length + 1).replace(/^ /, ""), suffix);
      if (score > top) { top = score; found = [s]; } else if (score === top) found.push(s);
    });
    return found;
  }
  /* About `size` characters of context at whole words (a word cut in two is dropped, unless it is
     the only one, which is then taken whole): the tail of `before`, the head of `after`. */
  function tail(before, size) {
    var start = Math.max(0, before.length - size);
    if (start > 0 && before.charAt(start - 1) !== " ") {
      var space = before.indexOf(" ", start);
      if (space >= 0 && before.slice(space + 1).trim()) start = space + 1;
      else start = before.lastIndexOf(" ", start - 1) + 1;
    }
    return before.slice(start).replace(/^ /, "");
  }
  function head(after, size) {
    var end = Math.min(after.length, size);
    if (end < after.length && after.charAt(end) !== " ") {
      var space = after.lastIndexOf(" ", end - 1);
      if (space > 0 && after.slice(0, space).trim()) end = space;
      else end = after.indexOf(" ", end) < 0 ? after.length : after.indexOf(" ", end);
    }
    return after.slice(0, end).replace(/ $/, "");
  }

  /* {quote, prefix, suffix} for a selection in `body`: prefix/suffix only when the quote repeats. */
  function selector(body, range) {
    var before = document.createRange();
    before.selectNodeContents(body);
    before.setEnd(range.startContainer, range.startOffset);
    var text = squash(textOf(body));
    var quote = squash(textOf(range.cloneContents()));
    var skip = nonSpace(textOf(before.cloneContents()));
    var starts = [];
    for (var at = text.indexOf(quote); at >= 0 && quote; at = text.indexOf(quote, at + 1)) starts.push(at);
    if (starts.length < 2) return { quote: quote };
    var mine = starts.reduce(function (a, b) {  // the occurrence with as much text before it as the selection
      return Math.abs(nonSpace(text.slice(0, b)) - skip) < Math.abs(nonSpace(text.slice(0, a)) - skip) ? b : a;
    });
    var left = text.slice(0, mine);
    var right = text.slice(mine + quote.length);
    for (var size = 16; ; size *= 2) {
      var prefix = tail(left, size);
      var suffix = head(right, size);
      var tries = [[prefix, ""], ["", suffix], [prefix, suffix]];
      for (var i = 0; i < tries.length; i++) {
        if (!tries[i][0] && !tries[i][1]) continue;
        var chosen = best(text, starts, quote.length, tries[i][0], tries[i][1]);
        if (chosen.length === 1 && chosen[0] === mine) return { quote: quote, prefix: tries[i][0], suffix: tries[i][1] };
      }
      if (size >= left.length && size >= right.length) return { quote: quote, prefix: prefix, suffix: suffix };
    }
  }

  /* A YAML double-quoted string (JSON's escapes are YAML's; a few more characters YAML refuses raw). */
  function yamlString(text) {
    return JSON.stringify(text).replace(/[\u007f-\u0084\u0086-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g, function (c) {
      return "\\u" + ("000" + c.charCodeAt(0).toString(16)).slice(-4);
    });
  }
  function snippetFor(sel) {
    var lines = ["  - quote: " + yamlString(sel.quote)];
    if (sel.prefix) lines.push("    prefix: " + yamlString(sel.prefix));
    if (sel.suffix) lines.push("    suffix: " + yamlString(sel.suffix));
    lines.push("    note: \"\"  # your note (Markdown)");
    return lines.join("\n") + "\n";
  }

  function setupCopyAsNote() {
    var body = document.querySelector("article .body");
    if (!body || document.querySelector("script[data-sitegen-annotate]") || !window.getSelection) return;
    var offer = element("button", "copy-note-offer", "Copy as note");
    offer.type = "button";
    offer.hidden = true;
    var panel = element("div", "copy-note");
    panel.setAttribute("role", "status");
    panel.hidden = true;
    var said = element("p", "copy-note-said");
    var shown = element("pre", "copy-note-snippet");
    var done = element("button", "copy-note-close", "Close");
    done.type = "button";
    panel.appendChild(said);
    panel.appendChild(shown);
    panel.appendChild(done);
    document.body.appendChild(offer);
    document.body.appendChild(panel);

    function current() {
      var selection = window.getSelection();
      if (!selection.rangeCount || selection.isCollapsed) return null;
      var range = selection.getRangeAt(0);
      var common = range.commonAncestorContainer;
      if (!body.contains(common) || (common.nodeType === 1 ? common : common.parentElement).closest(NOT_TEXT)) return null;
      return squash(textOf(range.cloneContents())) ? range : null;  // (a selection within a note is not the text)
    }
    var timer = null;
    document.addEventListener("selectionchange", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var range = current();
        if (!range) { offer.hidden = true; return; }
        var rects = range.getClientRects();
        var last = rects.length ? rects[rects.length - 1] : range.getBoundingClientRect();
        offer.style.left = Math.max(4, Math.min(last.right + window.scrollX - 40,
          document.documentElement.clientWidth + window.scrollX - 140)) + "px";
        offer.style.top = (last.bottom + window.scrollY + 8) + "px";
        offer.hidden = false;
      }, 120);
    });
    offer.addEventListener("mousedown", function (event) { event.preventDefault(); });
    offer.addEventListener("click", function () {
      var range = current();
      if (!range) return;
      var snippet = snippetFor(selector(body, range));
      shown.textContent = snippet;
      said.textContent = "Add this under annotations: in the article's front matter.";
      panel.hidden = false;
      offer.hidden = true;
      function selectSnippet() {
        var all = document.createRange();
        all.selectNodeContents(shown);
        window.getSelection().removeAllRanges();
        window.getSelection().addRange(all);
      }
      var copied = navigator.clipboard && navigator.clipboard.writeText ? navigator.clipboard.writeText(snippet)
        : Promise.reject(new Error("no clipboard"));
      copied.then(function () {
        said.textContent = "Copied. Paste it under annotations: in the article's front matter.";
      }, function () {
        selectSnippet();
        said.textContent = "Press Ctrl+C (⌘C) to copy it, then paste it under annotations: in the front matter.";
      });
    });
    done.addEventListener("click", function () { panel.hidden = true; });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && !panel.hidden) panel.hidden = true;
    });
  }

  function start() {
    setupNotes();
    setupSearch();
    setupCopyAsNote();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
