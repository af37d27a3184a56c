extension PageTemplates {
    /// A visit of a patient (clinicians): edit or delete it, its parts with their delete buttons,
    /// and a form to add each kind of part.
    static let visit = """
    {{#page}}
    <p><a href="{{patientHref}}" id="back-to-patient">Back to the patient</a></p>
    <h1 id="visit-title">{{heading}}</h1>
    {{#stale}}<p class="notice problem" role="alert" id="stale-notice">{{.}}</p>{{/stale}}
    <section id="visit-edit" aria-labelledby="visit-edit-title">
    <h2 id="visit-edit-title">Visit</h2>
    {{#editErrors}}<p class="notice problem" role="alert">The visit was not saved: correct the fields marked below.</p>{{/editErrors}}
    <form method="post" action="{{action}}" id="edit-visit-form" novalidate>
    {{>csrf}}
    <input type="hidden" name="version" value="{{visitVersion}}">
    {{#edit}}{{>field}}{{/edit}}
    <button type="submit" id="save-visit">Save visit</button>
    </form>
    <form method="post" action="{{deleteVisitAction}}" id="delete-visit-form">
    {{>csrf}}
    <input type="hidden" name="version" value="{{visitVersion}}">
    <button type="submit" class="danger" id="delete-visit">Delete this visit and all its parts</button>
    </form>
    </section>
    <section id="visit-parts" aria-labelledby="visit-parts-title">
    <h2 id="visit-parts-title">Recorded at this visit</h2>
    {{#entry}}{{>parts}}{{^hasPhenotypes}}{{^lists}}<p>Nothing recorded yet.</p>{{/lists}}{{/hasPhenotypes}}{{/entry}}
    </section>
    <section id="lesion-body-map" aria-labelledby="lesion-body-map-title">
    <h2 id="lesion-body-map-title">Body map</h2>
    <p class="hint">Choose a region (click, or Tab to it and press Enter or Space) to fill the lesion form below.</p>
    {{{bodyMap}}}
    </section>
    {{#forms}}{{>part-form}}{{/forms}}
    {{/page}}
    """

    /// A form that adds one kind of part to the visit (`PartFormView`).
    static let partForm = """
    <section id="add-{{collection}}" aria-labelledby="add-{{collection}}-title">
    <h2 id="add-{{collection}}-title">{{heading}}</h2>
    {{#hasErrors}}<p class="notice problem" role="alert">Not saved: correct the fields marked below.</p>{{/hasErrors}}
    {{#unplaced}}<p class="error">{{.}}</p>{{/unplaced}}
    <form method="post" action="{{action}}" id="add-{{collection}}-form" novalidate>
    {{>csrf}}
    {{#fields}}{{>field}}{{/fields}}
    {{#reading}}<p class="notice" id="hgvs-reading" role="status">{{.}}</p>{{/reading}}
    {{#readAction}}<button type="submit" class="secondary" formaction="{{.}}" id="read-hgvs">Read the HGVS expression</button>{{/readAction}}
    <button type="submit" id="add-{{collection}}-submit">Add</button>
    </form>
    </section>
    """
}
