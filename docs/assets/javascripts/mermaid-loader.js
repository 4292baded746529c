// Material for MkDocs renders diagrams with a global `mermaid`, and downloads it from a
// CDN when there is none. This stand-in loads our own copy instead, and only the first
// time a page actually has a diagram, so no request leaves the site.
(function () {
  "use strict";
  var src = new URL("vendor/mermaid.min.js", document.currentScript.src).href;
  var settings = null;
  var loading = null;

  function load() {
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = src;
        script.onload = function () { resolve(window.mermaid); };
        script.onerror = reject;
        document.head.appendChild(script);
      });
    }
    return loading;
  }

  window.mermaid = {
    initialize: function (options) { settings = options; },
    render: function (id, text) {
      return load().then(function (real) {
        if (settings) { real.initialize(settings); settings = null; }
        return real.render(id, text);
      });
    },
  };
})();
