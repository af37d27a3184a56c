extension PageTemplates {
    static let error = """
    {{#page}}
    <h1>{{title}}</h1>
    <p class="notice problem" id="error-detail">{{detail}}</p>
    <p><a href="/">Back to the start page</a></p>
    {{/page}}
    """
}
