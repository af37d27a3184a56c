extension PageTemplates {
    static let patientList = """
    {{#page}}
    <h1>Patients</h1>
    {{#canCreate}}<p><a class="button" href="/patients/new" id="new-patient">New patient</a></p>{{/canCreate}}
    {{#hasProblems}}<div class="notice problem" role="alert"><ul>{{#problems}}<li>{{.}}</li>{{/problems}}</ul></div>{{/hasProblems}}
    <form method="get" action="/" class="filters" id="patient-filters" role="search">
    {{#filters}}{{>field}}{{/filters}}
    <button type="submit" id="apply-filters">Search</button>
    <a href="/">Clear</a>
    </form>
    <p class="hint">{{searchHint}}</p>
    <p id="patient-count">{{pager.summary}}</p>
    <table id="patients">
    <thead><tr><th scope="col">Record</th>{{#showPseudonym}}<th scope="col">Pseudonym</th>{{/showPseudonym}}<th scope="col">Age</th><th scope="col">Sex</th><th scope="col">Status</th><th scope="col">Diagnosis</th><th scope="col">Site</th><th scope="col">GNAS sequencing</th></tr></thead>
    <tbody>
    {{#rows}}<tr><td><a href="{{href}}">{{recordID}}</a></td>{{#showPseudonym}}<td>{{pseudonym}}</td>{{/showPseudonym}}<td>{{age}}</td><td>{{sex}}</td><td>{{status}}</td><td>{{diagnosis}}</td><td>{{site}}</td><td>{{gnas}}</td></tr>
    {{/rows}}
    {{^rows}}<tr><td colspan="8">No patients match.</td></tr>{{/rows}}
    </tbody>
    </table>
    <nav class="pager" aria-label="Pages">{{#pager.previous}}<a href="{{.}}" rel="prev" id="previous-page">Previous page</a>{{/pager.previous}}{{#pager.next}}<a href="{{.}}" rel="next" id="next-page">Next page</a>{{/pager.next}}</nav>
    {{/page}}
    """
}
