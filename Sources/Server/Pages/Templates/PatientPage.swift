extension PageTemplates {
    static let patient = """
    {{#page}}
    <h1 id="patient-title">{{title}}</h1>
    {{#pseudonymised}}<p class="notice" id="pseudonymised-notice">Pseudonymised view: no identifiers, dates shifted by a fixed offset per patient, ids hashed.</p>{{/pseudonymised}}
    <section id="patient-header" aria-labelledby="patient-title">
    <dl class="header-facts">{{#facts}}<div><dt>{{label}}</dt><dd id="{{id}}">{{value}}</dd></div>{{/facts}}</dl>
    <p>{{#canEdit}}<a href="{{editPatientHref}}" id="edit-patient">Edit registration and tests</a> · {{/canEdit}}<a href="/patients/{{recordID}}/diagnosis" id="open-diagnosis">Diagnosis</a> · <a href="/patients/{{recordID}}/report" id="open-report">Printable report</a> · <a href="{{phenopacketHref}}" id="download-phenopacket" download>Download the phenopacket</a></p>
    </section>
    <section id="body-map" aria-labelledby="body-map-title"><h2 id="body-map-title">Body map</h2>
    {{#figures}}{{#latestBodyMap}}{{{.}}}{{/latestBodyMap}}{{^latestBodyMap}}<p>No visit with an age yet.</p>{{/latestBodyMap}}
    {{#bodyMapsByVisit}}<h3 id="body-maps-by-visit-title">By visit</h3>{{{.}}}{{/bodyMapsByVisit}}{{/figures}}
    </section>
    <section id="charts" aria-labelledby="charts-title"><h2 id="charts-title">Charts</h2>
    {{#figures}}{{#charts}}<figure class="chart" id="{{id}}-figure">{{{svg}}}<details><summary>Data table</summary>{{{table}}}</details></figure>
    {{/charts}}{{^charts}}<p>Nothing to chart yet.</p>{{/charts}}{{/figures}}
    </section>
    <section id="timeline-section" aria-labelledby="timeline-title">
    <h2 id="timeline-title">Timeline</h2>
    <ol class="timeline" id="timeline">
    {{#visits}}<li id="{{anchor}}">
    <p><span class="when">{{date}}</span> {{kind}}{{#age}} (age {{.}}){{/age}}{{#marks}}<span class="{{cssClass}}">{{text}}</span>{{/marks}}
    {{#href}} <a href="{{.}}">Open visit</a>{{/href}}</p>
    {{#notes}}<p class="visit-notes">{{.}}</p>{{/notes}}
    {{>parts}}
    </li>
    {{/visits}}
    {{^visits}}<li>No visits yet.</li>{{/visits}}
    </ol>
    </section>
    <section id="assessments" aria-labelledby="assessments-title">
    <h2 id="assessments-title">Diagnosis and GNAS-spectrum assessment</h2>
    {{#canEdit}}<form method="post" action="{{diagnoseAction}}" class="inline">{{>csrf}}<button type="submit" id="run-diagnosis">Run the differential diagnosis</button></form>
    <form method="post" action="{{assessAction}}" class="inline">{{>csrf}}<button type="submit" id="run-assessment">Run the GNAS-spectrum assessment</button></form>{{/canEdit}}
    <ul id="assessment-list">{{#assessments}}<li><strong>{{kind}}</strong>{{#createdAt}}, {{.}}{{/createdAt}}; data release {{release}}; engine {{engine}}<ul>{{#lines}}<li>{{.}}</li>{{/lines}}</ul></li>
    {{/assessments}}{{^assessments}}<li>No stored results yet.</li>{{/assessments}}</ul>
    </section>
    {{#canEdit}}
    <section id="add-visit" aria-labelledby="add-visit-title">
    <h2 id="add-visit-title">Add a visit</h2>
    {{#addVisitErrors}}<p class="notice problem" role="alert">The visit was not saved: correct the fields marked below.</p>{{/addVisitErrors}}
    <form method="post" action="{{addVisitAction}}" id="add-visit-form" novalidate>
    {{>csrf}}
    {{#addVisit}}{{>field}}{{/addVisit}}
    <button type="submit" id="save-visit">Add visit</button>
    </form>
    </section>
    {{/canEdit}}
    {{/page}}
    """

    /// The parts of one visit (a `VisitEntry`), as lists; used by the patient and the visit page.
    /// An item with a `deleteAction` (the visit page) has its delete button.
    static let parts = """
    {{#hasPhenotypes}}<h3>Phenotype</h3><ul class="phenotypes">{{#phenotypes}}<li class="term" tabindex="0">{{status}}: {{name}} ({{id}}){{#qualifiers}}; {{.}}{{/qualifiers}}{{#definition}}<span class="definition">{{.}}</span>{{/definition}}{{>delete}}</li>{{/phenotypes}}</ul>{{/hasPhenotypes}}
    {{#lists}}<h3>{{heading}}</h3><ul class="{{cssClass}}">{{#lines}}<li>{{text}}{{#flag}} <strong class="{{flagClass}}">{{.}}</strong>{{/flag}}{{#note}}<br><span class="hint">{{.}}</span>{{/note}}{{>delete}}</li>{{/lines}}</ul>{{/lists}}
    """

    static let delete = """
    {{#editHref}} <a href="{{.}}">Edit</a>{{/editHref}}{{#deleteAction}} <form method="post" action="{{.}}" class="inline">{{>csrf}}<input type="hidden" name="version" value="{{version}}"><button type="submit" class="secondary">Delete</button></form>{{/deleteAction}}
    """
}
