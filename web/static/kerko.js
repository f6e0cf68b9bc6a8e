// kerko: progressive enhancements; the page works without this file.
(function () {
  "use strict";
  var box = document.getElementById("q");
  // "/" focuses the search box, as on most search sites.
  document.addEventListener("keydown", function (e) {
    if (e.key !== "/" || !box || document.activeElement === box) return;
    var t = e.target && e.target.tagName;
    if (t === "INPUT" || t === "TEXTAREA" || t === "SELECT") return;
    e.preventDefault();
    box.focus();
    box.select();
  });
  if (box && window.fetch) suggest(box);
  if (window.fetch) telling(document.querySelector(".telling[data-src]"));

  // telling fills the placeholder of the telling words, which the page
  // does not wait for, with the panel from /telling; on any failure the
  // placeholder keeps its link, which opens the page with the words.
  function telling(ph) {
    if (!ph) return;
    ph.setAttribute("aria-busy", "true");
    fetch(ph.getAttribute("data-src"), { credentials: "same-origin" })
      .then(function (r) {
        if (!r.ok) throw new Error("telling words: " + r.status);
        return r.text();
      })
      .then(function (html) {
        var t = document.createElement("template");
        t.innerHTML = html.trim();
        var panel = t.content.querySelector("section.telling");
        if (panel) ph.replaceWith(panel);
        else ph.remove();
      })
      .catch(function () {
        ph.removeAttribute("aria-busy");
      });
  }

  // suggest shows completions from /api/suggest under the search box:
  // arrows move, Enter or a click picks, Escape closes and keeps the
  // typed text. A country, an
  // organization or a word is searched for; a title opens its article.
  function suggest(box) {
    var form = box.form;
    var ui = document.documentElement.lang || "en";
    var list = document.createElement("ul");
    list.id = "suggest";
    list.className = "suggest";
    list.setAttribute("role", "listbox");
    list.hidden = true;
    form.appendChild(list);
    box.setAttribute("role", "combobox");
    box.setAttribute("aria-autocomplete", "list");
    box.setAttribute("aria-controls", "suggest");
    box.setAttribute("aria-expanded", "false");

    var items = [], active = -1, seq = 0, timer = null;

    function close() {
      list.hidden = true;
      list.textContent = "";
      items = [];
      active = -1;
      box.setAttribute("aria-expanded", "false");
      box.removeAttribute("aria-activedescendant");
    }
    function mark(i) {
      active = i;
      items.forEach(function (li, j) {
        li.classList.toggle("active", j === i);
        li.setAttribute("aria-selected", j === i ? "true" : "false");
      });
      if (i >= 0) box.setAttribute("aria-activedescendant", items[i].id);
    }
    function pick(s) {
      if (s.kind === "title" || s.kind === "person") {
        window.location.href = s.url;
        return;
      }
      box.value = s.text;
      close();
      form.submit();
    }
    function show(sugs) {
      close();
      if (!sugs.length) return;
      sugs.forEach(function (s, i) {
        var li = document.createElement("li");
        li.id = "suggest-" + i;
        li.setAttribute("role", "option");
        li.className = "s-" + s.kind;
        var text = document.createElement("span");
        text.className = "s-text";
        text.textContent = s.text;
        var kind = document.createElement("span");
        kind.className = "s-kind";
        kind.textContent = s.kind_label + (s.count ? " · " + s.count : "");
        li.appendChild(text);
        li.appendChild(kind);
        // mousedown, not click: the box must not lose focus first.
        li.addEventListener("mousedown", function (e) {
          e.preventDefault();
          pick(s);
        });
        li.addEventListener("mousemove", function () { mark(i); });
        li.suggestion = s;
        list.appendChild(li);
        items.push(li);
      });
      list.hidden = false;
      box.setAttribute("aria-expanded", "true");
    }
    function load() {
      var q = box.value.trim();
      var mine = ++seq;
      if (q.length < 2) {
        close();
        return;
      }
      fetch("/api/suggest?q=" + encodeURIComponent(q) + "&ui=" + encodeURIComponent(ui))
        .then(function (r) { return r.ok ? r.json() : { suggestions: [] }; })
        .then(function (data) {
          // An answer to an older prefix arriving late is dropped.
          if (mine === seq && document.activeElement === box) show(data.suggestions || []);
        })
        .catch(function () {});
    }
    box.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(load, 120);
    });
    box.addEventListener("keydown", function (e) {
      if (e.key === "Escape") {
        // Escape closes the suggestions (and any still on their way);
        // the browser's own Escape in a search box would also wipe what
        // was typed.
        e.preventDefault();
        clearTimeout(timer);
        seq++;
        close();
        return;
      }
      if (list.hidden) return;
      if (e.key === "ArrowDown") {
        e.preventDefault();
        mark((active + 1) % items.length);
      } else if (e.key === "ArrowUp") {
        e.preventDefault();
        mark(active <= 0 ? items.length - 1 : active - 1);
      } else if (e.key === "Enter" && active >= 0) {
        e.preventDefault();
        pick(items[active].suggestion);
      }
    });
    box.addEventListener("blur", function () { setTimeout(close, 150); });
  }
})();
