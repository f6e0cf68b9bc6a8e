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
})();
