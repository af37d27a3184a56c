extension PageTemplates {
    /// `/cohort`: the GET form of the analysis and filters, then the result (`CohortPageView`).
    static let cohort = """
    {{#page}}
    <h1>Natural history</h1>
    <p id="cohort-scope">{{scope}}</p>
    {{#hasProblems}}<div class="notice problem" role="alert" id="cohort-problems"><ul>{{#problems}}<li>{{.}}</li>{{/problems}}</ul></div>{{/hasProblems}}
    <form method="get" action="/cohort" class="filters" id="cohort-form" aria-label="Analysis and filters">
    {{#fields}}{{>field}}{{/fields}}
    <button type="submit" id="run-analysis">Run the analysis</button>
    <a href="/cohort">Clear</a>
    </form>
    {{#result}}
    <section id="cohort-result" aria-labelledby="cohort-result-title" data-analysis="{{id}}">
    <h2 id="cohort-result-title">{{heading}}</h2>
    <dl class="header-facts" id="cohort-counts">
    <dt>{{nLabel}}</dt><dd id="cohort-n">{{n}}</dd>
    <dt>Left out</dt><dd id="cohort-excluded">{{^exclusions}}none{{/exclusions}}<ul>{{#exclusions}}<li>{{label}}: {{value}}</li>{{/exclusions}}</ul></dd>
    </dl>
    <p class="downloads"><a href="{{jsonHref}}" id="download-json" download="cohort-{{id}}.json">Download the JSON (with the data the estimates came from)</a>{{#svgHref}} · <a href="{{svgHref}}" id="download-svg" download="cohort-{{id}}.svg">Download the plot (SVG)</a>{{/svgHref}}</p>
    {{#svg}}<figure class="chart cohort-plot" id="cohort-plot">{{{svg}}}</figure>{{/svg}}
    {{#notes}}<p class="notice" role="note">{{.}}</p>{{/notes}}
    {{#tables}}
    <table id="{{id}}">
    <caption>{{caption}}</caption>
    <thead><tr><th scope="col">{{corner}}</th>{{#headers}}<th scope="col">{{.}}</th>{{/headers}}</tr></thead>
    <tbody>
    {{#rows}}<tr><th scope="row">{{head}}</th>{{#cells}}<td>{{.}}</td>{{/cells}}</tr>
    {{/rows}}
    {{^hasRows}}<tr><td colspan="{{span}}">None.</td></tr>{{/hasRows}}
    </tbody>
    </table>
    {{/tables}}
    </section>
    {{/result}}
    {{^result}}{{^hasProblems}}<p id="cohort-prompt">Choose an analysis and the filters, then run it.</p>{{/hasProblems}}{{/result}}
    {{/page}}
    """
}
