/// The exchange page's file chooser (`/static/import-file.js`): a phenopacket or JSONL file chosen
/// on the computer is read into the import field, which the form then posts as usual. Without
/// scripts the chooser is hidden and the text is pasted. Plain DOM, no library.
enum ImportFileScript {
    static let text = """
    (function () {
      "use strict";
      var input = document.getElementById("import-file");
      var field = document.getElementById("import-document");
      var status = document.getElementById("import-file-status");
      if (!input || !field) { return; }
      var wrapper = document.getElementById("import-file-field");
      if (wrapper) { wrapper.classList.remove("hidden"); }
      var limit = Number(input.getAttribute("data-max-bytes")) || 1048576;
      input.addEventListener("change", function () {
        var file = input.files && input.files[0];
        if (!file) { return; }
        if (file.size > limit) {
          status.textContent = file.name + " is larger than " + Math.round(limit / 1024) + " KiB: import it with POST /api/v1/phenopackets.";
          input.value = "";
          return;
        }
        var reader = new FileReader();
        reader.onload = function () {
          field.value = String(reader.result);
          status.textContent = file.name + " read (" + file.size + " bytes): check it below, then Import.";
          field.focus();
        };
        reader.onerror = function () { status.textContent = file.name + " could not be read."; };
        reader.readAsText(file);
      });
    })();
    """
}
