extension PageTemplates {
    /// The printable report (`ReportView`): no forms, everything open, a page break before each
    /// large section in print.
    static let report = """
    {{#page}}
    <article class="report" id="report">
    <h1 id="report-title">{{title}}</h1>
    <p class="provenance" id="report-provenance">Generated {{generated}} by Ossify; data release {{release}}.{{#pseudonymised}} Pseudonymised view: no identifiers, dates shifted by a fixed offset per patient.{{/pseudonymised}}</p>
    <p class="screen-only"><a href="{{patientHref}}">Back to the patient</a> · Print this page or save it as PDF with the browser's print command.</p>
    <section id="report-summary" aria-labelledby="summary-title"><h2 id="summary-title">Summary</h2>
    <dl class="header-facts">{{#facts}}<div><dt>{{label}}</dt><dd>{{value}}</dd></div>{{/facts}}</dl>
    </section>
    <section id="report-body-map" class="print-page" aria-labelledby="report-map-title"><h2 id="report-map-title">Body map</h2>
    {{#figures}}{{#latestBodyMap}}{{{.}}}{{/latestBodyMap}}{{^latestBodyMap}}<p>No visit with an age yet.</p>{{/latestBodyMap}}
    {{#bodyMapsByVisit}}<h3>By visit</h3>{{{.}}}{{/bodyMapsByVisit}}{{/figures}}
    </section>
    <section id="report-charts" class="print-page" aria-labelledby="report-charts-title"><h2 id="report-charts-title">Charts</h2>
    {{#figures}}{{#charts}}<figure class="chart">{{{svg}}}{{{table}}}</figure>{{/charts}}{{^charts}}<p>Nothing to chart yet.</p>{{/charts}}{{/figures}}
    </section>
    <section id="report-differential" class="print-page" aria-labelledby="report-dx-title"><h2 id="report-dx-title">Differential diagnosis</h2>
    {{#differential}}<p class="provenance">Run {{when}}; data release {{release}}; engine {{engine}}.</p>{{/differential}}
    {{#candidates}}<h3>{{rank}}. {{name}} ({{disease}}): {{probability}}</h3>
    {{#hasEvidence}}<table class="evidence"><thead><tr><th scope="col">Patient term</th><th scope="col">Match</th><th scope="col">Likelihood ratio</th><th scope="col">Disease term</th><th scope="col">Frequency</th></tr></thead>
    <tbody>{{#evidence}}<tr><td>{{patientTerm}}</td><td>{{match}}</td><td>{{ratio}}</td><td>{{diseaseTerm}}</td><td>{{frequency}}</td></tr>{{/evidence}}</tbody></table>{{/hasEvidence}}
    {{#hasLookFor}}<p>Look for: {{#lookFor}}{{text}}; {{/lookFor}}</p>{{/hasLookFor}}
    {{/candidates}}
    {{^differential}}<p>No differential stored.</p>{{/differential}}
    </section>
    <section id="report-assessment" aria-labelledby="report-assessment-title"><h2 id="report-assessment-title">GNAS-spectrum assessment</h2>
    {{#assessment}}<p class="provenance">Run {{when}}; data release {{release}}; engine {{engine}}.</p>
    <p><strong>{{name}}</strong>{{#provisional}} (provisional){{/provisional}}{{#codes}} — {{.}}{{/codes}}. {{reason}}</p>
    <p class="source">Rule: {{ruleSource}}{{#ruleUnconfirmed}} <span class="unconfirmed">UNCONFIRMED</span>{{/ruleUnconfirmed}}</p>
    <table class="criteria"><thead><tr><th scope="col">Criterion</th><th scope="col">Status</th><th scope="col">Evidence</th><th scope="col">Source</th></tr></thead>
    <tbody>{{#criteria}}<tr><td>{{name}}</td><td class="{{statusClass}}">{{status}}</td><td>{{#evidence}}{{.}}<br>{{/evidence}}</td><td>{{source}}{{#unconfirmed}} <span class="unconfirmed">UNCONFIRMED</span>{{/unconfirmed}}</td></tr>{{/criteria}}</tbody></table>
    {{#hasNextSteps}}<h3>Next steps</h3><ol>{{#nextSteps}}<li>{{.}}</li>{{/nextSteps}}</ol>{{/hasNextSteps}}
    {{#hasNotes}}<h3>Safety notes and conflicts</h3><ul>{{#notes}}<li>{{.}}</li>{{/notes}}</ul>{{/hasNotes}}
    {{/assessment}}
    {{^assessment}}<p>No assessment stored.</p>{{/assessment}}
    </section>
    </article>
    {{/page}}
    """
}
