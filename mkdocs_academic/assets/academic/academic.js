/* mkdocs-academic: copy buttons for BibTeX. Works without Material; with Material's instant
   navigation it runs again on every page through document$. Pages work without it.
   The labels are on the list (data-label-copy, data-label-copied), or on the button itself. */
(function () {
  "use strict";
  function setUp(root) {
    root.querySelectorAll("details.academic-bibtex button.academic-copy").forEach(function (button) {
      if (button.dataset.academicReady) return;
      button.dataset.academicReady = "1";
      if (!navigator.clipboard) return;
      var labels = button.closest("[data-label-copied]") || button;
      if (!button.hasAttribute("aria-label") && labels.dataset.labelCopy) {
        button.setAttribute("aria-label", labels.dataset.labelCopy);
      }
      button.hidden = false;
      var label = button.textContent;
      button.addEventListener("click", function () {
        var code = button.parentElement.querySelector("code");
        navigator.clipboard.writeText(code.textContent).then(function () {
          button.textContent = labels.dataset.labelCopied || label;
          setTimeout(function () { button.textContent = label; }, 1500);
        });
      });
    });
  }
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(function () { setUp(document); });
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { setUp(document); });
  } else {
    setUp(document);
  }
})();
