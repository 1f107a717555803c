/* sitegen default theme: notes that fold on narrow screens, and search that works offline.
 *
 * Notes: on wide screens the CSS puts every note in the margin. On narrow ones each note
 * is folded under its paragraph and its numbered reference opens and closes it (without
 * this script the reference simply jumps to the note).
 *
 * Search: full text (titles, people, tags, bodies and notes). The index is scripts under
 * search/ (a manifest, term shards, one file per article), not JSON files, so it also loads
 * from file:// where fetch() is refused; a query loads only the shards of its words and the
 * articles it shows. Text from the index is only ever inserted with textContent, never as HTML.
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
  var PAGE_HITS = 20;  // results the search page shows at a time

  function onChange(query, callback) {
    if (query.addEventListener) query.addEventListener("change", callback);
    else if (query.addListener) query.addListener(callback);
  }

  /* What setting up an article did outside it (listeners on window and document, elements added to
     the body): undone when `sitegen serve` swaps in a new version of the page (the `sitegen:swap`
     event), before it is set up again. */
  var undo = [];
  function listen(target, type, callback) {
    if (target === WIDE) onChange(WIDE, callback); else target.addEventListener(type, callback);
    undo.push(function () {
      if (target.removeEventListener) target.removeEventListener(type, callback); else target.removeListener(callback);
    });
  }
  function added(node) {
    document.body.appendChild(node);
    undo.push(function () { node.remove(); });
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
    listen(window, "load", align);
    listen(window, "resize", align);
    function openFromHash() {
      var found = /^#(?:hl|note|ref)-(\d+)$/.exec(window.location.hash);
      if (!found) return;
      pairs.forEach(function (pair) {
        if (pair.note.id === "note-" + found[1]) show(pair, true);
      });
    }
    openFromHash();
    layout();
    listen(WIDE, "change", layout);
    listen(window, "hashchange", openFromHash);
  }

  /* ---- search: the index, loaded a few scripts at a time ------------------------------ */

  /* The index (built by sitegen.search.index) is scripts under search/: manifest.js lists the
     term shards (key, file, bytes); terms/<key>.js holds the postings of the words starting with
     its key; docs/<n>.js one article's title, link, people, text and notes. Each calls back
     into window.SITEGEN_SEARCH. A query loads the manifest once, the shards of its words and
     the documents of the results shown: never the whole index. */
  var SEARCH_FOLDER = root + "search/";
  var PREFIX_BYTES = 400000;  // the most a word being typed may load to be completed as a prefix
  var PREFIX_TERMS = 64;  // the most words one prefix stands for (the most frequent)
  var LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  var CODE = new Int8Array(128);
  for (var c = 0; c < LETTERS.length; c++) CODE[LETTERS.charCodeAt(c)] = c;

  var store = { manifest: null, keys: {}, shards: {}, docs: {}, decoded: {}, scripts: {} };
  window.SITEGEN_SEARCH = {
    manifest: function (m) {
      store.manifest = m;
      store.stop = {};
      m.stopwords.forEach(function (w) { store.stop[w] = true; });
      m.shards.forEach(function (s) { store.keys[s[0]] = { file: s[1], bytes: s[2] }; });
    },
    shard: function (key, terms) { store.shards[key] = terms; },
    doc: function (n, record) { store.docs[n] = record; }
  };

  function script(path) {
    if (!store.scripts[path]) {
      store.scripts[path] = new Promise(function (resolve, reject) {
        var tag = document.createElement("script");
        tag.src = SEARCH_FOLDER + path;
        tag.async = true;
        tag.onload = function () { resolve(); };
        tag.onerror = function () { delete store.scripts[path]; tag.remove(); reject(new Error(path)); };
        document.head.appendChild(tag);
      });
    }
    return store.scripts[path];
  }

  function manifest() { return script("manifest.js").then(function () { return store.manifest; }); }

  /* Lower case without accents, so "resume" finds "Résumé" (as sitegen.search.index.fold). */
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

  var SPLIT = /[^\p{L}\p{N}]+/u;

  /* The words of a query; the last one is also a prefix while it is being typed. */
  function parse(query) {
    var seen = {};
    var words = fold(query).split(SPLIT).filter(function (w) {
      if (!w || seen[w]) return false;
      seen[w] = true;
      return true;
    }).map(function (w) { return w.slice(0, 32); });
    var typing = words.length > 0 && !SPLIT.test(query.slice(-1));
    return { words: words, prefix: typing ? words[words.length - 1] : null };
  }

  /* The shard a word lives in: the longest key that starts it. */
  function shardOf(word) {
    for (var n = word.length; n >= 0; n--) {
      if (store.keys.hasOwnProperty(word.slice(0, n))) return word.slice(0, n);
    }
    return null;
  }

  /* The shards that hold every word starting with `prefix`, or null when they are too big. */
  function shardsUnder(prefix) {
    var keys = [];
    var bytes = 0;
    var own = shardOf(prefix);
    if (own !== null) { keys.push(own); bytes += store.keys[own].bytes; }
    Object.keys(store.keys).forEach(function (key) {
      if (key.length > prefix.length && key.lastIndexOf(prefix, 0) === 0) {
        keys.push(key);
        bytes += store.keys[key].bytes;
      }
    });
    return bytes <= PREFIX_BYTES ? keys : null;
  }

  function loadShards(keys) {
    return Promise.all(keys.map(function (key) { return script(store.keys[key].file); }));
  }

  /* A term's postings: ascending document numbers, each with its weight (1-62). */
  function decode(term, encoded) {
    if (store.decoded[term]) return store.decoded[term];
    var ids = new Int32Array(encoded.length >> 1);  // each posting takes two letters at least
    var weights = new Uint8Array(ids.length);
    var n = 0;
    var previous = -1;
    var i = 0;
    while (i < encoded.length) {
      var value = 0;
      var scale = 1;
      var letter;
      do {
        letter = CODE[encoded.charCodeAt(i++)];
        value += (letter & 31) * scale;
        scale *= 32;
      } while (letter & 32);
      previous += value;
      ids[n] = previous;
      weights[n++] = CODE[encoded.charCodeAt(i++)];
    }
    return (store.decoded[term] = { ids: ids.subarray(0, n), weights: weights.subarray(0, n) });
  }

  function postings(term) {
    var key = shardOf(term);
    var entry = key !== null && store.shards[key] && store.shards[key][term];
    return entry ? decode(term, entry[1]) : { ids: new Int32Array(0), weights: new Uint8Array(0) };
  }

  /* The documents of every word starting with `prefix` (the most frequent PREFIX_TERMS words),
     as one list with the best weight per document. */
  function prefixPostings(prefix, keys) {
    var terms = [];
    keys.forEach(function (key) {
      var shard = store.shards[key] || {};
      Object.keys(shard).forEach(function (term) {
        if (term.lastIndexOf(prefix, 0) === 0) terms.push([shard[term][0], term]);
      });
    });
    terms.sort(function (a, b) { return b[0] - a[0] || (a[1] < b[1] ? -1 : 1); });
    var lists = terms.slice(0, PREFIX_TERMS).map(function (t) { return postings(t[1]); });
    var size = 0;  // one past the highest document number
    lists.forEach(function (list) { if (list.ids.length) size = Math.max(size, list.ids[list.ids.length - 1] + 1); });
    var best = new Uint8Array(size);  // weights are 1-62; 0: not found
    lists.forEach(function (list) {
      for (var i = 0; i < list.ids.length; i++) {
        if (best[list.ids[i]] < list.weights[i]) best[list.ids[i]] = list.weights[i];
      }
    });
    var count = 0;
    for (var n = 0; n < size; n++) if (best[n]) count++;
    var ids = new Int32Array(count);
    var weights = new Uint8Array(count);
    for (var m = 0, k = 0; m < size; m++) if (best[m]) { ids[k] = m; weights[k++] = best[m]; }
    return { ids: ids, weights: weights };
  }

  /* Every document holding all words (the last may be a prefix), best first: BM25, whose
     term weights the index holds, times each word's inverse document frequency. */
  function rank(lists, total) {
    if (!lists.length || lists.some(function (l) { return !l.ids.length; })) return new Ranked([], []);
    lists.sort(function (a, b) { return a.ids.length - b.ids.length; });
    var idf = lists.map(function (l) { return Math.log(1 + (total - l.ids.length + 0.5) / (l.ids.length + 0.5)); });
    var at = lists.map(function () { return 0; });
    var hits = [];
    var scores = [];
    var first = lists[0];
    for (var i = 0; i < first.ids.length; i++) {
      var id = first.ids[i];
      var score = idf[0] * first.weights[i];
      var all = true;
      for (var k = 1; k < lists.length && all; k++) {
        var ids = lists[k].ids;
        while (at[k] < ids.length && ids[at[k]] < id) at[k]++;
        if (ids[at[k]] === id) score += idf[k] * lists[k].weights[at[k]];
        else all = false;
      }
      if (all) { hits.push(id); scores.push(score); }
    }
    return new Ranked(hits, scores);
  }

  /* Matches best first (score, then the newer document), put in order only as far as asked:
     `slice(a, b)` finds the best b in one pass when b is small, and sorts them all once b
     reaches a quarter of them, so the first results of 100,000 matches need no full sort. */
  function Ranked(ids, scores) {
    this.length = ids.length;
    this.ids = ids;
    this.scores = scores;
    this.top = [];
  }
  Ranked.prototype.better = function (i, j) {
    return this.scores[i] > this.scores[j] || (this.scores[i] === this.scores[j] && this.ids[i] > this.ids[j]);
  };
  Ranked.prototype.slice = function (a, b) {
    b = Math.min(b === undefined ? this.length : b, this.length);
    if (this.top.length < b) {
      var self = this;
      var order;
      if (b * 4 >= this.length) {
        order = this.ids.map(function (_, i) { return i; });
        order.sort(function (i, j) { return self.better(i, j) ? -1 : self.better(j, i) ? 1 : 0; });
      } else {
        order = [];  // the best b so far, best first
        for (var i = 0; i < this.length; i++) {
          if (order.length === b) {
            if (!this.better(i, order[b - 1])) continue;
            order.pop();
          }
          var at = order.length;
          while (at > 0 && this.better(i, order[at - 1])) at--;
          order.splice(at, 0, i);
        }
      }
      this.top = order.map(function (i) { return self.ids[i]; });
    }
    return this.top.slice(a, b);
  };

  /* Search: a promise of { ids (every match, best first), words (to highlight) }. */
  function search(query) {
    return manifest().then(function (m) {
      var parsed = parse(query);
      var words = parsed.words.filter(function (w) { return !store.stop[w] || w === parsed.prefix; });
      if (!words.length) return { ids: [], words: parsed.words };
      var prefixKeys = parsed.prefix !== null && words.indexOf(parsed.prefix) >= 0 ? shardsUnder(parsed.prefix) : null;
      var keys = {};
      words.forEach(function (w) { var k = shardOf(w); if (k !== null) keys[k] = true; });
      (prefixKeys || []).forEach(function (k) { keys[k] = true; });
      return loadShards(Object.keys(keys)).then(function () {
        var lists = words.map(function (w) {
          return w === parsed.prefix && prefixKeys ? prefixPostings(w, prefixKeys) : postings(w);
        });
        return { ids: rank(lists, m.docs), words: words };
      });
    });
  }

  /* The documents numbered `ids`, loaded. */
  function documents(ids) {
    return Promise.all(ids.map(function (id) { return script("docs/" + id + ".js"); })).then(function () {
      return ids.map(function (id) { return store.docs[id]; });
    });
  }

  /* ---- search: showing results (DOM nodes and textContent only) ----------------------- */

  function startsWord(haystack, at) {
    return at === 0 || !/[\p{L}\p{N}]/u.test(haystack.charAt(at - 1));
  }

  /* Where a word starts in `haystack` at or after `from` (a whole word, or its start). */
  function find(haystack, word, from) {
    var at = haystack.indexOf(word, from || 0);
    while (at >= 0 && !startsWord(haystack, at)) at = haystack.indexOf(word, at + 1);
    return at;
  }

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

  /* About `size` characters of `text` around the first word found, or null when none is. */
  function around(text, words, size) {
    var folded = fold(text);
    var first = -1;
    words.forEach(function (w) {
      var at = find(folded, w);
      if (at >= 0 && (first < 0 || at < first)) first = at;
    });
    if (first < 0) return null;
    if (folded.length !== text.length) first = foldWithMap(text).map[first];  // folding changed lengths
    var start = Math.max(0, first - Math.floor(size / 3));
    if (start > 0) {
      var space = text.indexOf(" ", start);
      start = space >= 0 && space < first ? space + 1 : first;
    }
    var end = Math.min(text.length, start + size);
    if (end < text.length) {
      var cut = text.lastIndexOf(" ", end);
      if (cut > first) end = cut;
    }
    return (start > 0 ? "…" : "") + text.slice(start, end) + (end < text.length ? "…" : "");
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function hitList(records, words, size) {
    var list = element("ol", "hits");
    records.forEach(function (r) {
      var li = document.createElement("li");
      var a = element("a", "hit");
      a.href = root + r.u;
      var title = element("span", "hit-title");
      title.appendChild(highlighted(r.t || "", words));
      a.appendChild(title);
      var tags = (r.g || []).map(function (t) { return "#" + t; }).join(" ");
      var who = [(r.p || []).join(", "), tags].filter(Boolean).join(" · ");
      if (who) {
        var meta = element("span", "hit-meta");
        meta.appendChild(highlighted(who, words));
        a.appendChild(meta);
      }
      var text = r.x || "";
      var inText = around(text, words, size);
      var inNote = null;
      if (inText === null) {
        (r.n || []).some(function (note) { inNote = around(note, words, size); return inNote !== null; });
      }
      if (inNote !== null) {
        var note = element("span", "hit-snippet hit-note");
        note.appendChild(element("span", "hit-note-label", "Note: "));
        note.appendChild(highlighted(inNote, words));
        a.appendChild(note);
      } else if (inText !== null || text) {
        var snippet = element("span", "hit-snippet");
        var shown = inText !== null ? inText : text.slice(0, size) + (text.length > size ? "…" : "");
        snippet.appendChild(highlighted(shown, words));
        a.appendChild(snippet);
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
    var asked = 0;  // the number of the latest query: an older one's answer arriving late is dropped

    function say(text) { if (status) status.textContent = text; }
    function close() { box.hidden = true; }
    function unavailable() {
      var where = page || box;
      where.textContent = "";
      where.appendChild(element("p", "search-none", "The search index could not be loaded."));
      if (!page) box.hidden = false;
    }

    function showDropdown(query, found, records) {
      box.textContent = "";
      if (!found.ids.length) {
        box.appendChild(element("p", "search-none", "No article matches “" + query + "”."));
      } else {
        box.appendChild(hitList(records, found.words, store.manifest.snippet));
        if (found.ids.length > DROPDOWN_HITS && searchPage) {
          var more = element("a", "search-more", "All " + plural(found.ids.length) + " →");
          more.href = searchPage + "?q=" + encodeURIComponent(query);
          box.appendChild(more);
        }
      }
      box.hidden = false;
    }

    function showPage(query, found, records, mine) {
      page.textContent = "";
      if (pageStatus) {
        pageStatus.textContent = query ? (found.ids.length ? plural(found.ids.length) + " for “" + query + "”"
          : "No article matches “" + query + "”.") : "Type in the search box to search the archive.";
      }
      if (!records.length) return;
      page.appendChild(hitList(records, found.words, store.manifest.snippet));
      if (found.ids.length > records.length) {
        var more = element("button", "search-more", "Show more");
        more.type = "button";
        more.addEventListener("click", function () {
          var next = found.ids.slice(records.length, records.length + PAGE_HITS);
          documents(next).then(function (added) {
            if (mine !== asked) return;
            showPage(query, found, records.concat(added), mine);
          }, unavailable);
        });
        page.appendChild(more);
      }
    }

    function update() {
      var query = input.value.trim();
      var mine = ++asked;
      if (!query) {
        close();
        say("");
        if (page) showPage("", { ids: [], words: [] }, [], mine);
        return;
      }
      search(input.value).then(function (found) {
        if (mine !== asked) return null;
        return documents(found.ids.slice(0, page ? PAGE_HITS : DROPDOWN_HITS)).then(function (records) {
          if (mine !== asked) return;
          say(found.ids.length ? plural(found.ids.length) + " found" : "No results");
          if (page) showPage(query, found, records, mine);
          else showDropdown(query, found, records);
        });
      }).catch(function () { if (mine === asked) unavailable(); });
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

    input.addEventListener("focus", function () { manifest().catch(function () {}); });
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
    added(offer);
    added(panel);

    function current() {
      var selection = window.getSelection();
      if (!selection.rangeCount || selection.isCollapsed) return null;
      var range = selection.getRangeAt(0);
      var common = range.commonAncestorContainer;
      if (!body.contains(common) || (common.nodeType === 1 ? common : common.parentElement).closest(NOT_TEXT)) return null;
      return squash(textOf(range.cloneContents())) ? range : null;  // (a selection within a note is not the text)
    }
    var timer = null;
    listen(document, "selectionchange", function () {
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
    listen(document, "keydown", function (event) {
      if (event.key === "Escape" && !panel.hidden) panel.hidden = true;
    });
  }

  function start() {
    setupNotes();
    setupSearch();
    setupCopyAsNote();
  }
  document.addEventListener("sitegen:swap", function () {
    undo.splice(0).forEach(function (step) { step(); });
    setupNotes();
    setupCopyAsNote();
  });
  // `sitegen serve` may swap this page in place: the listener above sets it up again (not the search
  // page, whose results this script draws into it)
  if (document.currentScript && !document.getElementById("search-page")) {
    (window.sitegenSwapReady = window.sitegenSwapReady || {})[document.currentScript.src] = true;
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
