/* mkdocs-academic: copy buttons for BibTeX, cards for citations. Works without Material; with Material's instant
   navigation it runs again on every page through document$. Pages work without it.
   The labels are on the list (data-label-copy-button, -copy, -copied), or on the button itself. */
(function () {
  "use strict";
  function setUpButton(button) {
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
  }
  /* An entry of a list gets its button when its BibTeX is opened (the list has the labels; a
     list template copied from an earlier version has no data-label-copy-button: English, then);
     a publication page has its own in the HTML. */
  function addButton(details) {
    var list = details.closest("[data-label-copied]");
    var pre = details.querySelector("pre");
    if (!list || !pre || details.querySelector("button.academic-copy")) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "academic-copy";
    button.hidden = true;  /* shown by setUpButton where the clipboard can be written */
    button.textContent = list.dataset.labelCopyButton || "Copy";
    pre.after(button);
    setUpButton(button);
  }
  function setUp(root) {
    root.querySelectorAll("details.academic-bibtex[open]").forEach(addButton);
    root.querySelectorAll("details.academic-bibtex button.academic-copy").forEach(setUpButton);
  }
  document.addEventListener("toggle", function (event) {
    var details = event.target;
    if (details.open && details.matches && details.matches("details.academic-bibtex")) addButton(details);
  }, true);
  /* Citations (`[@key]`): hovering or focusing one shows its bibliography entry in a small
     card (without JavaScript, the link's title says the same; the link goes to the entry). */
  var card = null;
  function hideCard() {
    if (!card) return;
    var owner = document.querySelector('[aria-describedby="academic-cite-card"]');
    if (owner) owner.removeAttribute("aria-describedby");
    card.remove();
    card = null;
  }
  function showCard(link, body) {
    hideCard();
    card = document.createElement("div");
    card.className = "academic academic-cite-card";
    card.id = "academic-cite-card";
    card.setAttribute("role", "tooltip");
    var copy = body.cloneNode(true);
    copy.querySelectorAll(".academic-backrefs").forEach(function (node) { node.remove(); });
    copy.querySelectorAll("[id]").forEach(function (node) { node.removeAttribute("id"); });
    card.appendChild(copy);
    document.body.appendChild(card);
    var box = link.getBoundingClientRect();
    var width = document.documentElement.clientWidth;
    var left = Math.max(4, Math.min(box.left, width - card.offsetWidth - 4));
    card.style.left = (left + window.scrollX) + "px";
    card.style.top = (box.bottom + window.scrollY + 4) + "px";
    link.setAttribute("aria-describedby", card.id);
  }
  function setUpCitations(root) {
    root.querySelectorAll("a.academic-cite-link").forEach(function (link) {
      if (link.dataset.academicReady) return;
      link.dataset.academicReady = "1";
      var target = document.getElementById(decodeURIComponent(link.hash.slice(1)));
      var body = target && target.querySelector(".academic-pub-body");
      if (!body) return;
      link.dataset.title = link.title;  /* the card replaces the browser's tooltip */
      link.removeAttribute("title");
      link.addEventListener("mouseenter", function () { showCard(link, body); });
      link.addEventListener("focus", function () { showCard(link, body); });
      link.addEventListener("mouseleave", hideCard);
      link.addEventListener("blur", hideCard);
      link.addEventListener("click", hideCard);
    });
  }
  document.addEventListener("keydown", function (event) { if (event.key === "Escape") hideCard(); });
  function setUpPage(root) { hideCard(); setUp(root); setUpCitations(root); }
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(function () { setUpPage(document); });
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { setUpPage(document); });
  } else {
    setUpPage(document);
  }
})();
