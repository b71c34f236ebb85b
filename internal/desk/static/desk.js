// The desk's one script. Every page works without it; it adds keyboard
// shortcuts on the inbox, live alerts, and the X length of a reply.
(function () {
  "use strict";
  var body = document.body;

  // Keyboard shortcuts on the inbox: j/k next/previous, o or Enter open,
  // a act (open the complaint at its actions).
  var rows = Array.prototype.slice.call(document.querySelectorAll("#inbox > li"));
  var cur = -1;
  function select(i) {
    if (!rows.length) return;
    if (cur >= 0) rows[cur].classList.remove("sel");
    cur = Math.max(0, Math.min(rows.length - 1, i));
    rows[cur].classList.add("sel");
    rows[cur].scrollIntoView({ block: "nearest" });
    rows[cur].querySelector("a.open").focus();
  }
  document.addEventListener("keydown", function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    var t = e.target.tagName;
    if (t === "INPUT" || t === "TEXTAREA" || t === "SELECT") return;
    if (!rows.length) return;
    var link = cur >= 0 ? rows[cur].querySelector("a.open") : null;
    switch (e.key) {
      case "j": select(cur + 1); break;
      case "k": select(cur - 1); break;
      case "o": case "Enter": if (link) location.href = link.href; else return; break;
      case "a": if (link) location.href = link.href + "#actions"; else return; break;
      default: return;
    }
    e.preventDefault();
  });

  // X's weighted length (twitter-text v3): U+0000–U+10FF and a few
  // punctuation ranges count 1, other code points 2, a link 23. The server
  // counts the same way and refuses what X would refuse.
  function weigh(s) {
    var n = 0;
    s = s.replace(/https?:\/\/\S+/gi, function () { n += 23; return ""; });
    for (var ch of s) {
      var c = ch.codePointAt(0);
      n += (c <= 0x10ff || (c >= 0x2000 && c <= 0x200d) || (c >= 0x2010 && c <= 0x201f) || (c >= 0x2032 && c <= 0x2037)) ? 1 : 2;
    }
    return n;
  }
  document.querySelectorAll("textarea[data-xcount]").forEach(function (ta) {
    var out = document.getElementById(ta.dataset.xcount);
    function update() {
      var n = weigh(ta.value.trim() + (ta.dataset.suffix || ""));
      out.textContent = n;
      out.classList.toggle("late", n > 280);
    }
    ta.addEventListener("input", update);
    update();
  });

  // Live alerts: an immediate complaint that lands in the user's unit shows
  // a banner, plays a chime and raises a browser notification.
  if (!body.dataset.alerts || !window.EventSource) return;
  var banner = document.getElementById("alert-banner");
  var ask = document.getElementById("alert-enable");
  var chime = new Audio("/static/alert.wav");
  if (ask && window.Notification && Notification.permission === "default") {
    ask.hidden = false;
    ask.addEventListener("click", function () {
      Notification.requestPermission().then(function () { ask.hidden = true; });
      chime.play().catch(function () {}); // unlocks sound after a click
    });
  }
  var es = new EventSource("/desk/alerts");
  es.addEventListener("alert", function (ev) {
    var a;
    try { a = JSON.parse(ev.data); } catch (e) { return; }
    var text = [String(a.code || ""), String(a.type || ""), String(a.district_name || a.district || "")].filter(Boolean).join(" · ");
    var link = document.createElement("a");
    link.href = "/desk/complaints/" + encodeURIComponent(String(a.code || ""));
    link.textContent = body.dataset.alertTitle + ": " + text;
    var p = document.createElement("p");
    p.appendChild(link);
    banner.insertBefore(p, banner.firstChild);
    banner.hidden = false;
    chime.play().catch(function () {});
    if (window.Notification && Notification.permission === "granted") {
      var n = new Notification(body.dataset.alertTitle, { body: text, tag: String(a.code || "") });
      n.onclick = function () { window.focus(); location.href = link.href; };
    }
  });
})();
