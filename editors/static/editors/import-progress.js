// The import's status page while the work runs: ask for the progress every two seconds, move
// the bar and the text, and reload the page when the work has finished (to show the errors,
// the preview or the result). Without JavaScript, the page's "reload" link does the same.
(function () {
  "use strict";
  var section = document.querySelector("[data-import-progress]");
  if (!section) {
    return;
  }
  var bar = document.getElementById("import-progress-bar");
  var label = document.getElementById("import-progress-label");
  function poll() {
    fetch(section.getAttribute("data-import-progress"), {
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    })
      .then(function (response) {
        return response.ok ? response.json() : null;
      })
      .then(function (status) {
        if (!status) {
          window.setTimeout(poll, 5000);
          return;
        }
        if (!status.running) {
          window.location.reload();
          return;
        }
        bar.max = status.max;
        bar.value = status.value;
        label.textContent = status.label;
        window.setTimeout(poll, 2000);
      })
      .catch(function () {
        window.setTimeout(poll, 5000);
      });
  }
  window.setTimeout(poll, 2000);
})();
