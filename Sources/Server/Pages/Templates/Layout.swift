extension PageTemplates {
    static let layout = """
    <!doctype html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>{{title}} - Ossify</title>
    <link rel="stylesheet" href="/static/ossify.css">
    {{#scripts}}<script src="/static/{{.}}" defer></script>
    {{/scripts}}
    </head>
    <body>
    <a class="skip" href="#main">Skip to content</a>
    <header class="top">
    <a class="brand" href="/">Ossify</a>
    {{#signedIn}}
    <nav aria-label="Main"><ul>{{#nav}}<li><a href="{{href}}"{{#current}} aria-current="page"{{/current}}>{{label}}</a></li>{{/nav}}</ul></nav>
    <div class="session">
    <span id="signed-in-as">Signed in as <strong>{{username}}</strong> ({{role}})</span>
    {{#expires}}<span id="session-expiry">Session ends <time datetime="{{expiresISO}}">{{expires}}</time></span>{{/expires}}
    <a href="/account/password">Change password</a>
    <form method="post" action="/logout" class="inline"><input type="hidden" name="csrf" value="{{csrf}}"><button type="submit" class="secondary" id="sign-out">Sign out</button></form>
    </div>
    {{/signedIn}}
    </header>
    <main id="main">
    {{{content}}}
    </main>
    <footer>Ossify registry. Pseudonymised data is still personal data: handle it accordingly.</footer>
    </body>
    </html>
    """
}
