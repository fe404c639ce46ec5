// Punchlist's pages read fine without this script. With it: the live indicator, the write token
// remembered for this tab (sessionStorage, never a cookie or the URL) and sent as a bearer header
// on writes, and what a write answered, said in a live region.
(function () {
  "use strict";
  var TOKEN_KEY = "punchlist-write-token";

  function live(text, state) {
    var el = document.getElementById("live");
    if (!el) return;
    el.textContent = text;
    el.classList.remove("connected", "offline");
    if (state) el.classList.add(state);
  }

  function fillToken() {
    var input = document.getElementById("write-token");
    if (input && !input.value) input.value = sessionStorage.getItem(TOKEN_KEY) || "";
  }

  document.addEventListener("htmx:sseOpen", function () { live("Live", "connected"); });
  document.addEventListener("htmx:sseError", function () { live("Offline: reconnecting", "offline"); });
  document.addEventListener("htmx:sseBeforeMessage", function (e) {
    if (e.detail && e.detail.type === "scan") {
      try { live("Live · scan " + JSON.parse(e.detail.data).version, "connected"); } catch (_) { /* not ours */ }
    }
  });

  document.addEventListener("input", function (e) {
    if (e.target && e.target.id === "write-token") sessionStorage.setItem(TOKEN_KEY, e.target.value);
  });

  // Writes carry the token as a bearer header, not as a form field.
  document.addEventListener("htmx:configRequest", function (e) {
    if (e.detail.verb !== "post") return;
    var token = sessionStorage.getItem(TOKEN_KEY) || "";
    if (token) e.detail.headers["Authorization"] = "Bearer " + token;
    delete e.detail.parameters.token;
  });

  // The write's answer, read from the request itself: by the time it arrives the live stream may
  // already have redrawn the page and detached the form that sent it (its events reach nobody).
  document.addEventListener("htmx:beforeSend", function (e) {
    if (!e.detail.requestConfig || e.detail.requestConfig.verb !== "post") return;
    var xhr = e.detail.xhr;
    xhr.addEventListener("loadend", function () { report(xhr); });
  });

  function report(xhr) {
    var status = document.getElementById("write-status");
    if (!status) return;
    if (xhr.status >= 200 && xhr.status < 300) {
      status.textContent = "Written. The page updates when the server has read the file again.";
      status.classList.remove("error-text");
      return;
    }
    var message = "The write was refused (" + xhr.status + ").";
    try { var problem = JSON.parse(xhr.responseText); message = problem.title + ": " + problem.detail; } catch (_) { /* not JSON */ }
    status.textContent = message;
    status.classList.add("error-text");
  }

  // htmx shows errors only in the console; a refused write is shown above instead.
  document.addEventListener("htmx:responseError", function (e) { e.preventDefault && e.preventDefault(); });

  document.addEventListener("htmx:afterSwap", fillToken);
  document.addEventListener("DOMContentLoaded", function () { fillToken(); live("Connecting…"); });
})();
