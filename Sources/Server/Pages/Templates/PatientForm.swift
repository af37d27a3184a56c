extension PageTemplates {
    /// New patient and edit patient: the EU common data elements and the GNAS-spectrum tests.
    static let patientForm = """
    {{#page}}
    <h1>{{heading}}</h1>
    {{#stale}}<p class="notice problem" role="alert" id="stale-notice">{{stale}}</p>{{/stale}}
    {{#hasErrors}}<p class="notice problem" role="alert" id="form-problems">The record was not saved: correct the fields marked below.</p>{{/hasErrors}}
    {{#unplaced}}<p class="error">{{.}}</p>{{/unplaced}}
    <form method="post" action="{{action}}" id="patient-form" novalidate>
    {{>csrf}}
    {{#version}}<input type="hidden" name="version" value="{{.}}">{{/version}}
    {{#groups}}<fieldset><legend>{{legend}}</legend>
    {{#fields}}{{>field}}{{/fields}}
    </fieldset>
    {{/groups}}
    <button type="submit" id="save-patient">Save</button> <a href="{{cancel}}">Cancel</a>
    </form>
    {{/page}}
    """
}
