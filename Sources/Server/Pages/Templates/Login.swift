extension PageTemplates {
    static let login = """
    {{#page}}
    <h1>Sign in</h1>
    {{#notice}}<p class="notice" id="login-notice">{{notice}}</p>{{/notice}}
    {{#error}}<p class="notice problem" id="login-error" role="alert">{{error}}</p>{{/error}}
    <form method="post" action="/login" id="login-form">
    <div class="field"><label for="login-username">Username</label>
    <input id="login-username" name="username" type="text" value="{{username}}" autocomplete="username" required></div>
    <div class="field"><label for="login-password">Password</label>
    <input id="login-password" name="password" type="password" autocomplete="current-password" required></div>
    <button type="submit" id="login-submit">Sign in</button>
    </form>
    {{/page}}
    """
}
