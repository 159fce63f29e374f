/* The minutes editor: Squire (npm "squire-rte", copied into static/committees/vendor/ at
 * build time) over the plain textarea, with a small toolbar. Without JavaScript, or if the
 * vendored file is missing, the textarea stays and takes paragraphs or HTML; the server
 * sanitises either with nh3. No inline script: the site's CSP allows only 'self'. */
(function () {
  "use strict";
  var ALLOWED = {
    P: 1, BR: 1, DIV: 1, SPAN: 1, B: 1, STRONG: 1, I: 1, EM: 1, U: 1, SUB: 1, SUP: 1,
    UL: 1, OL: 1, LI: 1, H3: 1, H4: 1, BLOCKQUOTE: 1, A: 1, TABLE: 1, THEAD: 1, TBODY: 1,
    TR: 1, TH: 1, TD: 1
  };
  var DROP = { SCRIPT: 1, STYLE: 1, IFRAME: 1, OBJECT: 1, EMBED: 1, TEMPLATE: 1, SVG: 1, MATH: 1 };

  /* Pasted HTML parsed in an inert <template> (nothing runs, nothing loads), then reduced
   * to the same allow-list the server applies. */
  function sanitize(html) {
    var template = document.createElement("template");
    template.innerHTML = html;
    (function clean(node) {
      Array.prototype.slice.call(node.childNodes).forEach(function (child) {
        if (child.nodeType === Node.COMMENT_NODE) { child.remove(); return; }
        if (child.nodeType !== Node.ELEMENT_NODE) { return; }
        var tag = child.tagName.toUpperCase();
        if (DROP[tag]) { child.remove(); return; }
        clean(child);
        Array.prototype.slice.call(child.attributes).forEach(function (attr) {
          var keep = tag === "A" && attr.name === "href" && /^(https?:|mailto:)/i.test(attr.value);
          if (!keep) { child.removeAttribute(attr.name); }
        });
        if (!ALLOWED[tag]) {
          while (child.firstChild) { child.parentNode.insertBefore(child.firstChild, child); }
          child.remove();
        }
      });
    })(template.content);
    return document.importNode(template.content, true);
  }

  function asHtml(text) {
    if (/<[a-z][^>]*>/i.test(text)) { return text; }
    return text.split(/\n\s*\n/).filter(function (p) { return p.trim(); }).map(function (p) {
      var div = document.createElement("div");
      div.textContent = p.trim();
      return "<p>" + div.innerHTML.replace(/\n/g, "<br>") + "</p>";
    }).join("");
  }

  var BUTTONS = [
    ["Bold", "B", function (e) { return e.hasFormat("B") ? e.removeBold() : e.bold(); }],
    ["Italic", "I", function (e) { return e.hasFormat("I") ? e.removeItalic() : e.italic(); }],
    ["Bulleted list", "UL", function (e) { return e.hasFormat("UL") ? e.removeList() : e.makeUnorderedList(); }],
    ["Numbered list", "OL", function (e) { return e.hasFormat("OL") ? e.removeList() : e.makeOrderedList(); }],
    ["Undo", null, function (e) { return e.undo(); }],
    ["Redo", null, function (e) { return e.redo(); }]
  ];

  function enhance(source) {
    if (typeof window.Squire !== "function") { return; }
    var label = document.getElementById(source.id.replace(/^id_/, "") + "-label");
    var wrapper = document.createElement("div");
    wrapper.className = "editor";
    var toolbar = document.createElement("div");
    toolbar.className = "editor-toolbar";
    toolbar.setAttribute("role", "toolbar");
    toolbar.setAttribute("aria-label", "Formatting");
    var area = document.createElement("div");
    area.className = "editor-area";
    area.id = source.id + "-editor";
    area.setAttribute("role", "textbox");
    area.setAttribute("aria-multiline", "true");
    if (label) { area.setAttribute("aria-labelledby", label.id); label.setAttribute("for", area.id); }
    if (source.getAttribute("aria-describedby")) {
      area.setAttribute("aria-describedby", source.getAttribute("aria-describedby"));
    }
    toolbar.setAttribute("aria-controls", area.id);
    wrapper.appendChild(toolbar);
    wrapper.appendChild(area);
    source.parentNode.insertBefore(wrapper, source);
    source.hidden = true;

    var editor = new window.Squire(area, { blockTag: "P", sanitizeToDOMFragment: sanitize });
    editor.setHTML(asHtml(source.value));
    var toggles = [];
    BUTTONS.forEach(function (spec) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = spec[0];
      if (spec[1]) { button.setAttribute("aria-pressed", "false"); toggles.push([button, spec[1]]); }
      button.addEventListener("click", function () { spec[2](editor); editor.focus(); sync(); });
      toolbar.appendChild(button);
    });
    function sync() {
      source.value = editor.getHTML();
      toggles.forEach(function (t) { t[0].setAttribute("aria-pressed", String(editor.hasFormat(t[1]))); });
    }
    editor.addEventListener("input", sync);
    editor.addEventListener("pathChange", sync);
    source.form.addEventListener("submit", sync);
  }

  document.querySelectorAll("textarea.minutes-source").forEach(enhance);
})();
