/* sitegen serve: annotate while reading.
   Served only by `sitegen serve` on loopback, which adds the script tag (with the
   run's token, the page and the version of its article file) to article pages it
   sends; never written into a built site. Selecting text in the article offers
   "Annotate" (or Alt+Shift+A); each note gets "Edit" and "Delete". The server writes the article's
   front matter and refuses a file changed on disk since the page was loaded; the
   page then reloads through live reload, which waits while a note is being
   written here. When live reload swaps a new version of the page in place
   (`sitegen:swap`), the new article and its notes are taken up, with the file
   version the new page was served with. No inline styles or handlers (a strict
   CSP may apply); text from the page or the server is only ever set with textContent. */
(function () {
  "use strict";
  var tag = document.querySelector("script[data-sitegen-annotate]");
  var body = document.querySelector("article .body");
  if (!tag || !body) return;
  var token = tag.getAttribute("data-token");
  var page = tag.getAttribute("data-page");
  var version = tag.getAttribute("data-version");
  var endpoint = tag.getAttribute("data-endpoint");
  var CONTEXT = 200;

  if (!document.querySelector("link[data-sitegen-annotate-css]")) {
    var sheet = document.createElement("link");
    sheet.rel = "stylesheet";
    sheet.href = tag.getAttribute("data-stylesheet");
    document.head.appendChild(sheet);
  }

  /* ---- the text as anchoring sees it: no note numbers, notes, footnote marks or our own UI ---- */
  var SKIP = "sup.note-ref, aside.note, sup.footnote-ref, .footnote-backref, .sitegen-ui";
  var BLOCK = /^(ADDRESS|ARTICLE|ASIDE|BLOCKQUOTE|DD|DIV|DL|DT|FIGCAPTION|FIGURE|H[1-6]|HR|LI|OL|P|PRE|SECTION|TABLE|TBODY|TD|TH|THEAD|TR|UL)$/;

  function textOf(node) {
    if (node.nodeType === 3) return node.data;
    if (node.nodeType === 1) {
      if (node.matches(SKIP) || node.tagName === "IMG") return "";
      if (node.tagName === "BR") return "\n";
    } else if (node.nodeType !== 11) {
      return "";
    }
    var out = "";
    for (var child = node.firstChild; child; child = child.nextSibling) out += textOf(child);
    return node.nodeType === 1 && BLOCK.test(node.tagName) ? "\n" + out + "\n" : out;
  }

  function chars(text) { return Array.from(text); }

  /* What the server needs to find the selection: its text, some text around it, its position. */
  function describe(range) {
    var pre = document.createRange();
    pre.selectNodeContents(body);
    pre.setEnd(range.startContainer, range.startOffset);
    var post = document.createRange();
    post.selectNodeContents(body);
    post.setStart(range.endContainer, range.endOffset);
    var before = chars(textOf(pre.cloneContents()));
    var after = chars(textOf(post.cloneContents()));
    return {
      quote: textOf(range.cloneContents()),
      before: before.slice(-CONTEXT).join(""),
      after: after.slice(0, CONTEXT).join(""),
      position: chars(before.join("").replace(/\s+/g, "")).length
    };
  }

  function selected() {
    var selection = window.getSelection();
    if (!selection || !selection.rangeCount || selection.isCollapsed) return null;
    var range = selection.getRangeAt(0);
    var common = range.commonAncestorContainer;
    if (!body.contains(common) || (common.nodeType === 1 ? common : common.parentElement).closest(SKIP)) return null;
    return textOf(range.cloneContents()).trim() ? range : null;  // (a selection within a note is not the text)
  }

  function element(name, className, text) {
    var node = document.createElement(name);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }
  function button(className, text) {
    var node = element("button", className, text);
    node.type = "button";
    return node;
  }

  /* ---- the "Annotate" button beside a selection ---- */
  var offer = button("sitegen-ui sitegen-annotate-offer", "Annotate");
  offer.setAttribute("aria-keyshortcuts", "Alt+Shift+A");
  offer.title = "Annotate the selected text (Alt+Shift+A)";
  offer.hidden = true;
  document.body.appendChild(offer);
  var pending = null;

  function place() {
    var range = editor.hidden ? selected() : null;
    if (!range) { offer.hidden = true; return; }
    var rects = range.getClientRects();
    var last = rects.length ? rects[rects.length - 1] : range.getBoundingClientRect();
    offer.style.left = Math.max(4, Math.min(last.right + window.scrollX - 40,
      document.documentElement.clientWidth + window.scrollX - 120)) + "px";
    offer.style.top = (last.bottom + window.scrollY + 8) + "px";
    offer.hidden = false;
  }
  var timer = null;
  document.addEventListener("selectionchange", function () {
    clearTimeout(timer);
    timer = setTimeout(place, 120);
  });
  offer.addEventListener("mousedown", function (event) { event.preventDefault(); });  // keep the selection
  function annotate() {
    var range = selected();
    if (!range) return false;
    pending = describe(range);
    offer.hidden = true;
    open("add", 0, pending.quote, "", []);
    return true;
  }
  offer.addEventListener("click", annotate);
  document.addEventListener("keydown", function (event) {  // for a selection made with the keyboard
    if (event.altKey && event.shiftKey && (event.key === "A" || event.code === "KeyA") && editor.hidden && annotate()) {
      event.preventDefault();
    }
  });

  /* ---- the note editor ---- */
  var editor = element("section", "sitegen-ui sitegen-note-editor");
  editor.setAttribute("role", "dialog");
  editor.setAttribute("aria-labelledby", "sitegen-note-editor-title");
  editor.hidden = true;
  var title = element("h2", "", "");
  title.id = "sitegen-note-editor-title";
  var quote = element("blockquote", "sitegen-note-quote");
  var noteLabel = element("label", "", "Note (Markdown)");
  var note = element("textarea");
  note.rows = 5;
  noteLabel.appendChild(note);
  var tagsLabel = element("label", "", "Tags (separated by commas)");
  var tags = element("input");
  tags.type = "text";
  tagsLabel.appendChild(tags);
  var message = element("p", "sitegen-note-message");
  message.setAttribute("role", "alert");
  var actions = element("div", "sitegen-note-actions");
  var save = button("sitegen-note-save", "Save");
  var cancel = button("sitegen-note-cancel", "Cancel");
  actions.appendChild(save);
  actions.appendChild(cancel);
  [title, quote, noteLabel, tagsLabel, message, actions].forEach(function (n) { editor.appendChild(n); });
  document.body.appendChild(editor);

  var mode = null;
  var fallback = null;  // the reload after a write, in case no rebuild updates the page
  var number = 0;
  var busy = false;
  var done = false;  // written: let the page reload

  /* live reload (livereload.js) asks before reloading; a note being written holds it back */
  window.sitegenHoldReload = function () { return !editor.hidden && !done; };
  function release() { window.dispatchEvent(new Event("sitegen:release")); }

  var returnTo = null;  // where the keyboard was before the editor opened
  function open(kind, n, quoted, text, tagList) {
    if (editor.hidden) returnTo = document.activeElement;
    mode = kind;
    number = n;
    done = false;
    title.textContent = kind === "add" ? "New note" : kind === "edit" ? "Edit note " + n : "Delete note " + n + "?";
    quote.textContent = quoted;
    note.value = text;
    tags.value = tagList.join(", ");
    noteLabel.hidden = tagsLabel.hidden = kind === "delete";
    save.textContent = kind === "delete" ? "Delete" : "Save";
    save.disabled = false;
    message.textContent = "";
    editor.hidden = false;
    (kind === "delete" ? save : note).focus();
  }
  function close() {
    editor.hidden = true;
    pending = null;
    if (returnTo && returnTo.focus && document.contains(returnTo)) returnTo.focus();
    release();
  }
  function say(text, failed) {
    message.textContent = text;
    message.classList.toggle("failed", !!failed);
  }

  function call(method, data) {
    var options = { method: method, cache: "no-store", credentials: "same-origin", headers: { "X-Sitegen-Token": token } };
    var url = endpoint + "?page=" + encodeURIComponent(page);
    if (method === "POST") {
      url = endpoint;
      options.headers["Content-Type"] = "application/json";
      data.page = page;
      data.version = version;
      options.body = JSON.stringify(data);
    }
    return fetch(url, options).then(function (response) {
      return response.json().catch(function () { return { ok: false, error: "the server answered " + response.status }; })
        .then(function (answer) { answer.status = response.status; return answer; });
    }, function () { return { ok: false, error: "the server cannot be reached; is sitegen serve still running?" }; });
  }

  save.addEventListener("click", function () {
    if (busy) return;
    var data = { action: mode };
    if (mode !== "delete") {
      data.note = note.value;
      data.tags = tags.value.split(",").map(function (t) { return t.trim(); }).filter(Boolean);
    }
    if (mode === "add") {
      data.quote = pending.quote;
      data.before = pending.before;
      data.after = pending.after;
      data.position = pending.position;
    } else {
      data.number = number;
    }
    busy = true;
    save.disabled = true;
    say("Writing…", false);
    call("POST", data).then(function (answer) {
      busy = false;
      if (answer.ok) {
        done = true;
        version = answer.version;
        say(mode === "delete" ? "Deleted. The page updates…" : "Saved. The page updates…", false);
        release();
        fallback = setTimeout(function () { location.reload(); }, 4000);  // in case no rebuild touches this page
      } else {
        save.disabled = answer.status === 409;
        say("Not written: " + answer.error, true);
      }
    });
  });
  cancel.addEventListener("click", close);
  editor.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { event.preventDefault(); close(); }
    else if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) { event.preventDefault(); save.click(); }
  });

  /* ---- "Edit" and "Delete" on every note of the article ---- */
  function noteQuote(item) {
    var n = item.id.replace(/^note-/, "");
    var marks = document.querySelectorAll("mark.hl[data-note='" + n + "']");
    if (marks.length) return Array.prototype.map.call(marks, function (m) { return m.textContent; }).join(" ");
    var unplaced = item.querySelector(".note-quote");
    return unplaced ? unplaced.textContent : "";
  }
  function edit(n, item) {
    call("GET").then(function (answer) {
      var found = answer.ok !== false && answer.notes && answer.notes[n - 1];
      if (!found) {
        open("edit", n, noteQuote(item), "", []);
        save.disabled = true;
        return say("Cannot edit: " + (answer.error || "the note is not in the file any more"), true);
      }
      open("edit", n, found.quote, found.note, found.tags);
      if (answer.version !== version) {
        save.disabled = true;
        say("Not written: the article file changed on disk since this page was loaded; reload the page.", true);
      }
    });
  }
  function addTools() {
    document.querySelectorAll("article aside.note[id^='note-'], article li.unplaced[id^='note-']").forEach(function (item) {
      var n = parseInt(item.id.slice(5), 10);
      if (!(n > 0)) return;
      var tools = element("span", "sitegen-ui sitegen-note-tools");
      var editButton = button("sitegen-note-edit", "Edit");
      var deleteButton = button("sitegen-note-delete", "Delete");
      editButton.setAttribute("aria-label", "Edit note " + n);
      deleteButton.setAttribute("aria-label", "Delete note " + n);
      editButton.addEventListener("click", function () { edit(n, item); });
      deleteButton.addEventListener("click", function () { open("delete", n, noteQuote(item), "", []); });
      tools.appendChild(editButton);
      tools.appendChild(deleteButton);
      item.appendChild(tools);
    });
  }
  addTools();

  /* live reload swapped in the page as saved: its article, its notes, the file's version now */
  document.addEventListener("sitegen:swap", function () {
    var fresh = document.querySelector("article .body");
    if (!fresh) return location.reload();
    body = fresh;
    version = tag.getAttribute("data-version");
    call("GET").then(function (answer) {  // a page sent with the event has no tag: ask for the file's version
      if (answer.ok !== false && answer.version) version = answer.version;
    });
    clearTimeout(fallback);
    offer.hidden = true;
    if (!editor.hidden && done) { editor.hidden = true; pending = null; }
    addTools();
  });
})();
