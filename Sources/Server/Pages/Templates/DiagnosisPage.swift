extension PageTemplates {
    /// The diagnosis page (`DiagnosisPageView`).
    static let diagnosis = """
    {{#page}}
    <h1 id="diagnosis-title">{{title}}</h1>
    <p><a href="{{patientHref}}" id="back-to-patient">Back to the patient</a> · <a href="{{reportHref}}" id="open-report">Printable report</a></p>
    {{#canRun}}<p><form method="post" action="{{diagnoseAction}}" class="inline">{{>csrf}}<button type="submit" id="run-diagnosis">Run the differential diagnosis</button></form>
    <form method="post" action="{{assessAction}}" class="inline">{{>csrf}}<button type="submit" id="run-assessment">Run the GNAS-spectrum assessment</button></form></p>{{/canRun}}
    <section id="differential" aria-labelledby="differential-title">
    <h2 id="differential-title">Differential diagnosis</h2>
    {{#differential}}
    <p class="provenance">Run {{when}}; data release {{release}}; engine {{engine}}. Probabilities are over every disease of the release, from the recorded phenotype, labs and variants; each candidate's evidence explains its rank.</p>
    {{#warnings}}<p class="notice">{{.}}</p>{{/warnings}}
    <ol class="candidates" id="candidates">
    {{#candidates}}<li id="{{anchor}}">
    <details>
    <summary><span class="candidate-name">{{rank}}. {{name}}</span> <span class="candidate-id">{{disease}}</span>
    <svg class="bar" width="200" height="12" viewBox="0 0 200 12" role="img" aria-label="probability {{probability}}"><rect class="bar-back" x="0" y="0" width="200" height="12"></rect><rect class="bar-fill" x="0" y="0" width="{{barWidth}}" height="12"></rect></svg>
    <span class="probability">{{probability}}</span></summary>
    <p>Combined evidence: log10 likelihood ratio {{log10Ratio}}.{{#equivalents}} Same disease as {{.}}.{{/equivalents}}</p>
    {{#hasEvidence}}<table class="evidence"><caption>Evidence for {{name}}</caption>
    <thead><tr><th scope="col">Patient term</th><th scope="col">Match</th><th scope="col">Likelihood ratio</th><th scope="col">Disease term</th><th scope="col">Frequency in the disease</th><th scope="col">Source</th></tr></thead>
    <tbody>{{#evidence}}<tr><td>{{patientTerm}}</td><td>{{match}}</td><td>{{ratio}}</td><td>{{diseaseTerm}}</td><td>{{frequency}}</td><td>{{source}}</td></tr>{{/evidence}}</tbody></table>{{/hasEvidence}}
    {{#genotype}}<p class="genotype">Genotype: {{.}}</p>{{/genotype}}
    {{#hasLookFor}}<h3>Look for</h3><ul class="look-for">{{#lookFor}}<li>{{text}}</li>{{/lookFor}}</ul>{{/hasLookFor}}
    </details>
    </li>
    {{/candidates}}
    </ol>
    {{/differential}}
    {{^differential}}<p id="no-differential">No differential stored yet{{#canRun}}: run it above{{/canRun}}.</p>{{/differential}}
    </section>
    <section id="assessment" aria-labelledby="assessment-title">
    <h2 id="assessment-title">GNAS-spectrum assessment</h2>
    {{#assessment}}
    <p class="provenance">Run {{when}}; data release {{release}}; engine {{engine}}.</p>
    <p class="classification" id="classification"><strong>{{name}}</strong>{{#provisional}} (provisional){{/provisional}}{{#codes}} — {{.}}{{/codes}}</p>
    <p>{{reason}}</p>
    <p class="source">Rule: {{ruleSource}}{{#ruleUnconfirmed}} <span class="unconfirmed">UNCONFIRMED</span>{{/ruleUnconfirmed}}</p>
    <table class="criteria" id="criteria"><caption>Criteria</caption>
    <thead><tr><th scope="col">Criterion</th><th scope="col">Status</th><th scope="col">Evidence</th><th scope="col">Source</th></tr></thead>
    <tbody>{{#criteria}}<tr><td>{{name}}</td><td class="{{statusClass}}">{{status}}</td><td>{{#evidence}}{{.}}<br>{{/evidence}}</td><td>{{source}}{{#unconfirmed}} <span class="unconfirmed">UNCONFIRMED</span>{{/unconfirmed}}</td></tr>{{/criteria}}</tbody></table>
    {{#hasUnknowns}}<h3>Unknown: what would decide</h3><ul id="unknowns">{{#unknowns}}<li>{{.}}</li>{{/unknowns}}</ul>{{/hasUnknowns}}
    {{#hasNextSteps}}<h3>Next steps</h3><ol id="next-steps">{{#nextSteps}}<li>{{.}}</li>{{/nextSteps}}</ol>{{/hasNextSteps}}
    {{#hasFollowUp}}<h3>Follow-up</h3><ul id="follow-up">{{#followUp}}<li>{{.}}</li>{{/followUp}}</ul><p class="source">{{followUpSource}}{{#followUpUnconfirmed}} <span class="unconfirmed">UNCONFIRMED</span>{{/followUpUnconfirmed}}</p>{{/hasFollowUp}}
    {{#ippsd}}<p>iPPSD: {{.}}</p>{{/ippsd}}
    {{#hasNotes}}<h3>Safety notes and conflicts</h3><ul id="safety-notes">{{#notes}}<li>{{.}}</li>{{/notes}}</ul>{{/hasNotes}}
    {{/assessment}}
    {{^assessment}}<p id="no-assessment">No assessment stored yet{{#canRun}}: run it above{{/canRun}}.</p>{{/assessment}}
    </section>
    <section id="stored-results" aria-labelledby="stored-title">
    <h2 id="stored-title">Stored results</h2>
    <table><thead><tr><th scope="col">Result</th><th scope="col">Run</th><th scope="col">Data release</th><th scope="col">Engine</th></tr></thead>
    <tbody>{{#stored}}<tr><td>{{kind}}</td><td>{{when}}</td><td>{{release}}</td><td>{{engine}}</td></tr>{{/stored}}</tbody></table>
    {{^stored}}<p>None yet.</p>{{/stored}}
    </section>
    {{/page}}
    """
}
