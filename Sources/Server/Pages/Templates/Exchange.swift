extension PageTemplates {
    /// `/exchange`: import a phenopacket or a JSONL batch (clinicians), download the export.
    static let exchange = """
    {{#page}}
    <h1>Exchange</h1>
    <section id="export" aria-labelledby="export-title">
    <h2 id="export-title">Download</h2>
    <p><a href="/exchange/export.jsonl" id="download-export" download>Download the export (JSONL, one record per line)</a>: {{exportScope}}</p>
    <p>A patient's GA4GH phenopacket is downloaded from the patient's page.</p>
    </section>
    {{#canImport}}
    <section id="import" aria-labelledby="import-title">
    <h2 id="import-title">Import</h2>
    <p>Choose a file or paste one phenopacket (JSON) or a batch (JSONL, one phenopacket per line), up to 1 MiB; larger batches go to <code>POST /api/v1/phenopackets</code>. The batch is imported whole or not at all.</p>
    {{#hasImported}}<div class="notice" role="status" id="import-done"><p>{{importSummary}}</p><ul>{{#imported}}<li><a href="{{href}}">{{label}}</a></li>{{/imported}}</ul></div>{{/hasImported}}
    {{#hasRefused}}<div class="notice problem" role="alert" id="import-refused"><p>{{refusedSummary}}</p><ul>{{#refused}}<li>{{.}}</li>{{/refused}}</ul></div>{{/hasRefused}}
    <form method="post" action="/exchange/import" id="import-form">
    {{>csrf}}
    <div class="field hidden" id="import-file-field"><label for="import-file">Phenopacket or JSONL file</label>
    <input type="file" id="import-file" accept=".json,.jsonl,application/json" data-max-bytes="1048576" aria-describedby="import-file-status">
    <span class="hint" id="import-file-status" role="status"></span></div>
    <div class="field"><label for="import-document">Phenopacket or JSONL batch</label>
    <textarea id="import-document" name="document" rows="12">{{document}}</textarea></div>
    <button type="submit" id="import-submit">Import</button>
    </form>
    </section>
    {{/canImport}}
    {{/page}}
    """
}
