extension PageTemplates {
    /// Edit one part of a visit (`PartEditView`) with the version it was read at.
    static let partEdit = """
    {{#page}}
    <p><a href="{{visitHref}}" id="back-to-visit">Back to the visit</a></p>
    <h1>{{heading}}</h1>
    {{#stale}}<p class="notice problem" role="alert" id="stale-notice">{{.}}</p>{{/stale}}
    {{#hasErrors}}<p class="notice problem" role="alert">Not saved: correct the fields marked below.</p>{{/hasErrors}}
    {{#unplaced}}<p class="error">{{.}}</p>{{/unplaced}}
    <form method="post" action="{{action}}" id="edit-part-form" novalidate>
    {{>csrf}}
    <input type="hidden" name="version" value="{{version}}">
    {{#fields}}{{>field}}{{/fields}}
    <button type="submit" id="save-part">Save</button> <a href="{{visitHref}}">Cancel</a>
    </form>
    {{/page}}
    """
}
