extension PageTemplates {
    /// One form control (`FormFieldView`): label, control, hint, and the error beside it.
    static let field = """
    <div class="field{{#error}} has-error{{/error}}">
    <label for="{{inputID}}">{{label}}{{#required}} <span class="req">(required)</span>{{/required}}</label>
    {{#isSelect}}<select id="{{inputID}}" name="{{name}}"{{#error}} aria-invalid="true" aria-describedby="{{inputID}}-error"{{/error}}>{{#options}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/options}}</select>{{/isSelect}}
    {{#isTextarea}}<textarea id="{{inputID}}" name="{{name}}"{{#error}} aria-invalid="true" aria-describedby="{{inputID}}-error"{{/error}}>{{value}}</textarea>{{/isTextarea}}
    {{#isInput}}<span class="{{#hpoSearch}}autocomplete{{/hpoSearch}}"><input id="{{inputID}}" name="{{name}}" type="{{inputType}}" value="{{value}}"{{#inputMode}} inputmode="{{inputMode}}"{{/inputMode}}{{#hpoSearch}} data-hpo-search="1" data-definition-target="{{inputID}}-definition"{{/hpoSearch}}{{#autocomplete}} autocomplete="{{autocomplete}}"{{/autocomplete}}{{#error}} aria-invalid="true" aria-describedby="{{inputID}}-error"{{/error}}></span>{{/isInput}}
    {{#hpoSearch}}<p class="hint" id="{{inputID}}-definition" aria-live="polite"></p>{{/hpoSearch}}
    {{#hint}}<span class="hint">{{hint}}</span>{{/hint}}
    {{#error}}<p class="error" id="{{inputID}}-error">{{error}}</p>{{/error}}
    </div>
    """
}
