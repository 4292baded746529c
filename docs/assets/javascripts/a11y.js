// Accessible names for two of Material's widgets that have a role but no name, which screen
// readers then announce as a bare "dialog" or "progress bar" (axe-core rules
// aria-dialog-name and aria-progressbar-name). Runs again after each instant navigation.
(function () {
  "use strict";
  var names = {
    ".md-search[role='dialog']": "Search",
    ".md-progress[role='progressbar']": "Loading the next page",
  };

  function label() {
    Object.keys(names).forEach(function (selector) {
      document.querySelectorAll(selector).forEach(function (element) {
        if (!element.hasAttribute("aria-label")) {
          element.setAttribute("aria-label", names[selector]);
        }
      });
    });
  }

  label();
  if (window.document$) {
    window.document$.subscribe(label);
  }
})();
