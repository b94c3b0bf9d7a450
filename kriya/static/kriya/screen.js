// Tells the server whether this screen is narrow (a phone), so that the back office's lists
// come as 25 compact rows instead of a wide table (kriya/lib/phone.py reads the cookie).
(function () {
  "use strict";
  var narrow = window.matchMedia("(max-width: 767px)");

  function remember() {
    var value = narrow.matches ? "narrow" : "wide";
    if (document.cookie.split("; ").indexOf("kriya_screen=" + value) !== -1) return false;
    document.cookie = "kriya_screen=" + value + "; path=/; max-age=31536000; SameSite=Lax";
    return true;
  }

  function redrawList() {
    // A list drawn for the other width is drawn once more; the cookie is right by then.
    if (document.getElementById("changelist")) window.location.reload();
  }

  if (remember()) {
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", redrawList);
    } else {
      redrawList();
    }
  }
  narrow.addEventListener("change", function () {
    if (remember()) redrawList();
  });
})();
