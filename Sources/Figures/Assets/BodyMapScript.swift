/// The body map's enhancement script, plain JavaScript without a library, for the server to serve
/// at `/static/bodymap.js` (`Content-Type: text/javascript`; it needs no inline script, so the pages'
/// Content-Security-Policy can stay `script-src 'self'`).
///
/// Without it every region of an interactive map is a link to the lesion form with `region`, `side`
/// and `surface` in the query. With it, a click, Enter or Space on a region of a map whose
/// `data-lesion-form` names a form on the page fills that form's `region`, `side` and `surface`
/// fields, marks the region selected (`aria-pressed`, class `is-selected`), writes "Selected: ..."
/// into the form's `[data-bodymap-status]` element if it has one (make it `aria-live="polite"`), and
/// moves the focus to the form's `depth` field; when the page has no such form the link is followed.
public enum BodyMapScript {
    public static let source = #"""
    // Ossify body map: choose a region to fill the lesion form (see Sources/Figures/Assets/BodyMapScript.swift).
    (function () {
      "use strict";
      function field(form, name) { return form.elements.namedItem(name); }
      function set(form, name, value) {
        var f = field(form, name);
        if (!f) { return; }
        f.value = value;
        f.dispatchEvent(new Event("change", { bubbles: true }));
      }
      function regionOf(target) {
        return target && target.closest ? target.closest(".bodymap-region[data-region]") : null;
      }
      function choose(region) {
        var map = region.closest("svg.bodymap");
        var id = map ? map.getAttribute("data-lesion-form") : null;
        var form = id ? document.getElementById(id) : null;
        if (!form || !field(form, "region")) { return false; }
        set(form, "region", region.getAttribute("data-region"));
        set(form, "side", region.getAttribute("data-side"));
        set(form, "surface", region.getAttribute("data-view") === "back" ? "posterior" : "anterior");
        map.querySelectorAll(".bodymap-region").forEach(function (r) {
          r.classList.remove("is-selected");
          if (r.hasAttribute("role")) { r.setAttribute("aria-pressed", "false"); }
        });
        region.classList.add("is-selected");
        region.setAttribute("aria-pressed", "true");
        var status = form.querySelector("[data-bodymap-status]");
        if (status) { status.textContent = "Selected: " + region.getAttribute("aria-label"); }
        var next = field(form, "depth");
        if (next && next.focus) { next.focus(); }
        return true;
      }
      document.addEventListener("click", function (event) {
        var region = regionOf(event.target);
        if (region && choose(region)) { event.preventDefault(); }
      });
      document.addEventListener("keydown", function (event) {
        if (event.key !== " " && event.key !== "Spacebar") { return; }
        var region = regionOf(event.target);
        if (!region) { return; }
        event.preventDefault();
        if (!choose(region) && region.getAttribute("href")) {
          window.location.assign(region.getAttribute("href"));
        }
      });
    })();

    """#
}
