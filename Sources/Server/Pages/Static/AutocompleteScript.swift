/// `/static/hpo-autocomplete.js`: enhances each `input[data-hpo-search]` into an ARIA combobox over
/// `GET /api/v1/hpo/terms?q=` (names and synonyms of the HPO release). Without it the plain input
/// still takes an HPO id or a term's exact name. Keyboard: arrows move, Enter picks, Escape closes.
/// Texts from the server are set with `textContent` only, never as HTML.
enum AutocompleteScript {
    static let text = """
    "use strict";
    (function () {
      function enhance(input) {
        var box = document.createElement("ul");
        box.setAttribute("role", "listbox");
        box.id = input.id + "-options";
        box.className = "hidden";
        input.parentNode.appendChild(box);
        var chosen = document.getElementById(input.getAttribute("data-definition-target"));
        input.setAttribute("role", "combobox");
        input.setAttribute("aria-autocomplete", "list");
        input.setAttribute("aria-expanded", "false");
        input.setAttribute("aria-controls", box.id);
        input.setAttribute("autocomplete", "off");
        var items = [], active = -1, timer = null, serial = 0;

        function close() {
          box.className = "hidden"; input.setAttribute("aria-expanded", "false");
          input.removeAttribute("aria-activedescendant"); active = -1;
        }
        function show(list) {
          items = list; active = -1;
          while (box.firstChild) { box.removeChild(box.firstChild); }
          list.forEach(function (term, i) {
            var li = document.createElement("li");
            li.setAttribute("role", "option"); li.id = box.id + "-" + i;
            li.setAttribute("aria-selected", "false");
            li.textContent = term.name + " (" + term.id + ")";
            if (term.synonym) {
              var s = document.createElement("span"); s.className = "synonym";
              s.textContent = " \\u2013 matched: " + term.matched; li.appendChild(s);
            }
            if (term.definition) { li.title = term.definition; }
            li.addEventListener("mousedown", function (e) { e.preventDefault(); pick(i); });
            box.appendChild(li);
          });
          if (list.length) { box.className = ""; input.setAttribute("aria-expanded", "true"); } else { close(); }
        }
        function highlight(i) {
          if (active >= 0 && box.children[active]) { box.children[active].setAttribute("aria-selected", "false"); }
          active = i;
          if (i >= 0 && box.children[i]) {
            box.children[i].setAttribute("aria-selected", "true");
            input.setAttribute("aria-activedescendant", box.children[i].id);
            box.children[i].scrollIntoView({ block: "nearest" });
            describe(items[i]);
          }
        }
        function describe(term) {
          if (!chosen) { return; }
          chosen.textContent = term ? term.name + " (" + term.id + ")" + (term.definition ? ": " + term.definition : "") : "";
        }
        function pick(i) { var t = items[i]; if (!t) { return; } input.value = t.id; describe(t); close(); }
        function search() {
          var q = input.value.trim();
          if (q.length < 2 || /^HP:\\d{7}$/.test(q)) { close(); return; }
          var mine = ++serial;
          fetch("/api/v1/hpo/terms?limit=12&q=" + encodeURIComponent(q), { credentials: "same-origin", headers: { "Accept": "application/json" } })
            .then(function (r) { return r.ok ? r.json() : { items: [] }; })
            .then(function (body) { if (mine === serial) { show(body.items || []); } })
            .catch(function () { close(); });
        }
        input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(search, 200); });
        input.addEventListener("keydown", function (e) {
          if (box.className === "hidden") { return; }
          if (e.key === "ArrowDown") { e.preventDefault(); highlight(Math.min(items.length - 1, active + 1)); }
          else if (e.key === "ArrowUp") { e.preventDefault(); highlight(Math.max(0, active - 1)); }
          else if (e.key === "Enter" && active >= 0) { e.preventDefault(); pick(active); }
          else if (e.key === "Escape") { close(); }
        });
        input.addEventListener("blur", function () { setTimeout(close, 150); });
      }
      document.querySelectorAll("input[data-hpo-search]").forEach(enhance);
    })();
    """
}
