extension PageTemplates {
    static let password = """
    {{#page}}
    <h1>Change your password</h1>
    {{#done}}<p class="notice" id="password-changed" role="status">Your password has been changed. Your other sessions were signed out.</p>{{/done}}
    {{#problem}}<p class="notice problem" role="alert">{{problem}}</p>{{/problem}}
    <form method="post" action="/account/password" id="password-form">
    {{>csrf}}
    {{#fields}}{{>field}}{{/fields}}
    <button type="submit" id="password-submit">Change password</button>
    </form>
    {{/page}}
    """
}
