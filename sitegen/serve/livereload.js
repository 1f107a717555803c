/* sitegen serve: live reload and the error overlay. Served only by `sitegen serve`,
   never written into a built site. Messages are shown as text, never as HTML. */
(function () {
  "use strict";
  var here = location.pathname.replace(/^\//, "");
  if (here === "" || here.slice(-1) === "/") here += "index.html";
  try { here = decodeURIComponent(here); } catch (e) { /* keep as is */ }
  var key = "sitegen-scroll:" + here;
  var saved = sessionStorage.getItem(key);
  if (saved !== null) {
    sessionStorage.removeItem(key);
    var y = parseFloat(saved);
    var restore = function () { window.scrollTo(0, y); };
    if (document.readyState === "complete") restore(); else window.addEventListener("load", restore);
  }
  window.addEventListener("load", function () { window.__sitegenLoadedAt = Date.now(); });

  function overlay(problems, message) {
    var box = document.getElementById("sitegen-overlay");
    if (!box) {
      box = document.createElement("div");
      box.id = "sitegen-overlay";
      box.setAttribute("role", "alert");
      box.style.cssText = "position:fixed;inset:0;z-index:2147483647;background:rgba(20,20,24,.94);color:#ffd7d0;" +
        "font:14px/1.5 ui-monospace,Menlo,Consolas,monospace;padding:2rem;overflow:auto;white-space:pre-wrap";
      document.body.appendChild(box);
    }
    box.textContent = "";
    var head = document.createElement("strong");
    head.textContent = "sitegen: the last change could not be built — " + message + "\n\n";
    box.appendChild(head);
    problems.forEach(function (line) {
      var p = document.createElement("div");
      p.textContent = line;
      box.appendChild(p);
    });
    var foot = document.createElement("p");
    foot.textContent = "\nFix the file and save: this page updates by itself. The last good version of the site is still served.";
    box.appendChild(foot);
  }
  function clear() {
    var box = document.getElementById("sitegen-overlay");
    if (box) box.remove();
  }
  function reload() {
    sessionStorage.setItem(key, String(window.scrollY));
    location.reload();
  }
  function concerns(changed) {
    for (var i = 0; i < changed.length; i++) {
      var path = changed[i];
      if (path === here) return true;
      if (!/\.html$/.test(path) && !/\.xml$/.test(path) && !/^static\/search-index\.js$/.test(path)) return true;
    }
    return false;
  }
  fetch("/__sitegen/status").then(function (r) { return r.json(); }).then(function (s) {
    if (s.error) overlay(s.problems, s.error);
  }).catch(function () {});
  var source = new EventSource("/__sitegen/events");
  source.addEventListener("build", function (event) {
    var data = JSON.parse(event.data);
    var hadOverlay = !!document.getElementById("sitegen-overlay");
    clear();
    if (concerns(data.changed) || (hadOverlay && data.changed.length)) reload();
  });
  source.addEventListener("failure", function (event) {
    var data = JSON.parse(event.data);
    overlay(data.problems, data.error);
  });
})();
