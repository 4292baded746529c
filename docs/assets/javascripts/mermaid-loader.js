// Material for MkDocs renders diagrams with a global `mermaid`, and downloads it from a
// CDN when there is none. This stand-in loads our own copy instead (no request leaves the
// site), and only once a diagram comes within half a screen of the viewport: Mermaid is
// large (3.5 MB, most of a second of script on a phone), and a reader who never scrolls to
// a diagram never pays for it.
//
// Material calls `mermaid.render(id, text)` once per `<pre class="mermaid">`, while that
// element is still in the page; the stand-in finds it by its text, waits until it comes
// near the viewport, then loads Mermaid (once) and renders.
(function () {
  "use strict";
  var src = new URL("vendor/mermaid.min.js", document.currentScript.src).href;
  var settings = null;
  var loading = null;
  var claimed = new WeakSet();

  function load() {
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = src;
        script.onload = function () {
          var real = window.mermaid;
          window.mermaid = standIn;  // later pages keep rendering lazily, through us
          resolve(real);
        };
        script.onerror = reject;
        document.head.appendChild(script);
      });
    }
    return loading;
  }

  function source(text) {
    var found = null;
    document.querySelectorAll("pre.mermaid").forEach(function (element) {
      if (!found && !claimed.has(element) && element.textContent === text) { found = element; }
    });
    if (found) { claimed.add(found); }
    return found;
  }

  function nearViewport(element) {
    if (!element || !("IntersectionObserver" in window)) { return Promise.resolve(); }
    return new Promise(function (resolve) {
      var observer = new IntersectionObserver(function (entries) {
        if (entries.some(function (entry) { return entry.isIntersecting; })) {
          observer.disconnect();
          resolve();
        }
      }, { rootMargin: "50% 0px" });
      observer.observe(element);
    });
  }

  var standIn = {
    initialize: function (options) { settings = options; },
    render: function (id, text) {
      return nearViewport(source(text)).then(load).then(function (real) {
        if (settings) { real.initialize(settings); settings = null; }
        return real.render(id, text);
      });
    },
  };
  window.mermaid = standIn;
})();
