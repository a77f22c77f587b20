// The web app's only script: the viewer's time zone, live schedule conflict warnings and the live
// impact dashboard. Pages work without it; it only adds what needs the browser.
(function () {
  "use strict";

  // Tell the server the browser's IANA zone so times can be shown in it; reload once if a page
  // rendered in a guessed zone.
  var zone = "";
  try { zone = Intl.DateTimeFormat().resolvedOptions().timeZone || ""; } catch (e) { zone = ""; }
  var cookie = document.cookie.split("; ").find(function (c) { return c.indexOf("capacityhub_tz=") === 0; });
  var known = cookie ? decodeURIComponent(cookie.split("=")[1]) : "";
  if (zone && zone !== known) {
    document.cookie = "capacityhub_tz=" + encodeURIComponent(zone) + "; path=/; SameSite=Strict; max-age=31536000";
    var needs = document.querySelector("[data-viewer-zone]");
    if (needs && needs.getAttribute("data-viewer-zone") !== zone && location.search.indexOf("tz=") < 0) {
      location.reload();
      return;
    }
  }

  // Enhanced navigation and forms (blazor.web.js) patch the page in place without a new load event,
  // so the page's behaviour is attached again after each of them. The patch keeps elements that did not
  // change, so attached ones are remembered here rather than marked in the DOM (the patch would drop a mark).
  var attached = new WeakSet();
  var sources = [];
  function attach() {
    sources = sources.filter(function (s) {
      if (document.contains(s.element)) { return true; }
      s.source.close();
      return false;
    });
    var summary = document.getElementById("error-summary");
    if (summary) { summary.focus(); }
    document.querySelectorAll("form[data-conflicts-url]").forEach(function (form) { once(form, watchConflicts); });
    document.querySelectorAll("[data-live-source]").forEach(function (element) { once(element, followImpact); });
  }

  function once(element, behaviour) {
    if (!attached.has(element)) {
      attached.add(element);
      behaviour(element);
    }
  }

  document.addEventListener("DOMContentLoaded", attach);
  // Also fired after each part of a streamed page arrives (the live dashboard comes in such a part).
  if (window.Blazor && window.Blazor.addEventListener) { window.Blazor.addEventListener("enhancedload", attach); }

  // Ask the Trainings service (through the gateway) which trainer, room or participant clashes the
  // day being typed would cause, and show them in a polite live region.
  function watchConflicts(form) {
    var output = document.getElementById(form.getAttribute("data-conflicts-target"));
    var timer = 0;
    var sequence = 0;
    function check() {
      var mine = ++sequence;
      fetch(form.getAttribute("data-conflicts-url"), { method: "POST", body: new FormData(form), credentials: "same-origin" })
        .then(function (response) { return response.json(); })
        .then(function (result) {
          if (mine !== sequence) { return; }
          output.textContent = "";
          var lines = result.conflicts || [];
          if (result.error) { lines = [result.error]; }
          if (lines.length === 0) { output.removeAttribute("data-state"); return; }
          output.setAttribute("data-state", result.error ? "error" : "conflicts");
          var heading = document.createElement("p");
          heading.textContent = result.error ? "Could not check for clashes:" : "Warning: this day clashes with other bookings";
          heading.className = "conflicts-heading";
          output.appendChild(heading);
          var list = document.createElement("ul");
          lines.forEach(function (line) {
            var item = document.createElement("li");
            item.textContent = line;
            list.appendChild(item);
          });
          output.appendChild(list);
        })
        .catch(function () { /* a failed check must never block typing; the save still checks */ });
    }
    form.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(check, 350); });
    form.addEventListener("change", function () { clearTimeout(timer); timer = setTimeout(check, 100); });
  }

  // Server-sent events fed by WatchImpactMetrics: each message is the re-rendered figures.
  function followImpact(element) {
    var status = document.getElementById(element.getAttribute("data-live-status"));
    var source = new EventSource(element.getAttribute("data-live-source"));
    sources.push({ element: element, source: source });
    source.addEventListener("metrics", function (event) {
      element.innerHTML = event.data;
      element.setAttribute("data-updates", String(Number(element.getAttribute("data-updates") || "0") + 1));
      if (status) { status.textContent = "Live: updated " + new Date().toLocaleTimeString(); }
    });
    source.addEventListener("failed", function (event) {
      if (status) { status.textContent = "Live updates stopped: " + event.data; }
      source.close();
    });
    source.onerror = function () {
      if (status) { status.textContent = "Live updates paused; reconnecting…"; }
    };
  }
})();
